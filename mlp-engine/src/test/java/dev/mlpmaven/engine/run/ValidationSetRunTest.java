package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.data.IdxFixtureGenerator;
import dev.mlpmaven.engine.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A run through ExperimentRunner on small local IDX files with a separate validation set. */
class ValidationSetRunTest {
    private static final int SIDE = 4;
    private static final int CLASSES = 3;

    @TempDir
    Path tmp;

    /**
     * Writes {@code count} images of 4x4 pixels and their labels: class c lights up its own band of pixels,
     * over seeded noise, so a small network learns it within a few epochs.
     */
    private void writeSplit(String prefix, int count, long salt) throws Exception {
        int ppi = SIDE * SIDE;
        byte[] pixels = new byte[count * ppi];
        byte[] labels = new byte[count];
        long state = salt;
        for (int i = 0; i < count; i++) {
            int c = i % CLASSES;
            labels[i] = (byte) c;
            for (int k = 0; k < ppi; k++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                int noise = (int) ((state >>> 33) & 0x7F);
                pixels[i * ppi + k] = (byte) ((k * CLASSES) / ppi == c ? 120 + noise : noise);
            }
        }
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.write(data.resolve(prefix + "-images.idx.gz"), IdxFixtureGenerator.gzip(
                IdxFixtureGenerator.images(IdxReader.IMAGES_MAGIC, count, SIDE, SIDE, pixels)));
        Files.write(data.resolve(prefix + "-labels.idx"),
                IdxFixtureGenerator.labels(IdxReader.LABELS_MAGIC, count, labels));
    }

    @Test
    void run_validates_on_the_validation_set_and_records_its_hashes() throws Exception {
        writeSplit("train", 240, 1);
        writeSplit("test", 60, 2);
        // the validation set is a copy of the test set, so its metrics must equal the test metrics
        Files.copy(tmp.resolve("data/test-images.idx.gz"), tmp.resolve("data/val-images.idx.gz"));
        Files.copy(tmp.resolve("data/test-labels.idx"), tmp.resolve("data/val-labels.idx"));
        Path yaml = tmp.resolve("valset.yaml");
        Files.writeString(yaml, """
                version: 1
                name: valset
                seed: 3
                dataset:
                  trainImages: data/train-images.idx.gz
                  trainLabels: data/train-labels.idx
                  testImages: data/test-images.idx.gz
                  testLabels: data/test-labels.idx
                  validationImages: data/val-images.idx.gz
                  validationLabels: data/val-labels.idx
                  classNames: [left, middle, right]
                model:
                  hidden: [16]
                optimizer:
                  type: sgd
                  learningRate: 0.1
                training:
                  batchSize: 16
                  epochs: 3
                """);
        Experiment exp = ExperimentLoader.load(yaml, Map.of());
        assertThat(exp.training().validationSplit()).isEqualTo(0.0);
        Path out = tmp.resolve("mlp");
        RunOptions options = new RunOptions(out, tmp, tmp.resolve("cache"), true, List.of(), Map.of(), false, null,
                Map.of());
        RunResult result = new ExperimentRunner(options, new RecordingRunListener()).run(exp);

        JsonNode m = new ObjectMapper().readTree(out.resolve("valset/metrics.json").toFile());
        JsonNode last = m.get("epochs").get(2);
        assertThat(last.get("validationAccuracy").asDouble()).isEqualTo(m.get("test").get("accuracy").asDouble())
                .isEqualTo(result.testAccuracy()).isGreaterThan(0.9);
        assertThat(last.get("validationLoss").asDouble()).isCloseTo(m.get("test").get("loss").asDouble(),
                within(1e-6));

        JsonNode sha = new ObjectMapper().readTree(out.resolve("valset/provenance.json").toFile()).get("dataSha256");
        assertThat(sha.get("validation-images").asText()).isEqualTo(sha.get("test-images").asText()).hasSize(64);
        assertThat(sha.get("validation-labels").asText()).isEqualTo(sha.get("test-labels").asText());
        assertThat(sha.get("train-images").asText()).isNotEqualTo(sha.get("test-images").asText());

        // the report plots validation accuracy and names the validation files among the settings
        assertThat(out.resolve("valset/accuracy.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("valset/report.html"))).contains("dataset.validationImages",
                tmp.resolve("data/val-images.idx.gz").toString()).doesNotContain("No validation split");
    }
}
