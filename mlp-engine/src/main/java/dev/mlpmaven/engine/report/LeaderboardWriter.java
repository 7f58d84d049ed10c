package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.io.JsonNumbers;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Leaderboard.Row;
import dev.mlpmaven.engine.sweep.Leaderboard.SweepBoard;
import dev.mlpmaven.engine.sweep.Result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.mlpmaven.engine.report.Html.esc;
import static dev.mlpmaven.engine.report.Html.num;
import static dev.mlpmaven.engine.report.Html.pct;

/**
 * Writes a {@link Leaderboard} into a folder: {@code index.html} (a sortable table per sweep, the best trial
 * marked, the parameters that vary as columns, a chart of the metric against each of them, each trial linked to
 * its report), {@code summary.md} (the same tables for a CI job summary), {@code leaderboard.csv} (one row per
 * trial and experiment) and {@code leaderboard.json}. Every file is written atomically.
 */
public final class LeaderboardWriter {
    public static final String INDEX_FILE = "index.html";
    public static final String SUMMARY_FILE = "summary.md";
    public static final String CSV_FILE = "leaderboard.csv";
    public static final String JSON_FILE = "leaderboard.json";
    /** summary.md lists at most this many rows per table (CI job summaries are short); the CSV has them all. */
    static final int SUMMARY_ROWS = 50;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LeaderboardWriter() {
    }

