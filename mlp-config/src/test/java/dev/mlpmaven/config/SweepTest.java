package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    private static Sweep sweep(String file) {
        return ExperimentLoader.plan(Corpus.VALID.resolve(file), Map.of()).sweep();
    }

    private static Path write(Path dir, String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void grid_has_one_trial_per_combination_the_first_parameter_varying_slowest() {
        Sweep s = sweep("sweep-grid.yaml");
        assertThat(s.spec().method()).isEqualTo("grid");
        assertThat(s.spec().trials()).isEqualTo(4);
        assertThat(s.trials()).extracting(Trial::values).containsExactly(
                Map.of("optimizer.learningRate", 0.1, "model.hidden", List.of(32L)),
                Map.of("optimizer.learningRate", 0.1, "model.hidden", List.of(64L, 32L)),
                Map.of("optimizer.learningRate", 0.01, "model.hidden", List.of(32L)),
                Map.of("optimizer.learningRate", 0.01, "model.hidden", List.of(64L, 32L)));
        assertThat(s.trials()).extracting(Trial::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void each_trial_is_the_experiment_with_its_values_set() {
        Sweep s = sweep("sweep-grid.yaml");
        Trial last = s.trials().get(3);
        assertThat(last.experiment().optimizer().learningRate()).isEqualTo(0.01);
        assertThat(last.experiment().model().layers()).extracting(LayerSpec::units).containsExactly(64, 32);
        assertThat(last.experiment().training().epochs()).isEqualTo(1);
        assertThat(last.experiment().name()).isEqualTo("sweep-grid");
        assertThat(s.base().model().layers()).extracting(LayerSpec::units).containsExactly(32);
    }

    @Test
    void load_of_a_sweep_file_gives_the_experiment_without_the_sweep() {
        Experiment e = ExperimentLoader.load(Corpus.VALID.resolve("sweep-grid.yaml"), Map.of());
        assertThat(e).isEqualTo(sweep("sweep-grid.yaml").base());
        assertThat(ExperimentLoader.plan(Corpus.VALID.resolve("minimal.yaml"), Map.of()).isSweep()).isFalse();
    }

    @Test
    void metric_defaults_to_validation_accuracy_and_the_goal_follows_the_metric() {
        assertThat(sweep("sweep-grid.yaml").spec().metric()).isEqualTo("validation_loss");
        assertThat(sweep("sweep-grid.yaml").spec().goal()).isEqualTo("minimize");
        assertThat(sweep("sweep-random.yaml").spec().goal()).isEqualTo("maximize");
    }

    @Test
    void random_draws_stay_in_their_ranges_with_integers_for_integer_keys() {
        Sweep s = sweep("sweep-random.yaml");
        assertThat(s.trials()).hasSize(6);
        for (Trial t : s.trials()) {
            double lr = (Double) t.values().get("optimizer.learningRate");
            assertThat(lr).isBetween(1e-4, 1e-1);
            // four significant digits
            assertThat(new java.math.BigDecimal(Double.toString(lr)).stripTrailingZeros().precision())
                    .isLessThanOrEqualTo(4);
            assertThat(t.values().get("training.batchSize")).isInstanceOf(Long.class);
            assertThat((Long) t.values().get("training.batchSize")).isBetween(32L, 256L);
            assertThat(t.values().get("model.activation")).isIn("relu", "gelu", "tanh");
            assertThat(t.experiment().training().batchSize())
                    .isEqualTo(((Long) t.values().get("training.batchSize")).intValue());
        }
        assertThat(s.trials().stream().map(Trial::values).distinct().count()).isEqualTo(6);
    }

    @Test
    void the_same_seed_draws_the_same_trials_and_another_seed_others() {
        Path file = Corpus.VALID.resolve("sweep-random.yaml");
        List<Map<String, Object>> a = ExperimentLoader.plan(file, Map.of()).sweep().trials().stream()
                .map(Trial::values).toList();
        List<Map<String, Object>> b = ExperimentLoader.plan(file, Map.of()).sweep().trials().stream()
                .map(Trial::values).toList();
        List<Map<String, Object>> other = ExperimentLoader.plan(file, Map.of("sweep.seed", "4")).sweep().trials()
                .stream().map(Trial::values).toList();
        assertThat(a).isEqualTo(b);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void a_log_range_spreads_its_draws_over_the_decades() throws IOException {
        // 200 draws of 1e-6..1e-2 evenly in the logarithm: each of the four decades gets about a quarter
        Path dir = Files.createTempDirectory("sweep");
        Path f = write(dir, "log.yaml", """
                name: log
                sweep:
                  method: random
                  trials: 200
                  metric: test_loss
                  parameters:
                    optimizer.weightDecay: {min: 1.0e-6, max: 1.0e-2, scale: log}
                """);
        int[] decades = new int[4];
        for (Trial t : ExperimentLoader.plan(f, Map.of()).sweep().trials()) {
            double v = (Double) t.values().get("optimizer.weightDecay");
            decades[(int) Math.min(3, Math.floor(Math.log10(v) + 6))]++;
        }
        for (int n : decades) {
            assertThat(n).as(java.util.Arrays.toString(decades)).isBetween(30, 70);
        }
    }

    @Test
    void number_keys_read_1_and_1_0_as_the_same_value(@TempDir Path dir) throws IOException {
        Path f = write(dir, "dup.yaml", """
                name: dup
                sweep:
                  parameters:
                    optimizer.learningRate: {values: [1, 1.0]}
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ExperimentLoader.plan(f, Map.of()));
        assertThat(e.problems()).extracting(Problem::keyPath)
                .containsExactly("sweep.parameters.optimizer.learningRate.values[1]");
    }

    @Test
    void an_extending_file_removes_a_parameter_with_null_and_the_whole_sweep_with_sweep_null(@TempDir Path dir)
            throws IOException {
        write(dir, "base.yaml", """
                name: base
                sweep:
                  parameters:
                    optimizer.learningRate: {values: [0.1, 0.01]}
                    model.hidden: {values: [[8], [16]]}
                """);
        Path fewer = write(dir, "fewer.yaml", """
                extends: base.yaml
                name: fewer
                sweep:
                  parameters:
                    model.hidden: null
                """);
        Path none = write(dir, "none.yaml", """
                extends: base.yaml
                name: none
                sweep: null
                """);
        assertThat(ExperimentLoader.plan(fewer, Map.of()).sweep().spec().keyPaths())
                .containsExactly("optimizer.learningRate");
        assertThat(ExperimentLoader.plan(none, Map.of()).isSweep()).isFalse();
    }

    @Test
    void an_override_may_change_the_sweep_itself() {
        Sweep s = ExperimentLoader.plan(Corpus.VALID.resolve("sweep-random.yaml"), Map.of("sweep.trials", "2"))
                .sweep();
        assertThat(s.trials()).hasSize(2);
        assertThat(ExperimentLoader.plan(Corpus.VALID.resolve("sweep-grid.yaml"), Map.of("sweep", "null"))
                .isSweep()).isFalse();
    }

    @Test
    void values_are_described_as_written_in_yaml() {
        assertThat(SweepBinder.describe(new java.util.LinkedHashMap<>(Map.of("optimizer.learningRate", 1.0e-5))))
                .isEqualTo("optimizer.learningRate=0.00001");
        assertThat(SweepBinder.text(List.of(256L, 128L))).isEqualTo("[256, 128]");
        assertThat(SweepBinder.text(Map.of("type", "step"))).isEqualTo("{type: step}");
    }
}
