package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.engine.model.CanonicalJson;
import dev.mlpmaven.engine.model.Provenance;
import dev.mlpmaven.engine.model.ProvenanceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProvenanceTest {
    @TempDir
    Path dir;

    static Experiment experiment(Path source, double learningRate) {
        Path folder = source.getParent();
        DatasetSpec data = DatasetSpec.localFiles(folder.resolve("data/train-images.gz"), folder.resolve("data/train-labels.gz"),
                folder.resolve("data/test-images.gz"), folder.resolve("data/test-labels.gz"));
        return new Experiment(1, "quick", 42L, data,
                new ModelSpec(List.of(new LayerSpec(32, Activation.LEAKY_RELU, 0.0, Init.HE)), Normalization.SCALE),
                new OptimizerSpec(OptimizerType.SGD, learningRate, 0.9, false, 0, 0.9, 0.999, 0.9, 1e-8, 0, ScheduleSpec.CONSTANT),
                new TrainingSpec(64, 2, 0.1, null, 1), source);
    }

    @Test
    void normalised_experiment_uses_yaml_names_relative_paths_and_no_source() {
        JsonNode n = ProvenanceCollector.normaliseExperiment(experiment(dir.resolve("exp.yaml"), 0.01));
        assertThat(n.has("source")).isFalse();
        assertThat(n.get("model").get("layers").get(0).get("activation").asText()).isEqualTo("leaky_relu");
        assertThat(n.get("optimizer").get("type").asText()).isEqualTo("sgd");
        assertThat(n.get("dataset").get("trainImages").asText()).isEqualTo("data/train-images.gz");
        assertThat(n.get("dataset").has("named")).isFalse();
        assertThat(n.get("seed").asLong()).isEqualTo(42L);
        List<String> keys = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted();
    }

    @Test
    void experiment_hash_ignores_where_the_project_lies_but_not_what_it_asks_for() throws IOException {
        Path other = Files.createDirectories(dir.resolve("elsewhere/deeper"));
        String a = CanonicalJson.sha256(ProvenanceCollector.normaliseExperiment(experiment(dir.resolve("exp.yaml"), 0.01)));
        String b = CanonicalJson.sha256(ProvenanceCollector.normaliseExperiment(experiment(other.resolve("exp.yaml"), 0.01)));
        String c = CanonicalJson.sha256(ProvenanceCollector.normaliseExperiment(experiment(dir.resolve("exp.yaml"), 0.02)));
        assertThat(a).isEqualTo(b).isNotEqualTo(c).matches("[0-9a-f]{64}");
    }

    @Test
    void a_seed_beyond_what_a_double_holds_is_kept_exactly_as_text_and_changes_the_hash() {
        Experiment small = experiment(dir.resolve("exp.yaml"), 0.01);
        Experiment big = new Experiment(1, "quick", Long.MAX_VALUE, small.dataset(), small.model(), small.optimizer(),
                small.training(), small.source());
        Experiment bigMinusOne = new Experiment(1, "quick", Long.MAX_VALUE - 1, small.dataset(), small.model(),
                small.optimizer(), small.training(), small.source());
        assertThat(ProvenanceCollector.normaliseExperiment(big).get("seed").asText()).isEqualTo("9223372036854775807");
        assertThat(ProvenanceCollector.experimentSha256(big, null))
                .isNotEqualTo(ProvenanceCollector.experimentSha256(bigMinusOne, null));
    }

    @Test
    void paths_in_the_project_but_outside_the_experiment_folder_are_relative_others_absolute() {
        Path yaml = dir.resolve("project/src/main/mlp/exp.yaml");
        Experiment e = new Experiment(1, "quick", 42L, new DatasetSpec("mnist", null, null, null, null, List.of(),
                List.of(dir.resolve("project/data"), Path.of("/usr/share/datasets/mnist")), List.of()),
                experiment(yaml, 0.01).model(), experiment(yaml, 0.01).optimizer(), experiment(yaml, 0.01).training(),
                yaml);
        JsonNode n = ProvenanceCollector.normaliseExperiment(e, dir.resolve("project"));
        assertThat(n.at("/dataset/dataDirs/0").asText()).isEqualTo("../../../data");
        assertThat(n.at("/dataset/dataDirs/1").asText()).isEqualTo("/usr/share/datasets/mnist");
        assertThat(ProvenanceCollector.normaliseExperiment(e).at("/dataset/dataDirs/0").asText())
                .isEqualTo(dir.resolve("project/data").toString());
    }

    @Test
    void collect_fills_versions_machine_and_hashes() {
        Instant start = Instant.parse("2026-11-27T01:00:00Z");
        Provenance p = ProvenanceCollector.collect(experiment(dir.resolve("exp.yaml"), 0.01),
                Map.of("train-images", "a".repeat(64)), 2, "openblas haswell", dir, start);
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.experimentSha256()).isEqualTo(CanonicalJson.sha256(p.experiment()))
                .isEqualTo(ProvenanceCollector.experimentSha256(experiment(dir.resolve("exp.yaml"), 0.01), dir));
        assertThat(p.dataSha256()).containsEntry("train-images", "a".repeat(64));
        assertThat(p.engineVersion()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(p.nd4jVersion()).isEqualTo("1.0.0-M2.1");
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.osName()).isEqualTo(System.getProperty("os.name"));
        assertThat(p.threads()).isEqualTo(2);
        assertThat(p.blasKernel()).isEqualTo("openblas haswell");
        assertThat(p.gitCommit()).isNull(); // a temp folder is no repository
        assertThat(p.gitDirty()).isNull();
        assertThat(p.startTime()).isEqualTo(start);
        assertThat(p.endTime()).isNull();
        assertThat(p.withEndTime(start.plusSeconds(5)).endTime()).isEqualTo(start.plusSeconds(5));
    }

    @Test
    void provenance_keeps_hashes_in_lower_case_and_rejects_what_is_no_sha256() {
        Provenance p = ProvenanceCollector.collect(experiment(dir.resolve("exp.yaml"), 0.01),
                Map.of("train-images", "AB".repeat(32)), 1, null, null, Instant.EPOCH);
        assertThat(p.dataSha256()).containsEntry("train-images", "ab".repeat(32));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProvenanceCollector.collect(
                        experiment(dir.resolve("exp.yaml"), 0.01), Map.of("test-labels", "unknown"), 1, null, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataSha256.test-labels: found unknown, expected a SHA-256 as 64 hex digits");
    }

    @Test
    void cpu_model_is_read_from_cpuinfo_and_missing_means_null() throws IOException {
        Path x86 = Files.writeString(dir.resolve("x86"), "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n");
        Path arm = Files.writeString(dir.resolve("arm"), "processor\t: 0\nBogoMIPS\t: 50.00\nModel\t: Raspberry Pi 4 Model B Rev 1.4\n");
        assertThat(ProvenanceCollector.cpuModel(x86)).isEqualTo("AMD EPYC 7B13");
        assertThat(ProvenanceCollector.cpuModel(arm)).isEqualTo("Raspberry Pi 4 Model B Rev 1.4");
        assertThat(ProvenanceCollector.cpuModel(dir.resolve("absent"))).isNull();
    }

    @Test
    void git_state_records_commit_and_dirty_flag() throws Exception {
        Path repo = Files.createDirectory(dir.resolve("repo"));
        run(repo, "git", "init", "-q");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        run(repo, "git", "add", "pom.xml");
        run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "one");
        String head = new String(new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "HEAD").start()
                .getInputStream().readAllBytes()).trim();

        ProvenanceCollector.GitState clean = ProvenanceCollector.gitState(repo, Duration.ofSeconds(30));
        assertThat(clean).isEqualTo(new ProvenanceCollector.GitState(head, false));
        Files.writeString(repo.resolve("pom.xml"), "<project></project>");
        assertThat(ProvenanceCollector.gitState(repo, Duration.ofSeconds(30)))
                .isEqualTo(new ProvenanceCollector.GitState(head, true));
    }

    @Test
    void git_state_is_unknown_outside_a_repository_and_for_a_missing_folder() {
        assertThat(ProvenanceCollector.gitState(dir, Duration.ofSeconds(30))).isEqualTo(ProvenanceCollector.GitState.UNKNOWN);
        assertThat(ProvenanceCollector.gitState(dir.resolve("absent"), Duration.ofSeconds(30)))
                .isEqualTo(ProvenanceCollector.GitState.UNKNOWN);
    }

    @Test
    void provenance_json_round_trips() throws IOException {
        Provenance p = ProvenanceCollector.collect(experiment(dir.resolve("exp.yaml"), 0.01),
                Map.of("test-labels", "b".repeat(64), "train-images", "a".repeat(64)), 1, null, dir,
                Instant.parse("2026-11-27T01:00:00.123Z")).withEndTime(Instant.parse("2026-11-27T01:02:00Z"));
        Path file = dir.resolve("provenance.json");
        ProvenanceWriter.write(p, file);
        JsonNode tree = new ObjectMapper().readTree(file.toFile());
        assertThat(tree.get("startTime").asText()).isEqualTo("2026-11-27T01:00:00.123Z");
        assertThat(tree.get("blasKernel").isNull()).isTrue();
        assertThat(ProvenanceJson.fromJson(tree, file, "")).isEqualTo(p);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
