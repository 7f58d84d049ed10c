package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.mlpmaven.engine.report.Html.esc;
import static dev.mlpmaven.engine.report.Html.num;
import static dev.mlpmaven.engine.report.Html.pct;

/**
 * The build's overview of all experiments under the output root ({@code target/mlp}): {@code index.html}, one
 * sortable table linking to each report, and {@code summary.md}, the same table in Markdown for a CI job summary.
 * The table shows the name, the parameters that differ between the experiments, test accuracy, test loss, epochs
 * and time.
 */
public final class IndexWriter {
    public static final String INDEX_FILE = "index.html";
    public static final String SUMMARY_FILE = "summary.md";
    static final String SKIPPED = "index: skipped %s (%s)";

    private IndexWriter() {
    }

    /** Reads every {@code <root>/*}{@code /metrics.json} and writes index.html and summary.md; returns the rows. */
    public static List<ExperimentSummary> regenerate(Path root, Consumer<String> warn) {
        List<ExperimentSummary> rows = scan(root, warn);
        write(rows, root);
        return rows;
    }

    /**
     * One summary per sub-folder of {@code root} that holds a metrics.json, in folder-name order. A folder whose
     * files cannot be read is left out with a warning, so one stale folder does not stop the build.
     */
    public static List<ExperimentSummary> scan(Path root, Consumer<String> warn) {
        List<ExperimentSummary> rows = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return rows;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(ExperimentSummary.METRICS_FILE))).sorted()
                    .toList()) {
                try {
                    rows.add(ExperimentSummary.read(dir));
                } catch (IOException e) {
                    warn.accept(String.format(SKIPPED, dir, e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index " + root + ": could not list the folder (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** The parameter keys whose values are not the same in every experiment, in order of first appearance. */
    public static List<String> differingParameters(List<ExperimentSummary> rows) {
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.parameters().keySet()));
        List<String> differ = new ArrayList<>();
        for (String key : keys) {
            if (rows.stream().map(r -> r.parameters().getOrDefault(key, "")).distinct().count() > 1) {
                differ.add(key);
            }
        }
        return differ;
    }

    /**
     * Writes {@code index.html} and {@code summary.md} into {@code root}.
     *
     * @throws UncheckedIOException when a file cannot be written; the message names it
     */
    public static void write(List<ExperimentSummary> rows, Path root) {
        AtomicFiles.writeString(root.resolve(INDEX_FILE), html(rows));
        AtomicFiles.writeString(root.resolve(SUMMARY_FILE), markdown(rows));
    }

    static String html(List<ExperimentSummary> rows) {
        List<String> params = differingParameters(rows);
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>mlp-maven experiments</title>\n<style>\n").append(Html.resource("report.css")).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>Experiments</h1><div class=\"sub\">mlp-maven \u00b7 ").append(rows.size())
                .append(rows.size() == 1 ? " experiment" : " experiments").append("</div></header>\n<main>\n<section>\n");
        if (rows.isEmpty()) {
            h.append("<p class=\"muted\">No experiment has written metrics.json yet.</p>\n");
        } else {
            h.append("<table class=\"sortable\" id=\"experiments\"><thead><tr><th>experiment</th>");
            params.forEach(p -> h.append("<th>").append(esc(p)).append("</th>"));
            h.append("<th class=\"n\">test accuracy</th><th class=\"n\">test loss</th><th class=\"n\">epochs</th>"
                    + "<th class=\"n\">time (s)</th></tr></thead><tbody>\n");
            for (ExperimentSummary r : rows) {
                h.append("<tr><td>");
                if (r.hasReport()) {
                    h.append("<a href=\"").append(esc(r.folder() + "/" + ReportWriter.REPORT_FILE)).append("\">")
                            .append(esc(r.name())).append("</a>");
                } else {
                    h.append(esc(r.name())).append(" <span class=\"muted\">(no report)</span>");
                }
                h.append("</td>");
                params.forEach(p -> h.append("<td>").append(esc(r.parameters().getOrDefault(p, ""))).append("</td>"));
                cell(h, r.testAccuracy(), pct(r.testAccuracy()));
                cell(h, r.testLoss(), num(r.testLoss(), 4));
                cell(h, r.epochs(), Integer.toString(r.epochs()));
                cell(h, r.totalSeconds(), num(r.totalSeconds(), 1));
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n<p class=\"muted\">Click a column to sort. Only the settings that differ "
                    + "between experiments are shown; each report lists all of them.</p>\n");
        }
        h.append("</section>\n</main>\n<script>\n").append(Html.resource("report.js"))
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void cell(StringBuilder h, double sortValue, String text) {
        h.append("<td class=\"n\" data-sort=\"").append(Html.sortKey(sortValue)).append("\">").append(esc(text))
                .append("</td>");
    }

    static String markdown(List<ExperimentSummary> rows) {
        List<String> params = differingParameters(rows);
        StringBuilder m = new StringBuilder();
        m.append("### mlp-maven experiments\n\n");
        if (rows.isEmpty()) {
            return m.append("No experiment has written metrics.json yet.\n").toString();
        }
        m.append("| experiment |");
        params.forEach(p -> m.append(' ').append(md(p)).append(" |"));
        m.append(" test accuracy | test loss | epochs | time (s) |\n|---|");
        params.forEach(p -> m.append("---|"));
        m.append("---:|---:|---:|---:|\n");
        for (ExperimentSummary r : rows) {
            m.append("| ").append(md(r.name())).append(" |");
            params.forEach(p -> m.append(' ').append(md(r.parameters().getOrDefault(p, ""))).append(" |"));
            m.append(' ').append(pct(r.testAccuracy())).append(" | ").append(num(r.testLoss(), 4)).append(" | ")
                    .append(r.epochs()).append(" | ").append(num(r.totalSeconds(), 1)).append(" |\n");
        }
        return m.toString();
    }

    /** Escapes text for a Markdown table cell: no line breaks, pipes and Markdown/HTML punctuation escaped. */
    static String md(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
