package dev.mlpmaven.engine.sweep;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.report.ExperimentSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderboardTest {
    static Result trial(String sweep, String id, int number, String goal, double valLoss, String hash) {
        TrialInfo info = new TrialInfo(sweep, id, number, 3, hash, "validation_loss", goal,
                Map.of("optimizer.learningRate", DoubleNode.valueOf(0.1 / number)));
        ExperimentSummary summary = new ExperimentSummary(sweep + "-" + id, id, Map.of(), 0.8, 0.5, 1, 1.0, true);
        return new Result(Path.of("/r", sweep, id), info, summary, 0.8, valLoss, Double.isNaN(valLoss), true);
    }

    @Test
    void trials_rank_by_the_metric_in_the_goals_direction_with_trials_without_a_value_last() {
        Leaderboard min = Leaderboard.of(List.of(trial("s", "a", 1, "minimize", 0.5, "h"),
                trial("s", "b", 2, "minimize", Double.NaN, "h"), trial("s", "c", 3, "minimize", 0.3, "h")));
        assertThat(min.sweeps().get(0).rows()).extracting(r -> r.result().trial().id()).containsExactly("c", "a", "b");
        assertThat(min.sweeps().get(0).best().orElseThrow().result().trial().id()).isEqualTo("c");
        assertThat(min.warnings()).isEmpty();

        Leaderboard max = Leaderboard.of(List.of(trial("s", "a", 1, "maximize", 0.5, "h"),
                trial("s", "c", 3, "maximize", 0.3, "h")));
        assertThat(max.sweeps().get(0).rows()).extracting(r -> r.result().trial().id()).containsExactly("a", "c");
        assertThat(max.warnings()).containsExactly(String.format(Leaderboard.INCOMPLETE, "s", 2, 3));
    }

    @Test
    void equal_values_keep_the_sweep_order() {
        Leaderboard b = Leaderboard.of(List.of(trial("s", "z", 2, "minimize", 0.5, "h"),
                trial("s", "y", 1, "minimize", 0.5, "h")));
        assertThat(b.sweeps().get(0).rows()).extracting(r -> r.result().trial().number()).containsExactly(1, 2);
    }

    @Test
    void a_sweep_where_no_trial_has_a_value_has_no_best() {
        Leaderboard b = Leaderboard.of(List.of(trial("s", "a", 1, "minimize", Double.NaN, "h")));
        assertThat(b.sweeps().get(0).best()).isEmpty();
    }

    @Test
    void an_experiment_found_twice_is_a_mistake_naming_both_folders() {
        ExperimentSummary s = new ExperimentSummary("quick", "quick", Map.of(), 0.8, 0.5, 1, 1.0, true);
        Result a = new Result(Path.of("/a/quick"), null, s, 0.8, 0.5, false, true);
        Result b = new Result(Path.of("/b/quick"), null, s, 0.8, 0.5, false, true);
        assertThatThrownBy(() -> Leaderboard.of(List.of(a, b))).isInstanceOf(UserException.class)
                .hasMessage(String.format(Leaderboard.DUPLICATE_EXPERIMENT, "quick", "/a/quick", "/b/quick"));
    }

    @Test
    void parameter_values_read_as_in_yaml() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(Leaderboard.text(json.readTree("1.0E-5"))).isEqualTo("0.00001");
        assertThat(Leaderboard.text(json.readTree("[256,128]"))).isEqualTo("[256, 128]");
        assertThat(Leaderboard.text(json.readTree("{\"type\":\"step\",\"gamma\":0.5}"))).isEqualTo("{type: step, gamma: 0.5}");
    }
}
