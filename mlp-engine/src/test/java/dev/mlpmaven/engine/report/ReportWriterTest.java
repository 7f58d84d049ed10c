package dev.mlpmaven.engine.report;

import dev.mlpmaven.config.ScheduleType;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writes_report_and_charts_with_every_section() throws IOException {
        ReportInput in = ReportFixtures.input("fashion-mnist", 300);

        ReportWriter.write(in, dir);

        for (String png : List.of("loss.png", "accuracy.png", "learning-rate.png", "confusion.png")) {
            BufferedImage img = ImageIO.read(dir.resolve(png).toFile());
            assertThat(img).as(png).isNotNull();
            assertThat(img.getWidth()).as(png).isGreaterThanOrEqualTo(400);
        }
        String html = Files.readString(dir.resolve("report.html"));
        for (String id : List.of("curves", "confusion", "per-class", "predictions", "mistakes", "hyperparameters",
                "data", "timings", "environment")) {
            assertThat(html).as("section " + id).contains("id=\"" + id + "\"");
        }
        assertThat(html).as("the browser test's self-check ships only in tests").doesNotContain("mlp-selfcheck",
                "__mlpProblems");
        assertThat(html).contains("src=\"loss.png\"", "src=\"accuracy.png\"", "src=\"learning-rate.png\"",
                "src=\"confusion.png\"");
        assertThat(html).contains("<h2>Hyperparameters</h2>", "optimizer.learningRate", "256 relu dropout 0.2 (he)",
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", "cosine (down to 1.00e-5)");
        assertThat(count(html, "<figure class=\"tile ")).isEqualTo(ReportWriter.GRID_SIZE + ReportWriter.MISTAKES_SIZE);
        // the blog post's titles, first test image (label 9, Ankle boot), exactly as the fixture predicted it
        String first = "Predict: " + ReportFixtures.FASHION.get(in.predicted()[0]) + " / True: Ankle boot";
        assertThat(html).contains("title=\"" + Html.esc(first));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html",
                    "loss.png", "accuracy.png", "learning-rate.png", "confusion.png");
        }
    }

    @Test
    void report_is_self_contained() throws IOException {
        ReportWriter.write(ReportFixtures.input("fashion-mnist", 100), dir);

        String html = Files.readString(dir.resolve("report.html"));
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        List<String> external = new ArrayList<>();
        while (refs.find()) {
            String ref = refs.group(1);
            boolean local = ref.startsWith("data:image/png;base64,") || ref.startsWith("#")
                    || Files.isRegularFile(dir.resolve(ref));
            if (!local) {
                external.add(ref);
            }
        }
        assertThat(external).isEmpty();
        assertThat(html).doesNotContain("<link", "@import", "url(");
    }

    @Test
    void the_confident_mistakes_grid_lists_wrong_predictions_most_confident_first() throws IOException {
        ReportInput in = ReportFixtures.input("fashion-mnist", 300);

        ReportWriter.write(in, dir);

        String html = Files.readString(dir.resolve("report.html"));
        Matcher m = Pattern.compile("data-check=\"mistake (\\d+)\"").matcher(html);
        List<Integer> shown = new ArrayList<>();
        while (m.find()) {
            shown.add(Integer.parseInt(m.group(1)));
        }
        assertThat(shown).hasSize(ReportWriter.MISTAKES_SIZE);
        float worstShown = Float.MAX_VALUE;
        for (int i : shown) {
            assertThat(in.predicted()[i]).isNotEqualTo(in.testSplit().labels().label(i));
            assertThat(in.confidence()[i]).isLessThanOrEqualTo(worstShown);
            worstShown = in.confidence()[i];
        }
        for (int i = 0; i < in.testSplit().size(); i++) {
            if (!shown.contains(i) && in.predicted()[i] != in.testSplit().labels().label(i)) {
                assertThat(in.confidence()[i]).as("left-out mistake %d", i).isLessThanOrEqualTo(worstShown);
            }
        }
    }

    @Test
    void escapes_every_text() throws IOException {
        ReportInput base = ReportFixtures.input("fashion-mnist", 30);
        List<String> names = new ArrayList<>(base.classNames());
        names.set(0, "T-shirt<b>&top");
        ReportInput in = new ReportInput(base.experiment(), base.epochs(), base.test(), base.testSplit(),
                base.predicted(), base.confidence(), names, base.contentSha256(),
                Map.of("test-images", "/data/\"quoted\"/<x>.gz"), base.totalSeconds(), base.loadSeconds(),
                Map.of("OS", "<script>alert('x')</script>"), false, 0, null);

        ReportWriter.write(in, dir);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).doesNotContain("<script>alert", "T-shirt<b>", "\"quoted\"");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "T-shirt&lt;b&gt;&amp;top",
                "/data/&quot;quoted&quot;/&lt;x&gt;.gz");
    }

    @Test
    void a_constant_learning_rate_gets_no_chart_and_no_validation_split_no_accuracy_chart() throws IOException {
        ReportInput base = ReportFixtures.input("plain", 30);
        List<EpochResult> epochs = ReportFixtures.epochs(false).stream()
                .map(e -> new EpochResult(e.epoch(), e.trainLoss(), Double.NaN, Double.NaN, e.trainSeconds(),
                        e.learningRate())).toList();
        ReportInput in = new ReportInput(ReportFixtures.experiment("plain", ScheduleType.CONSTANT), epochs,
                base.test(), base.testSplit(), base.predicted(), base.confidence(), base.classNames(),
                base.contentSha256(), base.origin(), 10, 1, Map.of(), false, 0, null);

        ReportWriter.write(in, dir);

        assertThat(dir.resolve("loss.png")).isRegularFile();
        assertThat(dir.resolve("accuracy.png")).doesNotExist();
        assertThat(dir.resolve("learning-rate.png")).doesNotExist();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("No validation split", "Learning rate constant at 0.001.")
                .doesNotContain("src=\"accuracy.png\"", "src=\"learning-rate.png\"");
    }

    @Test
    void scheduled_learning_rates_show_four_significant_digits_not_float_noise() throws IOException {
        ReportInput base = ReportFixtures.input("noisy-rate", 30);
        double[] rates = {0.05, 0.025500000000000002, 0.001};
        List<EpochResult> epochs = base.epochs().subList(0, 3).stream()
                .map(e -> new EpochResult(e.epoch(), e.trainLoss(), e.validationAccuracy(), e.validationLoss(),
                        e.trainSeconds(), rates[e.epoch() - 1])).toList();
        ReportInput in = new ReportInput(base.experiment(), epochs, base.test(), base.testSplit(), base.predicted(),
                base.confidence(), base.classNames(), base.contentSha256(), base.origin(), 10, 1, Map.of(), false, 0,
                null);

        ReportWriter.write(in, dir);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("\">0.0255</td>", "\">0.05</td>", "\">0.001</td>")
                .doesNotContain("0.025500000000000002</td>");
    }

    private ReportInput withAccuracy(ReportInput base, double accuracy) {
        return new ReportInput(base.experiment(), base.epochs(), new TestResult(accuracy, 2.3026,
                base.test().confusionMatrix()), base.testSplit(), base.predicted(), base.confidence(),
                base.classNames(), base.contentSha256(), base.origin(), 10, 1, Map.of(), false, 0, null);
    }

    @Test
    void a_run_at_chance_level_gets_a_banner_saying_so() throws IOException {
        ReportWriter.write(withAccuracy(ReportFixtures.input("chance", 30), 0.15), dir);

        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<div class=\"banner bad\" id=\"chance-level\"><strong>Accuracy at chance "
                + "level.</strong> Test accuracy 15.00% is no better than guessing among 10 classes (chance level "
                + "10.00%): the network did not learn - check the learning rate, the input normalisation and the "
                + "labels.</div>");
    }

    @Test
    void a_run_above_chance_level_gets_no_chance_banner() throws IOException {
        ReportWriter.write(withAccuracy(ReportFixtures.input("learned", 30), 0.1501), dir);

        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("chance-level", "chance level");
    }

    @Test
    void a_diverged_run_gets_a_report_with_the_reason_and_no_test_sections() throws IOException {
        ReportInput base = ReportFixtures.input("diverged", 10);
        ReportInput in = new ReportInput(base.experiment(), base.epochs().subList(0, 2), null, base.testSplit(),
                null, null, base.classNames(), base.contentSha256(), base.origin(), 9.5, 2.0, base.environment(),
                false, 0, "epoch 3, batch 17: loss is NaN - lower optimizer.learningRate");

        ReportWriter.write(in, dir);

        assertThat(dir.resolve("confusion.png")).doesNotExist();
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("id=\"divergence\"", "epoch 3, batch 17: loss is NaN - lower optimizer.learningRate",
                "No test evaluation: training did not finish.").doesNotContain("<figure");
    }

    @Test
    void a_single_epoch_run_gets_its_charts() throws IOException {
        ReportInput b = ReportFixtures.input("one-epoch", 30);
        ReportInput in = new ReportInput(b.experiment(), b.epochs().subList(0, 1), b.test(), b.testSplit(),
                b.predicted(), b.confidence(), b.classNames(), b.contentSha256(), b.origin(), 5, 1, Map.of(),
                false, 1, null);

        ReportWriter.write(in, dir);

        assertThat(ImageIO.read(dir.resolve("loss.png").toFile())).isNotNull();
        assertThat(ImageIO.read(dir.resolve("accuracy.png").toFile())).isNotNull();
        assertThat(dir.resolve("learning-rate.png")).doesNotExist();
    }

    @Test
    void epochs_without_a_finite_loss_get_no_chart() throws IOException {
        ReportInput b = ReportFixtures.input("nan", 10);
        ReportInput in = new ReportInput(b.experiment(), List.of(new EpochResult(1, Double.NaN, Double.NaN,
                Double.NaN, 2.0, 0.1)), null, b.testSplit(), null, null, b.classNames(), b.contentSha256(),
                b.origin(), 3, 1, Map.of(), false, 0, "epoch 1, batch 3: loss is NaN");

        ReportWriter.write(in, dir);

        assertThat(dir.resolve("loss.png")).doesNotExist();
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("No epoch finished with a finite loss, so there is nothing to plot.");
    }

    @Test
    void rewriting_replaces_the_report_and_leaves_no_temp_files() throws IOException {
        ReportWriter.write(ReportFixtures.input("first", 30), dir);
        ReportWriter.write(ReportFixtures.input("second", 30), dir);

        assertThat(Files.readString(dir.resolve("report.html"))).contains("<h1>second</h1>").doesNotContain("<h1>first");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void input_rejects_predictions_of_the_wrong_length() throws IOException {
        ReportInput b = ReportFixtures.input("x", 20);

        assertThatThrownBy(() -> new ReportInput(b.experiment(), b.epochs(), b.test(), b.testSplit(), new int[19],
                b.confidence(), b.classNames(), b.contentSha256(), b.origin(), 1, 1, Map.of(), false, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report input predicted: found 19 entries, expected 20 (one per test sample)");
    }

    @Test
    void input_rejects_a_predicted_class_out_of_range() throws IOException {
        ReportInput b = ReportFixtures.input("x", 20);
        int[] predicted = b.predicted().clone();
        predicted[4] = 10;

        assertThatThrownBy(() -> new ReportInput(b.experiment(), b.epochs(), b.test(), b.testSplit(), predicted,
                b.confidence(), b.classNames(), b.contentSha256(), b.origin(), 1, 1, Map.of(), false, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report input predicted[4]: found class 10, expected 0..9 (10 class names)");
    }

    @Test
    void input_rejects_a_missing_test_result_without_a_reason() throws IOException {
        ReportInput b = ReportFixtures.input("x", 5);

        assertThatThrownBy(() -> new ReportInput(b.experiment(), b.epochs(), null, b.testSplit(), null, null,
                b.classNames(), b.contentSha256(), b.origin(), 1, 1, Map.of(), false, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report input test: found null without a divergence message, expected a test result "
                        + "or the reason there is none");
    }

    @Test
    void input_rejects_a_confusion_matrix_of_another_size() throws IOException {
        ReportInput b = ReportFixtures.input("x", 5);
        DataSplit split = new DataSplit(new IdxImages(1, 2, 2, new byte[4]), new IdxLabels(1, new byte[] {0}));

        assertThatThrownBy(() -> new ReportInput(b.experiment(), b.epochs(), new TestResult(1, 0, new int[][] {{1}}),
                split, new int[] {0}, new float[] {1f}, List.of("a", "b"), Map.of(), Map.of(), 1, 1, Map.of(),
                false, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("report input test.confusionMatrix: found 1 rows, expected 2 (one per class name)");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
