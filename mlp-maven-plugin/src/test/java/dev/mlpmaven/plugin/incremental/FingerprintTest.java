package dev.mlpmaven.plugin.incremental;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.TrainingSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintTest {
    @TempDir
    Path temp;
    Path out;

    @BeforeEach
    void outputs() throws IOException {
        out = Files.createDirectories(temp.resolve("mlp/quick"));
        Files.writeString(out.resolve("model.mlp"), "weights");
        Files.writeString(out.resolve("metrics.json"), "{}");
    }

    static Experiment experiment(DatasetSpec data, int epochs) {
        return new Experiment(1, "quick", 42, data,
                new ModelSpec(List.of(new LayerSpec(32, Activation.RELU, 0, Init.HE)), Normalization.SCALE),
                new OptimizerSpec(OptimizerType.SGD, 0.01, 0, false, 0, 0.9, 0.999, 0.9, 1e-8, 0, null),
                new TrainingSpec(64, epochs, 0.1, null, 0), null);
    }

    @Test
    void unchanged_inputs_and_outputs_are_up_to_date() throws IOException {
        Map<String, String> in = Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp);
        assertThat(Fingerprint.staleReason(out, in)).contains("no earlier training in " + out);

        Fingerprint.write(out, in);

        assertThat(Fingerprint.staleReason(out, in)).isEmpty();
        assertThat(Fingerprint.staleReason(out,
                Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp))).isEmpty();
    }

    @Test
    void changed_experiment_plugin_or_output_is_stale_with_its_reason() throws IOException {
        Map<String, String> in = Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp);
        Fingerprint.write(out, in);

        assertThat(Fingerprint.staleReason(out,
                Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 2), temp)))
                .contains("the experiment changed since the earlier training");
        assertThat(Fingerprint.staleReason(out,
                Fingerprint.inputs("0.2.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp)))
                .contains("the plugin changed since the earlier training (0.1.0)");
        assertThat(Fingerprint.staleReason(out,
                Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("mnist"), 1), temp)))
                .contains("the experiment changed since the earlier training");

        Files.writeString(out.resolve("metrics.json"), "{\"edited\":true}");
        assertThat(Fingerprint.staleReason(out, in)).contains("metrics.json changed since it was written");
        Files.delete(out.resolve("model.mlp"));
        assertThat(Fingerprint.staleReason(out, in)).contains("model.mlp is missing");
    }

    @Test
    void a_diverged_sweep_trial_with_metrics_and_no_model_stays_up_to_date() throws IOException {
        Files.delete(out.resolve("model.mlp"));
        Map<String, String> in = Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp);
        Fingerprint.write(out, in);

        assertThat(Fingerprint.staleReason(out, in)).isEmpty();
        Files.delete(out.resolve("metrics.json"));
        assertThat(Fingerprint.staleReason(out, in)).contains("metrics.json is missing");
    }

    @Test
    void a_data_file_read_by_many_trials_is_hashed_once_per_execution() throws IOException {
        Path d = Files.createDirectories(temp.resolve("shared"));
        for (String f : List.of("ti", "tl", "si", "sl")) {
            Files.writeString(d.resolve(f), f);
        }
        Experiment e = experiment(DatasetSpec.localFiles(d.resolve("ti"), d.resolve("tl"), d.resolve("si"),
                d.resolve("sl")), 1);
        Map<Path, String> hashes = new java.util.HashMap<>();
        Map<String, String> first = Fingerprint.inputs("0.1.0", e, temp, hashes);
        assertThat(hashes).hasSize(4);
        Files.writeString(d.resolve("ti"), "changed while the execution runs");
        // the same execution keeps the hash it took; a new one sees the change
        assertThat(Fingerprint.inputs("0.1.0", e, temp, hashes)).isEqualTo(first);
        assertThat(Fingerprint.inputs("0.1.0", e, temp)).isNotEqualTo(first);
    }

    @Test
    void changed_local_data_file_is_stale() throws IOException {
        Path d = Files.createDirectories(temp.resolve("data"));
        for (String f : List.of("ti", "tl", "si", "sl")) {
            Files.writeString(d.resolve(f), f);
        }
        Experiment e = experiment(DatasetSpec.localFiles(d.resolve("ti"), d.resolve("tl"), d.resolve("si"),
                d.resolve("sl")), 1);
        Fingerprint.write(out, Fingerprint.inputs("0.1.0", e, temp));
        assertThat(Fingerprint.staleReason(out, Fingerprint.inputs("0.1.0", e, temp))).isEmpty();

        Files.writeString(d.resolve("sl"), "other labels");

        assertThat(Fingerprint.staleReason(out, Fingerprint.inputs("0.1.0", e, temp)))
                .contains("the data changed since the earlier training");
    }

    @Test
    void changed_validation_file_is_stale() throws IOException {
        Path d = Files.createDirectories(temp.resolve("data"));
        for (String f : List.of("ti", "tl", "si", "sl", "vi", "vl")) {
            Files.writeString(d.resolve(f), f);
        }
        Experiment e = experiment(new DatasetSpec(null, d.resolve("ti"), d.resolve("tl"), d.resolve("si"),
                d.resolve("sl"), List.of(), List.of(), List.of(), d.resolve("vi"), d.resolve("vl")), 1);
        Fingerprint.write(out, Fingerprint.inputs("0.1.0", e, temp));
        assertThat(Fingerprint.staleReason(out, Fingerprint.inputs("0.1.0", e, temp))).isEmpty();

        Files.writeString(d.resolve("vl"), "other validation labels");

        assertThat(Fingerprint.staleReason(out, Fingerprint.inputs("0.1.0", e, temp)))
                .contains("the data changed since the earlier training");
    }

    @Test
    void fingerprint_is_written_without_leftover_temp_files() throws IOException {
        Fingerprint.write(out, Fingerprint.inputs("0.1.0", experiment(DatasetSpec.named("fashion-mnist-sample"), 1), temp));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.mlp", "metrics.json", "fingerprint");
        }
        assertThat(Files.readString(out.resolve("fingerprint")))
                .contains("plugin=0.1.0", "data.name=fashion-mnist-sample", "output.model.mlp=");
    }

    @Test
    void a_fingerprint_that_cannot_be_written_says_why_and_leaves_no_temporary_file() throws IOException {
        Files.createDirectories(out.resolve(Fingerprint.FILE).resolve("in-the-way"));
        assertThatThrownBy(() -> Fingerprint.write(out, Map.of("format", "1"))).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(dev.mlpmaven.plugin.fork.IoReason.of((IOException) e))
                        .isEqualTo("Is a directory"));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("model.mlp", "metrics.json", "fingerprint");
        }
    }

    @Test
    void delete_removes_the_fingerprint_only_inside_the_output_root() throws IOException {
        Path root = temp.resolve("mlp");
        Fingerprint.write(out, Map.of("format", "1"));
        Files.writeString(temp.resolve(Fingerprint.FILE), "not ours");
        Path above = root.resolve("..");
        assertThatThrownBy(() -> Fingerprint.delete(root, above))
                .isInstanceOf(dev.mlpmaven.config.UserException.class)
                .hasMessage(String.format(dev.mlpmaven.engine.io.OutputPaths.OUTSIDE, above.resolve(Fingerprint.FILE),
                        root));
        assertThat(Files.readString(temp.resolve(Fingerprint.FILE))).isEqualTo("not ours");
        Fingerprint.delete(root, out);
        assertThat(out.resolve(Fingerprint.FILE)).doesNotExist();
        assertThat(out.resolve("model.mlp")).exists();
    }

    @Test
    void a_file_that_cannot_be_hashed_is_named_with_the_reason() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("data/train.idx"));
        assertThatThrownBy(() -> Fingerprint.sha256(dir)).isInstanceOf(IOException.class)
                .hasMessage(dir + " (is a directory)");
    }

    @Test
    void a_checkout_that_moves_keeps_its_experiment_hash_which_is_provenances() throws IOException {
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (String where : java.util.List.of("home/me/project", "moved/elsewhere/project")) {
            Path project = temp.resolve(where);
            Path yaml = project.resolve("src/main/mlp/e.yaml");
            Path data = project.resolve("data");
            Experiment e = new Experiment(1, "quick", 42, DatasetSpec.localFiles(data.resolve("ti"), data.resolve("tl"),
                    data.resolve("si"), data.resolve("sl")), experiment(DatasetSpec.named("mnist"), 1).model(),
                    experiment(DatasetSpec.named("mnist"), 1).optimizer(), new TrainingSpec(64, 1, 0.1, null, 0), yaml);
            String hash = Fingerprint.inputs("0.1.0", e, project).get("experiment");
            assertThat(hash).isEqualTo(dev.mlpmaven.engine.run.ProvenanceCollector.experimentSha256(e, project));
            assertThat(dev.mlpmaven.engine.run.ProvenanceCollector.normaliseExperiment(e, project)
                    .at("/dataset/trainImages").asText()).isEqualTo("../../../data/ti");
            seen.add(hash);
        }
        assertThat(seen.get(0)).isEqualTo(seen.get(1));
    }
}
