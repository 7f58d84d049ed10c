package dev.mlpmaven.plugin.check;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import dev.mlpmaven.engine.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the results of {@code mlp:check} for one experiment as a JUnit XML file
 * ({@code TEST-mlp-<name>.xml}, the surefire format CI systems read): a test suite {@code mlp.<name>}
 * with one test case per limit, failed when the limit is violated.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static Path fileFor(Path reportsDir, String experiment) {
        return reportsDir.resolve("TEST-mlp-" + experiment + ".xml");
    }

    /** Writes the file atomically ({@link AtomicFiles}); returns its path. */
    public static Path write(Path reportsDir, String experiment, Path metricsFile, List<CheckResult> results)
            throws IOException {
        Files.createDirectories(reportsDir);
        Path target = fileFor(reportsDir, experiment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "mlp." + experiment);
            x.writeAttribute("tests", String.valueOf(results.size()));
            x.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", "0");
            x.writeCharacters("\n  ");
            x.writeStartElement("properties");
            x.writeEmptyElement("property");
            x.writeAttribute("name", "metrics");
            x.writeAttribute("value", metricsFile.toString());
            x.writeEndElement();
            for (CheckResult r : results) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "mlp." + experiment);
                x.writeAttribute("name", r.limit());
                x.writeAttribute("time", "0");
                if (!r.passed()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("type", "mlp.check");
                    x.writeAttribute("message", r.violations().get(0));
                    x.writeCharacters(String.join("\n", r.violations()));
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(r.summary());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        try {
            AtomicFiles.write(target, out.toByteArray());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return target;
    }
}
