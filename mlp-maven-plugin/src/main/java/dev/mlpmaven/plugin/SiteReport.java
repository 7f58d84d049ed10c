package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.report.ExperimentSummary;
import dev.mlpmaven.engine.report.IndexWriter;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.reporting.MavenReportException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:report} and {@code mlp:report-aggregate}: reads the experiments {@code mlp:train} left in
 * {@code target/mlp} (never trains), renders their index table into the site page through Doxia's sink, and copies
 * each experiment's {@code report.html} and charts beside the page so the table's links work in the published site.
 */
final class SiteReport {
    /** One experiment of the table: the module it comes from (aggregate only), its summary, its trained folder. */
    record Row(String module, ExperimentSummary summary, Path experimentDir) {
        /** The report's link relative to the page: {@code <folder>/report.html} or {@code <module>/<folder>/...}. */
        String href() {
            return (module == null ? "" : module + "/") + summary.folder() + "/report.html";
        }
    }

    private SiteReport() {
    }

    /** The trained experiments in {@code root} ({@code <root>/<name>/metrics.json}), sorted by name. */
    static List<Row> rows(String module, Path root, Log log) {
        List<Row> rows = new ArrayList<>();
        for (ExperimentSummary s : IndexWriter.scan(root, log::warn)) {
            rows.add(new Row(module, s, root.resolve(s.folder())));
        }
        return rows;
    }

    /** Copies each row's report files ({@link ReportArchive#entries}) into {@code pageDir/<href folder>/}. */
    static void copy(List<Row> rows, Path pageDir) throws MavenReportException {
        for (Row r : rows) {
            Path target = pageDir.resolve(r.href()).getParent();
            try {
                Files.createDirectories(target);
                for (Path f : ReportArchive.entries(r.experimentDir())) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new MavenReportException(format(Messages.REPORT_COPY_FAILED, r.summary().name(), target,
                        e.getMessage()), e);
            }
        }
    }

    /** The page: a title, what it shows, and the table (with a module column in an aggregate). */
    static void render(Sink sink, String title, String intro, List<Row> rows, boolean aggregate) {
        List<String> params = IndexWriter.differingParameters(rows.stream().map(Row::summary).toList());
        sink.head();
        sink.title();
        sink.text(title);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text(title);
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(intro);
        sink.paragraph_();
        sink.table();
        sink.tableRows();
        sink.tableRow();
        if (aggregate) {
            header(sink, "module");
        }
        header(sink, "experiment");
        params.forEach(p -> header(sink, p));
        for (String h : new String[]{"test accuracy", "test loss", "epochs", "time (s)"}) {
            header(sink, h);
        }
        sink.tableRow_();
        for (Row r : rows) {
            ExperimentSummary s = r.summary();
            sink.tableRow();
            if (aggregate) {
                cell(sink, r.module());
            }
            sink.tableCell();
            if (s.hasReport()) {
                sink.link(r.href());
                sink.text(s.name());
                sink.link_();
            } else {
                sink.text(s.name());
            }
            sink.tableCell_();
            params.forEach(p -> cell(sink, s.parameters().getOrDefault(p, "")));
            numbers(s).forEach(v -> cell(sink, v));
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    /** {@code mvn mlp:report} alone: the same table as a plain HTML page (no site skin). */
    static void writeStandalone(Path page, String title, String intro, List<Row> rows, boolean aggregate)
            throws IOException {
        List<String> params = IndexWriter.differingParameters(rows.stream().map(Row::summary).toList());
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(esc(intro)).append("</p>\n<table>\n<tr>");
        List<String> heads = new ArrayList<>();
        if (aggregate) {
            heads.add("module");
        }
        heads.add("experiment");
        heads.addAll(params);
        heads.addAll(List.of("test accuracy", "test loss", "epochs", "time (s)"));
        heads.forEach(t -> h.append("<th>").append(esc(t)).append("</th>"));
        h.append("</tr>\n");
        for (Row r : rows) {
            ExperimentSummary s = r.summary();
            h.append("<tr>");
            if (aggregate) {
                h.append("<td>").append(esc(r.module())).append("</td>");
            }
            h.append("<td>").append(s.hasReport() ? "<a href=\"" + esc(r.href()) + "\">" + esc(s.name()) + "</a>"
                    : esc(s.name())).append("</td>");
            params.forEach(p -> h.append("<td>").append(esc(s.parameters().getOrDefault(p, ""))).append("</td>"));
            for (String v : numbers(s)) {
                h.append("<td>").append(esc(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        Files.createDirectories(page.getParent());
        Path tmp = Files.createTempFile(page.getParent(), page.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, h, java.nio.charset.StandardCharsets.UTF_8);
            Files.move(tmp, page, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Test accuracy, test loss, epochs, seconds, as the table shows them. */
    static List<String> numbers(ExperimentSummary s) {
        return List.of(Double.isNaN(s.testAccuracy()) ? "\u2014" : String.format(Locale.ROOT, "%.2f%%", 100 * s.testAccuracy()),
                Double.isNaN(s.testLoss()) ? "\u2014" : String.format(Locale.ROOT, "%.4f", s.testLoss()),
                Integer.toString(s.epochs()), String.format(Locale.ROOT, "%.1f", s.totalSeconds()));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void header(Sink sink, String text) {
        sink.tableHeaderCell();
        sink.text(text);
        sink.tableHeaderCell_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }
}
