package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RecordingRunListener;
import dev.mlpmaven.engine.run.RunOptions;
import dev.mlpmaven.engine.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.engine.report.ReportBrowserTest.openWithoutProblems;
import static dev.mlpmaven.engine.report.ReportBrowserTest.screenshotWholePage;
import static dev.mlpmaven.engine.report.ReportBrowserTest.selfCheck;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's browser test on a report from a real training run: {@link ExperimentRunner} trains an MLP on the
 * embedded sample of real Fashion-MNIST images (3 epochs, cosine schedule, validation split), then real headless
 * Chromium opens the produced {@code report.html} and {@code index.html} from file://. The page's self-check
 * (selfcheck.js) must list every chart and both prediction grids as loaded and visible, with no script, console or
 * network problem. The screenshot of the whole report is kept as {@code target/report-real-run.png}; the run's
 * folder stays in {@code target/report-real-run/mlp/} to be opened by hand.
 */
class ReportFromRealRunBrowserTest {
    static final Path OUT = Path.of("target", "report-real-run", "mlp");
    static final Path SCREENSHOT = Path.of("target", "report-real-run.png");
    static final String NAME = "fashion-sample-real";

    /** The dataset cache (unused by the embedded sample) and Chromium's throw-away profiles. */
    @TempDir
    Path work;

    @Test
    void report_of_a_real_run_shows_charts_and_both_prediction_grids_without_errors_in_chromium() throws Exception {
        Path yaml = work.resolve(NAME + ".yaml");
        Files.writeString(yaml, """
                version: 1
                name: %s
                seed: 11
                dataset: fashion-mnist-sample
                model:
                  hidden: [128]
                optimizer:
                  type: sgd
                  learningRate: 0.05
                  momentum: 0.9
                  schedule: {type: cosine, minLearningRate: 0.001}
                training:
                  batchSize: 64
                  epochs: 3
                  validationSplit: 0.1
                """.formatted(NAME));
        Experiment experiment = ExperimentLoader.load(yaml, Map.of());
        RunOptions options = new RunOptions(OUT, work, work.resolve("cache"), true, List.of(), Map.of(), false, null,
                Map.of());
        RecordingRunListener log = new RecordingRunListener();
        RunResult result = new ExperimentRunner(options, log).run(experiment);

        Path dir = OUT.resolve(NAME);
        assertThat(result.outputDir().toAbsolutePath()).isEqualTo(dir.toAbsolutePath());
        assertThat(log.lines).as("a learning run: no chance-level warning").noneMatch(l -> l.startsWith("WARN "));
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(metrics.get("epochs")).hasSize(3);
        assertThat(metrics.get("test").get("accuracy").asDouble()).isGreaterThan(0.70);
        double firstRate = metrics.get("epochs").get(0).get("learningRate").asDouble();
        double lastRate = metrics.get("epochs").get(2).get("learningRate").asDouble();
        assertThat(lastRate).as("cosine schedule lowers the rate").isLessThan(firstRate);

        HeadlessChromium chromium = new HeadlessChromium(work);
        Path report = dir.resolve(ReportWriter.REPORT_FILE);
        List<String> check = openWithoutProblems(chromium, report);
        assertThat(check).contains("shown: chart loss.png 640x400", "shown: chart accuracy.png 640x400",
                "shown: chart learning-rate.png 640x400");
        assertThat(check).anyMatch(l -> l.startsWith("shown: chart confusion.png "));
        assertThat(check.stream().filter(l -> l.matches("shown: prediction \\d+ 28x28")))
                .hasSize(ReportWriter.GRID_SIZE);
        assertThat(check.stream().filter(l -> l.matches("shown: mistake \\d+ 28x28")))
                .as("a 3-epoch model on the sample makes at least %d mistakes", ReportWriter.MISTAKES_SIZE)
                .hasSize(ReportWriter.MISTAKES_SIZE);
        int images = 4 + ReportWriter.GRID_SIZE + ReportWriter.MISTAKES_SIZE;
        assertThat(check).contains("images: " + images + " shown: " + images);
        assertThat(Files.readString(report)).contains("Predict: ", " / True: ", "Ankle boot");

        screenshotWholePage(chromium, report, check, SCREENSHOT);

        HeadlessChromium.Result index = chromium.dumpDom(OUT.resolve(IndexWriter.INDEX_FILE));
        assertThat(selfCheck(index.stdout())).contains("images: 0 shown: 0", "done")
                .noneMatch(l -> l.startsWith("error:") || l.startsWith("network:"));
        assertThat(index.consoleLines()).as("index console messages").isEmpty();
        assertThat(index.stdout()).contains("<a href=\"" + NAME + "/report.html\">" + NAME + "</a>");
    }
}