    /**
     * Writes the four files (and the charts) into {@code dir}.
     *
     * @throws UncheckedIOException when a file cannot be written; the message names it
     */
    public static void write(Leaderboard board, Path dir) {
        Path out = dir.toAbsolutePath().normalize();
        List<String> charts = new ArrayList<>();
        for (SweepBoard s : board.sweeps()) {
            List<String> varying = s.varying();
            for (int k = 0; k < varying.size(); k++) {
                var chart = SweepCharts.of(s, varying.get(k));
                String file = chartFile(s, k);
                if (chart != null) {
                    try {
                        AtomicFiles.write(out.resolve(file), ByteBuffer.wrap(Charts.png(chart)));
                        charts.add(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException("leaderboard: cannot draw " + out.resolve(file) + ": " + e, e);
                    }
                }
            }
        }
        AtomicFiles.writeString(out.resolve(INDEX_FILE), html(board, out, charts));
        AtomicFiles.writeString(out.resolve(SUMMARY_FILE), markdown(board));
        AtomicFiles.writeString(out.resolve(CSV_FILE), csv(board));
        AtomicFiles.writeString(out.resolve(JSON_FILE), json(board));
    }

    static String chartFile(SweepBoard s, int k) {
        return "chart-" + s.name() + "-" + (k + 1) + ".png";
    }

    // ---- index.html

    static String html(Leaderboard board, Path out, List<String> charts) {
        StringBuilder h = new StringBuilder(32 * 1024);
        int trials = board.sweeps().stream().mapToInt(s -> s.rows().size()).sum();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>mlp-maven leaderboard</title>\n<style>\n").append(Html.resource("report.css")).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>Leaderboard</h1><div class=\"sub\">mlp-maven \u00b7 ")
                .append(board.sweeps().size()).append(board.sweeps().size() == 1 ? " sweep, " : " sweeps, ")
                .append(trials).append(trials == 1 ? " trial" : " trials").append(", ")
                .append(board.experiments().size())
                .append(board.experiments().size() == 1 ? " other experiment" : " other experiments")
                .append("</div></header>\n<main>\n");
        for (String w : board.warnings()) {
            h.append("<section><p class=\"warn\">").append(esc(w)).append("</p></section>\n");
        }
        for (SweepBoard s : board.sweeps()) {
            List<String> varying = s.varying();
            h.append("<section>\n<h2>sweep ").append(esc(s.name())).append("</h2>\n<p class=\"muted\">ranked by ")
                    .append(esc(s.metric())).append(" (").append(esc(s.goal())).append("), ")
                    .append(s.rows().size()).append(" of ").append(s.trials()).append(" trials");
            s.best().ifPresent(b -> h.append(", best \u2605 ").append(esc(b.result().trial().id())));
            h.append("</p>\n<table class=\"sortable\" id=\"sweep-").append(esc(s.name()))
                    .append("\"><thead><tr><th class=\"n\">rank</th><th>trial</th>");
            varying.forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
            h.append("<th class=\"n\">").append(esc(s.metric())).append("</th>");
            numberHeads(h);
            h.append("</tr></thead><tbody>\n");
            for (Row r : s.rows()) {
                h.append(r.best() ? "<tr class=\"best\">" : "<tr>");
                cell(h, r.rank(), r.rank() + (r.best() ? " \u2605" : ""));
                h.append("<td>");
                link(h, r.result(), out, r.result().trial().id());
                h.append("</td>");
                varying.forEach(p -> h.append("<td>")
                        .append(esc(Leaderboard.text(r.result().trial().parameters().get(p)))).append("</td>"));
                cell(h, r.value(), num(r.value(), 4));
                numberCells(h, r.result());
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
            for (int k = 0; k < varying.size(); k++) {
                String file = chartFile(s, k);
                if (charts.contains(file)) {
                    h.append("<figure><img src=\"").append(esc(file)).append("\" alt=\"").append(esc(s.metric()))
                            .append(" against ").append(esc(varying.get(k))).append("\" width=\"560\" height=\"360\">"
                                    + "</figure>\n");
                }
            }
            h.append("</section>\n");
        }
        if (!board.experiments().isEmpty()) {
            h.append("<section>\n<h2>experiments</h2>\n<p class=\"muted\">the experiments that are not trials of a"
                    + " sweep, ranked by test accuracy</p>\n<table class=\"sortable\" id=\"experiments\"><thead><tr>"
                    + "<th class=\"n\">rank</th><th>experiment</th>");
            numberHeads(h);
            h.append("</tr></thead><tbody>\n");
            for (Row r : board.experiments()) {
                h.append(r.best() ? "<tr class=\"best\">" : "<tr>");
                cell(h, r.rank(), r.rank() + (r.best() ? " \u2605" : ""));
                h.append("<td>");
                link(h, r.result(), out, r.result().name());
                h.append("</td>");
                numberCells(h, r.result());
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n</section>\n");
        }
        if (board.sweeps().isEmpty() && board.experiments().isEmpty()) {
            h.append("<section><p class=\"muted\">No trained experiment was found.</p></section>\n");
        }
        h.append("<section><p class=\"muted\">Click a column to sort. \u2605 marks the best trial of each sweep; "
                + "leaderboard.csv and leaderboard.json hold the same rows.</p></section>\n");
        h.append("</main>\n<script>\n").append(Html.resource("report.js"))
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void numberHeads(StringBuilder h) {
        h.append("<th class=\"n\">validation accuracy</th><th class=\"n\">validation loss</th>"
                + "<th class=\"n\">test accuracy</th><th class=\"n\">test loss</th><th class=\"n\">epochs</th>"
                + "<th class=\"n\">time (s)</th>");
    }

    private static void numberCells(StringBuilder h, Result r) {
        cell(h, r.validationAccuracy(), pct(r.validationAccuracy()));
        cell(h, r.validationLoss(), num(r.validationLoss(), 4));
        cell(h, r.summary().testAccuracy(), r.diverged() ? "diverged" : pct(r.summary().testAccuracy()));
        cell(h, r.summary().testLoss(), num(r.summary().testLoss(), 4));
        cell(h, r.summary().epochs(), Integer.toString(r.summary().epochs()));
        cell(h, r.summary().totalSeconds(), num(r.summary().totalSeconds(), 1));
    }

    private static void link(StringBuilder h, Result r, Path out, String text) {
        if (r.summary().hasReport()) {
            h.append("<a href=\"").append(esc(href(out, r.folder().resolve(ReportWriter.REPORT_FILE)))).append("\">")
                    .append(esc(text)).append("</a>");
        } else {
            h.append(esc(text));
        }
    }

    /** A link from the leaderboard's folder to a file: relative when it can be, else a file URI. */
    static String href(Path from, Path to) {
        try {
            return from.relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return to.toUri().toString();
        }
    }

    private static void cell(StringBuilder h, double sortValue, String text) {
        h.append("<td class=\"n\" data-sort=\"").append(Html.sortKey(sortValue)).append("\">").append(esc(text))
                .append("</td>");
    }

    // ---- summary.md

    static String markdown(Leaderboard board) {
        StringBuilder m = new StringBuilder("### mlp-maven leaderboard\n\n");
        for (String w : board.warnings()) {
            m.append("> **Warning:** ").append(IndexWriter.md(w)).append("\n\n");
        }
        for (SweepBoard s : board.sweeps()) {
            List<String> varying = s.varying();
            m.append("#### sweep ").append(IndexWriter.md(s.name())).append(": ").append(IndexWriter.md(s.metric()))
                    .append(" (").append(s.goal()).append("), ").append(s.rows().size()).append(" of ")
                    .append(s.trials()).append(" trials\n\n| rank | trial |");
            varying.forEach(p -> m.append(' ').append(IndexWriter.md(p)).append(" |"));
            m.append(' ').append(IndexWriter.md(s.metric())).append(" | test accuracy | test loss | epochs | time (s) |\n"
                    + "|---:|---|");
            varying.forEach(p -> m.append("---|"));
            m.append("---:|---:|---:|---:|---:|\n");
            int shown = 0;
            for (Row r : s.rows()) {
                if (shown++ == SUMMARY_ROWS) {
                    m.append("\n\u2026 and ").append(s.rows().size() - SUMMARY_ROWS).append(" more in ")
                            .append(CSV_FILE).append('\n');
                    break;
                }
                m.append("| ").append(r.rank()).append(r.best() ? " \u2605" : "").append(" | ")
                        .append(IndexWriter.md(r.result().name())).append(" |");
                varying.forEach(p -> m.append(' ')
                        .append(IndexWriter.md(Leaderboard.text(r.result().trial().parameters().get(p)))).append(" |"));
                m.append(' ').append(num(r.value(), 4)).append(" | ")
                        .append(r.result().diverged() ? "diverged" : pct(r.result().summary().testAccuracy()))
                        .append(" | ").append(num(r.result().summary().testLoss(), 4)).append(" | ")
                        .append(r.result().summary().epochs()).append(" | ")
                        .append(num(r.result().summary().totalSeconds(), 1)).append(" |\n");
            }
            m.append('\n');
        }
        if (!board.experiments().isEmpty()) {
            m.append("#### experiments: test accuracy\n\n| rank | experiment | test accuracy | test loss | epochs |"
                    + " time (s) |\n|---:|---|---:|---:|---:|---:|\n");
            for (Row r : board.experiments()) {
                m.append("| ").append(r.rank()).append(r.best() ? " \u2605" : "").append(" | ")
                        .append(IndexWriter.md(r.result().name())).append(" | ")
                        .append(pct(r.result().summary().testAccuracy())).append(" | ")
                        .append(num(r.result().summary().testLoss(), 4)).append(" | ")
                        .append(r.result().summary().epochs()).append(" | ")
                        .append(num(r.result().summary().totalSeconds(), 1)).append(" |\n");
            }
            m.append('\n');
        }
        if (board.sweeps().isEmpty() && board.experiments().isEmpty()) {
            m.append("No trained experiment was found.\n");
        }
        return m.toString();
    }

    // ---- leaderboard.csv

    static final List<String> CSV_HEAD = List.of("sweep", "rank", "best", "id", "name");
    static final List<String> CSV_TAIL = List.of("metric", "value", "validation_accuracy", "validation_loss",
            "test_accuracy", "test_loss", "epochs", "seconds", "diverged", "folder");

    static String csv(Leaderboard board) {
        Set<String> params = new LinkedHashSet<>();
        board.sweeps().forEach(s -> params.addAll(s.parameters()));
        List<String> columns = new ArrayList<>(CSV_HEAD);
        columns.addAll(params);
        columns.addAll(CSV_TAIL);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (SweepBoard s : board.sweeps()) {
            for (Row r : s.rows()) {
                List<String> row = new ArrayList<>(List.of(s.name(), Integer.toString(r.rank()),
                        Boolean.toString(r.best()), r.result().trial().id(), r.result().name()));
                for (String p : params) {
                    row.add(r.result().trial().parameters().containsKey(p)
                            ? Leaderboard.text(r.result().trial().parameters().get(p)) : "");
                }
                tail(row, s.metric(), r);
                rows.add(row);
            }
        }
        for (Row r : board.experiments()) {
            List<String> row = new ArrayList<>(List.of("", Integer.toString(r.rank()), Boolean.toString(r.best()), "",
                    r.result().name()));
            params.forEach(p -> row.add(""));
            tail(row, "test_accuracy", r);
            rows.add(row);
        }
        try {
            return new CsvMapper().writer(schema.build().withHeader().withLineSeparator("\n"))
                    .writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write leaderboard.csv", e);
        }
    }

    private static void tail(List<String> row, String metric, Row r) {
        Result x = r.result();
        row.addAll(List.of(metric, plain(r.value()), plain(x.validationAccuracy()), plain(x.validationLoss()),
                plain(x.summary().testAccuracy()), plain(x.summary().testLoss()), Integer.toString(x.summary().epochs()),
                plain(x.summary().totalSeconds()), Boolean.toString(x.diverged()), x.folder().toString()));
    }

    /** A number as CSV and JSON readers parse it (full precision); empty for NaN. */
    private static String plain(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    // ---- leaderboard.json

    static String json(Leaderboard board) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sweeps = root.putArray("sweeps");
        for (SweepBoard s : board.sweeps()) {
            ObjectNode o = sweeps.addObject();
            o.put("name", s.name());
            o.put("metric", s.metric());
            o.put("goal", s.goal());
            o.put("trials", s.trials());
            o.put("found", s.rows().size());
            o.put("sweepHash", s.sweepHash());
            ArrayNode p = o.putArray("parameters");
            s.parameters().forEach(p::add);
            if (s.best().isPresent()) {
                o.put("best", s.best().get().result().trial().id());
            } else {
                o.putNull("best");
            }
            ArrayNode rows = o.putArray("rows");
            for (Row r : s.rows()) {
                ObjectNode row = rows.addObject();
                row.put("rank", r.rank());
                row.put("best", r.best());
                row.put("id", r.result().trial().id());
                row.put("name", r.result().name());
                row.put("number", r.result().trial().number());
                ObjectNode values = row.putObject("parameters");
                r.result().trial().parameters().forEach(values::set);
                number(row, "value", r.value());
                numbers(row, r.result());
            }
        }
        ArrayNode experiments = root.putArray("experiments");
        for (Row r : board.experiments()) {
            ObjectNode row = experiments.addObject();
            row.put("rank", r.rank());
            row.put("best", r.best());
            row.put("name", r.result().name());
            numbers(row, r.result());
        }
        ArrayNode warnings = root.putArray("warnings");
        board.warnings().forEach(warnings::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write leaderboard.json", e);
        }
    }

    private static void numbers(ObjectNode row, Result r) {
        number(row, "validationAccuracy", r.validationAccuracy());
        number(row, "validationLoss", r.validationLoss());
        number(row, "testAccuracy", r.summary().testAccuracy());
        number(row, "testLoss", r.summary().testLoss());
        row.put("epochs", r.summary().epochs());
        number(row, "seconds", r.summary().totalSeconds());
        row.put("diverged", r.diverged());
        row.put("folder", r.folder().toString());
    }

    private static void number(ObjectNode o, String key, double v) {
        JsonNumbers.put(o, key, v);
    }
}
