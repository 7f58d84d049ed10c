package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.LoadedModel;
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.train.Evaluator;
import dev.mlpmaven.engine.train.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole run on the embedded sample of real Fashion-MNIST images: YAML in, model, metrics and report out. */
class ExperimentRunnerTest {
    @TempDir
    Path tmp;

    private Path yaml(String name, String optimizer, int epochs) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, """
                version: 1
                name: %s
                seed: 7
                dataset: fashion-mnist-sample
                model:
                  hidden: [64]
                optimizer:
                  %s
                training:
                  batchSize: 64
                  epochs: %d
                  validationSplit: 0.1
                """.formatted(name, optimizer, epochs));
        return file;
    }

    private RunOptions options(Path out) {
        return new RunOptions(out, tmp, tmp.resolve("cache"), true, List.of(), Map.of(), false, null, Map.of());
    }

    @Test
    void run_writes_model_metrics_report_and_the_model_evaluates_to_the_same_accuracy() throws Exception {
        Experiment exp = ExperimentLoader.load(yaml("sample", "{type: sgd, learningRate: 0.05, momentum: 0.9}", 2),
                Map.of());
        Path out = tmp.resolve("mlp");
        RecordingRunListener log = new RecordingRunListener();
        RunResult result = new ExperimentRunner(options(out), log).run(exp);

        Path dir = out.resolve("sample");
        assertThat(result.outputDir()).isEqualTo(dir);
        for (String f : List.of("model.mlp", "metrics.json", "history.csv", "provenance.json", "experiment.json",
                "report.html")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("summary.md")).isRegularFile();
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }

        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(m.get("name").asText()).isEqualTo("sample");
        assertThat(m.get("epochs")).hasSize(2);
        assertThat(m.get("epochs").get(0).get("epoch").asInt()).isEqualTo(1);
        assertThat(m.get("epochs").get(0).has("trainLoss")).isTrue();
        assertThat(m.get("epochs").get(0).has("validationAccuracy")).isTrue();
        assertThat(m.get("epochs").get(0).has("trainSeconds")).isTrue();
        double accuracy = m.get("test").get("accuracy").asDouble();
        assertThat(accuracy).isGreaterThan(0.70).isEqualTo(result.testAccuracy());
        assertThat(m.get("test").get("confusionMatrix")).hasSize(10);
        for (String phase : List.of("loadData", "train", "evaluate", "write", "total")) {
            assertThat(m.get("timings").get(phase).asDouble()).as(phase).isPositive();
        }

        assertThat(log.lines).anyMatch(l -> l.startsWith("sample: epoch 1/2  loss "));
        assertThat(log.lines).anyMatch(l -> l.startsWith("sample: test accuracy "));

        LoadedModel loaded = ModelFile.read(dir.resolve("model.mlp"));
        LoadedDataset data = new DatasetResolver(ExperimentRunner.dataOptions(options(out)), DataListener.SILENT)
                .resolve(exp.dataset());
        assertThat(Evaluator.evaluate(loaded.model(), data.test()).result().accuracy()).isEqualTo(accuracy);
        assertThat(loaded.provenance().seed()).isEqualTo(7);
    }

    @Test
    void two_runs_with_the_same_seed_write_identical_metrics_apart_from_timings() throws Exception {
        Experiment exp = ExperimentLoader.load(yaml("twice", "{type: sgd, learningRate: 0.05}", 1), Map.of());
        new ExperimentRunner(options(tmp.resolve("a")), new RecordingRunListener()).run(exp);
        new ExperimentRunner(options(tmp.resolve("b")), new RecordingRunListener()).run(exp);
        String a = MetricsWriter.withoutTimings(tmp.resolve("a/twice/metrics.json"));
        String b = MetricsWriter.withoutTimings(tmp.resolve("b/twice/metrics.json"));
        assertThat(a).isEqualTo(b);
        assertThat(ModelFile.read(tmp.resolve("a/twice/model.mlp")).model().layers().get(0).weights())
                .isEqualTo(ModelFile.read(tmp.resolve("b/twice/model.mlp")).model().layers().get(0).weights());
    }

    @Test
    void a_run_that_does_not_learn_warns_and_its_report_shows_the_chance_level_banner() throws Exception {
        Experiment exp = ExperimentLoader.load(yaml("stuck", "{type: sgd, learningRate: 1.0e-9}", 1), Map.of());
        Path out = tmp.resolve("mlp");
        RecordingRunListener log = new RecordingRunListener();
        RunResult result = new ExperimentRunner(options(out), log).run(exp);

        assertThat(result.testAccuracy()).as("untrained network (0.126 with seed 7)").isLessThanOrEqualTo(0.15);
        assertThat(log.lines).contains("WARN " + String.format(java.util.Locale.ROOT, ExperimentRunner.CHANCE_LEVEL,
                "stuck", result.testAccuracy(), 10, 0.1));
        assertThat(Files.readString(out.resolve("stuck/report.html"))).contains("id=\"chance-level\"",
                "is no better than guessing among 10 classes (chance level 10.00%)");
    }

    @Test
    void a_run_that_learns_has_no_chance_level_warning_or_banner() throws Exception {
        Experiment exp = ExperimentLoader.load(yaml("learns", "{type: sgd, learningRate: 0.05}", 1), Map.of());
        Path out = tmp.resolve("mlp");
        RecordingRunListener log = new RecordingRunListener();
        new ExperimentRunner(options(out), log).run(exp);

        assertThat(log.lines).noneMatch(l -> l.startsWith("WARN "));
        assertThat(Files.readString(out.resolve("learns/report.html"))).doesNotContain("chance-level");
    }

    @Test
    void a_diverging_run_stops_with_its_message_and_records_it_without_a_model() throws Exception {
        Experiment exp = ExperimentLoader.load(yaml("diverge", "{type: sgd, learningRate: 1000}", 2), Map.of());
        Path out = tmp.resolve("mlp");
        assertThatThrownBy(() -> new ExperimentRunner(options(out), new RecordingRunListener()).run(exp))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training, epoch 1, batch ")
                .hasMessageContaining("lower optimizer.learningRate");
        Path dir = out.resolve("diverge");
        assertThat(dir.resolve("model.mlp")).doesNotExist();
        JsonNode m = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertThat(m.get("diverged").get("epoch").asInt()).isEqualTo(1);
        assertThat(dir.resolve("report.html")).isRegularFile();
    }
}
