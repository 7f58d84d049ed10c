package dev.mlpmaven.engine.report;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.runtime.TableInput;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.train.EpochResult;
import org.knowm.xchart.XYChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.mlpmaven.engine.report.Html.esc;
import static dev.mlpmaven.engine.report.Html.num;
import static dev.mlpmaven.engine.report.Html.pct;

/**
 * Writes one experiment's report into a folder: {@code report.html} (self-contained: inline CSS and script, test
 * images as data: URIs, no network) and the charts beside it as PNG files drawn by XChart:
 * {@code loss.png}, {@code accuracy.png} (when there is a validation split), {@code learning-rate.png} (when the
 * rate changed) and {@code confusion.png}. Every file is written to a temp file and moved into place.
 */
public final class ReportWriter {
    /** How many test images the predictions grid shows (the first ones of the test split). */
    public static final int GRID_SIZE = 25;
    /** How many of the most confidently wrong predictions the second grid shows. */
    public static final int MISTAKES_SIZE = 25;

    public static final String REPORT_FILE = "report.html";
    public static final String LOSS_PNG = "loss.png";
    public static final String ACCURACY_PNG = "accuracy.png";
    public static final String LEARNING_RATE_PNG = "learning-rate.png";
    public static final String CONFUSION_PNG = "confusion.png";
    /** The chance-level banner after its bold title; arguments: test accuracy, classes, chance level (percentages). */
    public static final String CHANCE_LEVEL_BANNER = "Test accuracy %s is no better than guessing among %d classes "
            + "(chance level %s): the network did not learn - check the learning rate, the input normalisation and "
            + "the labels.";

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ReportWriter() {
    }

    /** Writes the report files into {@code dir} (created if missing), replacing earlier ones. */
    public static void write(ReportInput in, Path dir) {
        try {
            Files.createDirectories(dir);
            List<String> charts = new ArrayList<>();
            List<EpochResult> epochs = in.epochs();
            if (!epochs.isEmpty()) {
                XYChart loss = Charts.loss(epochs);
                if (loss != null) {
                    AtomicFiles.write(dir.resolve(LOSS_PNG), Charts.png(loss));
                    charts.add(LOSS_PNG);
                }
                XYChart accuracy = Charts.accuracy(epochs);
                if (accuracy != null) {
                    AtomicFiles.write(dir.resolve(ACCURACY_PNG), Charts.png(accuracy));
                    charts.add(ACCURACY_PNG);
                }
                if (Charts.learningRateChanges(epochs)) {
                    AtomicFiles.write(dir.resolve(LEARNING_RATE_PNG), Charts.png(Charts.learningRate(epochs)));
                    charts.add(LEARNING_RATE_PNG);
                }
            }
            if (in.hasTest()) {
                AtomicFiles.write(dir.resolve(CONFUSION_PNG),
                        Charts.png(Charts.confusion(in.test().confusionMatrix(), in.classNames())));
            }
            AtomicFiles.writeString(dir.resolve(REPORT_FILE), html(in, charts));
        } catch (IOException e) {
            throw new UncheckedIOException("report " + dir + ": could not write (" + e.getMessage() + ")", e);
        }
    }

