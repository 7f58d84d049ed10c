package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.ScheduleType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndexWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @TempDir
    Path root;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void threeExperimentsAndSomeNoise() throws IOException {
        experiment("adam-small", 0.001, """
                {"name": "adam-small", "epochs": [{"epoch": 1, "trainLoss": 0.6, "validationAccuracy": 0.8, "trainSeconds": 1.5},
                  {"epoch": 2, "trainLoss": 0.4, "validationAccuracy": 0.84, "trainSeconds": 2.0}],
                 "test": {"accuracy": 0.8512, "loss": 0.4105, "confusionMatrix": [[1, 0], [0, 1]]}}""", true);
        experiment("adam-fast", 0.01, """
                {"name": "adam-fast", "totalSeconds": 12.25, "epochs": [{"epoch": 1, "trainLoss": 0.5, "trainSeconds": 4.0}],
                 "test": {"accuracy": 0.8712, "loss": 0.3662, "confusionMatrix": [[1]]}}""", false);
        experiment("blown-up", 10.0, """
                {"name": "blown-up", "epochs": [{"epoch": 1, "trainLoss": 2.3, "trainSeconds": 3.0}]}""", true);
        Files.createDirectories(root.resolve("not-an-experiment"));
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/metrics.json"), "{\"name\": \"broken\",\n \"epochs\": [}");
    }

    private void experiment(String name, double learningRate, String metrics, boolean report) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("metrics.json"), metrics);
        Experiment base = ReportFixtures.experiment(name, ScheduleType.CONSTANT);
        OptimizerSpec o = base.optimizer();
        Experiment e = new Experiment(base.version(), name, base.seed(), base.dataset(), base.model(),
                new OptimizerSpec(o.type(), learningRate, o.momentum(), o.nesterov(), o.weightDecay(), o.beta1(),
                        o.beta2(), o.rho(), o.epsilon(), o.clipNorm(), o.schedule()),
                base.training(), null);
        // the normalised experiment as the runner writes it: the record serialised by Jackson
        Files.writeString(dir.resolve("experiment.json"), JSON.writeValueAsString(e));
        if (report) {
            Files.writeString(dir.resolve("report.html"), "<!DOCTYPE html>");
        }
    }

    @Test
    void scan_reads_every_experiment_folder_and_skips_a_broken_one_with_a_warning() {
        List<ExperimentSummary> rows = IndexWriter.scan(root, warnings::add);

        assertThat(rows).extracting(ExperimentSummary::name).containsExactly("adam-fast", "adam-small", "blown-up");
        ExperimentSummary small = rows.get(1);
        assertThat(small.testAccuracy()).isEqualTo(0.8512);
        assertThat(small.testLoss()).isEqualTo(0.4105);
        assertThat(small.epochs()).isEqualTo(2);
        assertThat(small.totalSeconds()).as("sum of trainSeconds when totalSeconds is absent").isEqualTo(3.5);
        assertThat(small.hasReport()).isTrue();
        assertThat(small.parameters()).containsEntry("optimizer.learningRate", "0.001")
                .containsEntry("model.layers[0].units", "256").doesNotContainKeys("name", "source", "version");
        assertThat(rows.get(0).totalSeconds()).isEqualTo(12.25);
        assertThat(rows.get(2).testAccuracy()).isNaN();
        assertThat(warnings).containsExactly("index: skipped " + root.resolve("broken") + " ("
                + root.resolve("broken/metrics.json") + ", line 2, column 13: found invalid JSON, expected the "
                + "file the runner writes - delete the folder or run the experiment again)");
    }

    @Test
    void only_parameters_that_differ_become_columns() {
        List<ExperimentSummary> rows = IndexWriter.scan(root, warnings::add);

        assertThat(IndexWriter.differingParameters(rows)).containsExactly("optimizer.learningRate");
        assertThat(IndexWriter.differingParameters(rows.subList(0, 1))).isEmpty();
    }

    @Test
    void summary_md_is_a_markdown_table_of_every_experiment() throws IOException {
        IndexWriter.regenerate(root, warnings::add);

        assertThat(Files.readString(root.resolve("summary.md"))).isEqualTo("""
                ### mlp-maven experiments

                | experiment | optimizer.learningRate | test accuracy | test loss | epochs | time (s) |
                |---|---|---:|---:|---:|---:|
                | adam-fast | 0.01 | 87.12% | 0.3662 | 1 | 12.3 |
                | adam-small | 0.001 | 85.12% | 0.4105 | 2 | 3.5 |
                | blown-up | 10.0 | \u2014 | \u2014 | 1 | 3.0 |
                """);
    }

    @Test
    void index_html_links_each_report_in_a_sortable_table() throws IOException {
        IndexWriter.regenerate(root, warnings::add);

        String html = Files.readString(root.resolve("index.html"));
        assertThat(html).contains("<table class=\"sortable\" id=\"experiments\">", "<th>optimizer.learningRate</th>",
                "<a href=\"adam-small/report.html\">adam-small</a>", "<a href=\"blown-up/report.html\">blown-up</a>",
                "adam-fast <span class=\"muted\">(no report)</span>", "data-sort=\"0.8712000000\">87.12%</td>")
                .doesNotContain("training.batchSize", "broken/report.html", ">broken<");
    }

    @Test
    void an_output_root_without_experiments_gets_an_empty_index() throws IOException {
        Path empty = Files.createDirectories(root.resolve("not-an-experiment"));

        assertThat(IndexWriter.regenerate(empty, warnings::add)).isEmpty();

        assertThat(Files.readString(empty.resolve("summary.md")))
                .isEqualTo("### mlp-maven experiments\n\nNo experiment has written metrics.json yet.\n");
        assertThat(empty.resolve("index.html")).isRegularFile();
    }

    @Test
    void markdown_cells_escape_pipes_and_markup() {
        assertThat(IndexWriter.md("a|b_c*<d>\nx")).isEqualTo("a\\|b\\_c\\*&lt;d&gt; x");
    }

    @Test
    void summary_table_lines_up_the_same_numbers_for_the_log() {
        List<ExperimentSummary> rows = IndexWriter.scan(root, warnings::add);

        assertThat(SummaryTable.lines(rows)).containsExactly(
                "experiment  optimizer.learningRate  test acc  test loss  epochs  time (s)",
                "adam-fast   0.01                      87.12%     0.3662       1      12.3",
                "adam-small  0.001                     85.12%     0.4105       2       3.5",
                "blown-up    10.0                           \u2014          \u2014       1       3.0");
    }
}
