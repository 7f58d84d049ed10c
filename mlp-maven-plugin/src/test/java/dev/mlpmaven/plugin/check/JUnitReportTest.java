package dev.mlpmaven.plugin.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JUnitReportTest {
    @TempDir
    Path temp;

    @Test
    void one_test_case_per_limit_with_the_violation_as_failure() throws Exception {
        List<CheckResult> results = RuleChecker.check(RuleCheckerTest.METRICS, new Rule("*", 0.85, 0.5, 0.7));

        Path file = JUnitReport.write(temp.resolve("mlp-reports"), "fashion-seed", Path.of("metrics.json"), results);

        assertThat(file.getFileName().toString()).isEqualTo("TEST-mlp-fashion-seed.xml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("mlp.fashion-seed");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element accuracy = (Element) cases.item(0);
        assertThat(accuracy.getAttribute("name")).isEqualTo("minimumTestAccuracy");
        Element failure = (Element) accuracy.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message"))
                .isEqualTo("mlp: fashion-seed: test accuracy is 0.7813, but expected minimum is 0.8500");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
        try (var files = Files.list(temp.resolve("mlp-reports"))) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_report_that_cannot_be_written_says_why_and_leaves_no_temporary_file() throws Exception {
        Path dir = temp.resolve("mlp-reports");
        Path target = Files.createDirectories(JUnitReport.fileFor(dir, "x").resolve("in-the-way")).getParent();
        List<CheckResult> results = RuleChecker.check(RuleCheckerTest.METRICS, new Rule("*", 0.85, 0.5, 0.7));

        assertThatThrownBy(() -> JUnitReport.write(dir, "x", Path.of("metrics.json"), results))
                .isInstanceOf(java.io.IOException.class)
                .satisfies(e -> assertThat(dev.mlpmaven.plugin.fork.IoReason.of((java.io.IOException) e))
                        .isEqualTo("Is a directory"));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