    static String html(ReportInput in, List<String> charts) throws IOException {
        String name = in.experiment().name();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(name)).append(" \u2014 mlp-maven report</title>\n")
                .append("<style>\n").append(Html.resource("report.css")).append("</style>\n</head>\n<body>\n");
        header(h, in);
        h.append("<main>\n<nav>");
        String[][] links = in.testSplit().isTable()
                ? new String[][] {{"curves", "Learning curves"}, {"confusion", "Confusion matrix"},
                {"per-class", "Per class"}, {"features", "Features"},
                {"hyperparameters", "Hyperparameters"}, {"data", "Data"}, {"timings", "Timings"},
                {"environment", "Environment"}}
                : new String[][] {{"curves", "Learning curves"}, {"confusion", "Confusion matrix"},
                {"per-class", "Per class"}, {"predictions", "Predictions"}, {"mistakes", "Confident mistakes"},
                {"hyperparameters", "Hyperparameters"}, {"data", "Data"}, {"timings", "Timings"},
                {"environment", "Environment"}};
        for (String[] link : links) {
            h.append("<a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a>");
        }
        h.append("</nav>\n");
        curves(h, in, charts);
        confusion(h, in);
        perClass(h, in);
        grids(h, in);
        keyValues(h, "hyperparameters", "Hyperparameters", Hyperparameters.of(in.experiment()), false);
        data(h, in);
        timings(h, in);
        keyValues(h, "environment", "Environment", in.environment(), false);
        h.append("</main>\n<script>\n").append(Html.resource("report.js"))
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportInput in) {
        h.append("<header><h1>").append(esc(in.experiment().name())).append("</h1><div class=\"sub\">mlp-maven report")
                .append(in.experiment().source() == null ? "" : " \u00b7 " + esc(in.experiment().source()))
                .append("</div></header>\n<div class=\"wrap\">\n");
        if (in.divergence() != null) {
            h.append("<div class=\"banner bad\" id=\"divergence\"><strong>Training diverged.</strong> ")
                    .append(esc(in.divergence())).append("</div>\n");
        }
        int classes = in.classNames().size();
        if (in.hasTest() && ChanceLevel.isAt(in.test().accuracy(), classes)) {
            h.append("<div class=\"banner bad\" id=\"chance-level\"><strong>Accuracy at chance level.</strong> ")
                    .append(esc(String.format(Locale.ROOT, CHANCE_LEVEL_BANNER, pct(in.test().accuracy()),
                            classes, pct(ChanceLevel.of(classes))))).append("</div>\n");
        }
        h.append("<div class=\"cards\">");
        if (in.hasTest()) {
            card(h, "test accuracy", pct(in.test().accuracy()));
            card(h, "test loss", num(in.test().loss(), 4));
            ClassMetrics m = ClassMetrics.of(in.test().confusionMatrix(), in.classNames());
            card(h, "macro F1", num(m.macroF1(), 4));
        } else {
            card(h, "test accuracy", "\u2014");
        }
        card(h, "epochs", in.epochs().size() + (in.stoppedEarly() ? " (stopped early)" : ""));
        if (in.bestEpoch() > 0) {
            card(h, "best epoch", Integer.toString(in.bestEpoch()));
        }
        card(h, "total time", num(in.totalSeconds(), 1) + " s");
        h.append("</div>\n</div>\n");
    }

    private static void card(StringBuilder h, String key, String value) {
        h.append("<div class=\"card\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div></div>");
    }

    private static void curves(StringBuilder h, ReportInput in, List<String> charts) {
        h.append("<section id=\"curves\"><h2>Learning curves</h2>\n");
        if (charts.isEmpty()) {
            h.append("<p class=\"muted\">No epoch finished with a finite loss, so there is nothing to plot.</p>");
        } else {
            h.append("<div class=\"charts\">");
            for (String png : charts) {
                h.append("<img class=\"chart\" src=\"").append(esc(png)).append("\" data-check=\"chart ")
                        .append(esc(png)).append("\" alt=\"").append(esc(alt(png))).append("\">");
            }
            h.append("</div>\n");
            if (!charts.contains(ACCURACY_PNG)) {
                h.append("<p class=\"muted\">No validation split (training.validationSplit is 0), so there is no "
                        + "validation accuracy per epoch.</p>\n");
            }
            if (!charts.contains(LEARNING_RATE_PNG)) {
                h.append("<p class=\"muted\">Learning rate constant at ")
                        .append(esc(Hyperparameters.sig4(in.epochs().get(0).learningRate()))).append(".</p>\n");
            }
        }
        h.append("</section>\n");
    }

    private static String alt(String png) {
        return switch (png) {
            case LOSS_PNG -> "training loss per epoch";
            case ACCURACY_PNG -> "validation accuracy per epoch";
            case LEARNING_RATE_PNG -> "learning rate per epoch";
            default -> png;
        };
    }

    private static void confusion(StringBuilder h, ReportInput in) {
        h.append("<section id=\"confusion\"><h2>Confusion matrix</h2>\n");
        if (in.hasTest()) {
            h.append("<p class=\"muted\">Rows: true class; columns: predicted class; counts of test samples. "
                    + "The diagonal holds the correct predictions.</p>\n<img class=\"chart\" src=\"")
                    .append(CONFUSION_PNG).append("\" data-check=\"chart ").append(CONFUSION_PNG)
                    .append("\" alt=\"confusion matrix heat map\">\n");
        } else {
            noTest(h);
        }
        h.append("</section>\n");
    }

    private static void noTest(StringBuilder h) {
        h.append("<p class=\"muted\">No test evaluation: training did not finish.</p>\n");
    }

    private static void perClass(StringBuilder h, ReportInput in) {
        h.append("<section id=\"per-class\"><h2>Per-class precision, recall and F1</h2>\n");
        if (!in.hasTest()) {
            noTest(h);
            h.append("</section>\n");
            return;
        }
        ClassMetrics m = ClassMetrics.of(in.test().confusionMatrix(), in.classNames());
        h.append("<table class=\"sortable\" id=\"per-class-table\"><thead><tr><th>class</th><th>name</th>"
                + "<th class=\"n\">precision</th><th class=\"n\">recall</th><th class=\"n\">F1</th>"
                + "<th class=\"n\">support</th><th class=\"n\">predicted</th></tr></thead><tbody>\n");
        for (int k = 0; k < m.classes().size(); k++) {
            ClassMetrics.PerClass c = m.classes().get(k);
            h.append("<tr><td class=\"n\" data-sort=\"").append(k).append("\">").append(k).append("</td><td>")
                    .append(esc(c.name())).append("</td>");
            numCell(h, c.precision(), 4);
            numCell(h, c.recall(), 4);
            numCell(h, c.f1(), 4);
            numCell(h, c.support(), 0);
            numCell(h, c.predicted(), 0);
            h.append("</tr>\n");
        }
        h.append("</tbody><tfoot><tr><td></td><td>macro average</td><td class=\"n\">").append(num(m.macroPrecision(), 4))
                .append("</td><td class=\"n\">").append(num(m.macroRecall(), 4)).append("</td><td class=\"n\">")
                .append(num(m.macroF1(), 4)).append("</td><td class=\"n\">").append(m.total())
                .append("</td><td></td></tr></tfoot></table>\n<p class=\"muted\">Click a column to sort. "
                        + "A class never predicted has precision 0; a class with no test samples has recall 0; "
                        + "F1 is 0 when both are 0. Macro averages weigh every class the same.</p>\n</section>\n");
    }

    private static void numCell(StringBuilder h, double v, int digits) {
        h.append("<td class=\"n\" data-sort=\"").append(Html.sortKey(v)).append("\">").append(num(v, digits))
                .append("</td>");
    }

    private static void grids(StringBuilder h, ReportInput in) throws IOException {
        if (in.testSplit().isTable()) {
            features(h, in);
            return;
        }
        h.append("<section id=\"predictions\"><h2>Predictions on the first test images</h2>\n");
        if (!in.hasTest()) {
            noTest(h);
        } else {
            int n = Math.min(GRID_SIZE, in.testSplit().size());
            h.append("<p class=\"muted\">Test images 1 to ").append(n)
                    .append(" in file order; green when right, red when wrong.</p>\n");
            tiles(h, in, IntStream.range(0, n).toArray(), "prediction", false);
        }
        h.append("</section>\n<section id=\"mistakes\"><h2>Most confidently wrong predictions</h2>\n");
        if (!in.hasTest()) {
            noTest(h);
        } else {
            int[] wrong = IntStream.range(0, in.testSplit().size())
                    .filter(i -> in.predicted()[i] != in.testSplit().labels().label(i)).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -in.confidence()[i]).thenComparingInt(i -> i))
                    .limit(MISTAKES_SIZE).mapToInt(Integer::intValue).toArray();
            if (wrong.length == 0) {
                h.append("<p>No test image was misclassified.</p>\n");
            } else {
                h.append("<p class=\"muted\">The ").append(wrong.length)
                        .append(" wrong predictions the model was most sure of, most confident first; "
                                + "the percentage is the softmax probability of the predicted class.</p>\n");
                tiles(h, in, wrong, "mistake", true);
            }
        }
        h.append("</section>\n");
    }

    /** A table's features instead of image grids: what each column became, from the training rows. */
    private static void features(StringBuilder h, ReportInput in) {
        h.append("<section id=\"features\"><h2>Features</h2>\n");
        if (!(in.input() instanceof TableInput table)) {
            h.append("<p class=\"muted\">Not recorded.</p>\n</section>\n");
            return;
        }
        h.append("<p class=\"muted\">").append(table.features().size()).append(" columns of the table, ")
                .append(table.size()).append(" network inputs. Numeric columns are standardised with the training "
                        + "rows' mean and standard deviation; text columns are one-hot over the training rows' values. "
                        + "Missing values: ").append(esc(table.missing().id())).append("; unseen categories: ")
                .append(esc(table.unseenCategory().id())).append(".</p>\n");
        h.append("<table class=\"sortable\" id=\"features-table\"><thead><tr><th class=\"n\">#</th><th>column</th>"
                + "<th>type</th><th class=\"n\">inputs</th><th class=\"n\">mean</th><th class=\"n\">std</th>"
                + "<th>categories</th></tr></thead><tbody>\n");
        int k = 0;
        for (TableInput.Feature f : table.features()) {
            h.append("<tr><td class=\"n\" data-sort=\"").append(k).append("\">").append(k++).append("</td><td>")
                    .append(esc(f.name())).append("</td>");
            if (f instanceof TableInput.Numeric n) {
                h.append("<td>numeric</td>");
                numCell(h, 1, 0);
                numCell(h, n.mean(), 4);
                numCell(h, n.std(), 4);
                h.append("<td></td>");
            } else {
                TableInput.Categorical c = (TableInput.Categorical) f;
                h.append("<td>text</td>");
                numCell(h, c.width(), 0);
                h.append("<td></td><td></td><td>");
                List<String> shown = c.categories().size() <= 12 ? c.categories() : c.categories().subList(0, 12);
                h.append(esc(String.join(", ", shown)));
                if (shown.size() < c.categories().size()) {
                    h.append(", \u2026 (").append(c.categories().size()).append(')');
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n</section>\n");
    }

    /** How the report draws the test images of this dataset. */
    private static ImageTiles.Look look(ReportInput in) {
        boolean folder = in.experiment().dataset() != null
                && in.experiment().dataset().kind() == DatasetSpec.Kind.IMAGE_FOLDER;
        return folder ? ImageTiles.Look.AS_STORED : ImageTiles.Look.INK_ON_WHITE;
    }

    private static void tiles(StringBuilder h, ReportInput in, int[] indices, String kind, boolean withConfidence)
            throws IOException {
        DataSplit split = in.testSplit();
        ImageTiles.Look look = look(in);
        List<String> names = in.classNames();
        h.append("<div class=\"grid\" id=\"").append(kind).append("-grid\">\n");
        for (int i : indices) {
            int truth = split.labels().label(i);
            int pred = in.predicted()[i];
            String caption = "Predict: " + names.get(pred) + " / True: " + names.get(truth);
            h.append("<figure class=\"tile ").append(pred == truth ? "ok" : "wrong").append("\"><img src=\"")
                    .append(ImageTiles.dataUri(split.images(), i, look)).append("\" data-check=\"").append(kind)
                    .append(' ').append(i).append("\" alt=\"test image ").append(i + 1).append("\" title=\"")
                    .append(esc(caption + " (test image " + (i + 1) + ", confidence " + pct(in.confidence()[i]) + ")"))
                    .append("\"><figcaption>")
                    .append(esc("Predict: " + names.get(pred))).append("<br>").append(esc("True: " + names.get(truth)));
            if (withConfidence) {
                h.append("<br><span class=\"muted\">").append(pct(in.confidence()[i])).append("</span>");
            }
            h.append("</figcaption></figure>\n");
        }
        h.append("</div>\n");
    }

    private static void keyValues(StringBuilder h, String id, String title, Map<String, String> rows, boolean mono) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"muted\">Not recorded.</p>\n");
        } else {
            h.append("<table class=\"kv\"><tbody>\n");
            rows.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td")
                    .append(mono ? " class=\"mono\"" : "").append('>').append(esc(v == null ? "" : v))
                    .append("</td></tr>\n"));
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static void data(StringBuilder h, ReportInput in) {
        h.append("<section id=\"data\"><h2>Data</h2>\n<p>Dataset <strong>")
                .append(esc(in.experiment().dataset() != null && in.experiment().dataset().isNamed()
                        ? in.experiment().dataset().name() : "local files"))
                .append("</strong>: ").append(in.classNames().size()).append(" classes, ");
        if (in.testSplit().isTable()) {
            h.append(in.testSplit().size()).append(" test rows of ").append(in.testSplit().inputWidth())
                    .append(" network inputs.</p>\n");
        } else {
            IdxImages im = in.testSplit().images();
            h.append(in.testSplit().size()).append(" test images of ").append(im.rows()).append('x').append(im.cols())
                    .append(im.channels() == 3 ? " (RGB)" : "").append(".</p>\n");
        }
        h.append("<table class=\"kv\"><thead><tr><th>file</th><th>SHA-256 of the decompressed content</th>"
                + "<th>origin</th></tr></thead><tbody>\n");
        List<String> roles = new ArrayList<>(in.contentSha256().keySet());
        in.origin().keySet().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        for (String role : roles) {
            h.append("<tr><td>").append(esc(role)).append("</td><td class=\"mono\">")
                    .append(esc(in.contentSha256().getOrDefault(role, ""))).append("</td><td class=\"mono\">")
                    .append(esc(in.origin().getOrDefault(role, ""))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<h3>Class names</h3><p>");
        for (int k = 0; k < in.classNames().size(); k++) {
            h.append(k == 0 ? "" : ", ").append(k).append("&nbsp;").append(esc(in.classNames().get(k)));
        }
        h.append("</p>\n</section>\n");
    }

    private static void timings(StringBuilder h, ReportInput in) {
        double trainSeconds = in.epochs().stream().mapToDouble(EpochResult::trainSeconds).sum();
        h.append("<section id=\"timings\"><h2>Timings and history</h2>\n<div class=\"cards\" style=\"margin-top:0\">");
        card(h, "total", num(in.totalSeconds(), 2) + " s");
        card(h, "data loading", num(in.loadSeconds(), 2) + " s");
        card(h, "training", num(trainSeconds, 2) + " s");
        card(h, "per epoch (mean)", in.epochs().isEmpty() ? "\u2014" : num(trainSeconds / in.epochs().size(), 2) + " s");
        h.append("</div>\n<h3>Per epoch</h3>\n<table class=\"sortable\" id=\"epochs-table\"><thead><tr>"
                + "<th class=\"n\">epoch</th><th class=\"n\">training loss</th><th class=\"n\">validation accuracy</th>"
                + "<th class=\"n\">validation loss</th><th class=\"n\">learning rate</th><th class=\"n\">seconds</th>"
                + "</tr></thead><tbody>\n");
        for (EpochResult e : in.epochs()) {
            h.append(e.epoch() == in.bestEpoch() ? "<tr class=\"best\" title=\"best epoch: its weights were kept\">"
                    : "<tr>");
            numCell(h, e.epoch(), 0);
            numCell(h, e.trainLoss(), 4);
            numCell(h, e.validationAccuracy(), 4);
            numCell(h, e.validationLoss(), 4);
            h.append("<td class=\"n\" data-sort=\"").append(Html.sortKey(e.learningRate())).append("\">")
                    .append(esc(Hyperparameters.sig4(e.learningRate()))).append("</td>");
            numCell(h, e.trainSeconds(), 2);
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (in.stoppedEarly()) {
            h.append("<p>Early stopping ended training after epoch ").append(in.epochs().size())
                    .append("; the weights of epoch ").append(in.bestEpoch()).append(" were kept.</p>\n");
        }
        h.append("</section>\n");
    }
}
