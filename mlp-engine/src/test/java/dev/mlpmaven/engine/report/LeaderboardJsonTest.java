package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Result;
import dev.mlpmaven.engine.sweep.TrialInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** leaderboard.json keeps JSON numbers numbers: a diverged trial's missing values are null, never "NaN". */
class LeaderboardJsonTest {
    private static Result trial(String id, int number, double valLoss, double testAccuracy, boolean diverged) {
        TrialInfo info = new TrialInfo("s", id, number, 2, "h", "validation_loss", "minimize",
                Map.of("optimizer.learningRate", DoubleNode.valueOf(0.1 * number)));
        ExperimentSummary summary = new ExperimentSummary("s-" + id, id, Map.of(), testAccuracy,
                diverged ? Double.NaN : 0.5, 1, 1.25, !diverged);
        return new Result(Path.of("/r/s/trials", id), info, summary, diverged ? Double.NaN : 0.75, valLoss, diverged,
                !diverged);
    }

    @Test
    void non_finite_values_are_null_and_finite_ones_numbers() throws Exception {
        Leaderboard board = Leaderboard.of(List.of(trial("a", 1, 0.25, 0.8, false),
                trial("b", 2, Double.NaN, Double.NaN, true), trial("c", 3, Double.POSITIVE_INFINITY, 0.1, false)));
        String text = LeaderboardWriter.json(board);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode rows = new ObjectMapper().readTree(text).at("/sweeps/0/rows");
        assertThat(rows).hasSize(3);
        JsonNode a = rows.get(0);
        assertThat(a.get("id").asText()).isEqualTo("a");
        assertThat(a.get("value").isDouble()).isTrue();
        assertThat(a.get("value").asDouble()).isEqualTo(0.25);
        assertThat(a.get("validationAccuracy").asDouble()).isEqualTo(0.75);
        assertThat(a.get("testAccuracy").asDouble()).isEqualTo(0.8);
        assertThat(a.get("seconds").asDouble()).isEqualTo(1.25);
        assertThat(a.get("diverged").asBoolean()).isFalse();
        for (JsonNode row : List.of(rows.get(1), rows.get(2))) {
            assertThat(row.get("value").isNull()).as(row.toString()).isTrue();
            assertThat(row.get("validationLoss").isNull()).as(row.toString()).isTrue();
        }
        JsonNode b = rows.get(1).get("id").asText().equals("b") ? rows.get(1) : rows.get(2);
        assertThat(b.get("diverged").asBoolean()).isTrue();
        assertThat(b.get("validationAccuracy").isNull()).isTrue();
        assertThat(b.get("testAccuracy").isNull()).isTrue();
        assertThat(b.get("testLoss").isNull()).isTrue();
    }
}
