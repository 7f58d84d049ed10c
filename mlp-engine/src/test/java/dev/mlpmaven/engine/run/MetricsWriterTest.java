package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsWriterTest {
    @TempDir
    Path dir;

    static RunMetrics metrics(double trainSeconds, double totalSeconds) {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("train", trainSeconds * 2);
        timings.put("total", totalSeconds);
        return new RunMetrics("quick",
                List.of(new EpochResult(1, 0.75, 0.5, 0.625, trainSeconds, 0.01),
                        new EpochResult(2, 0.5, 0.75, 0.375, trainSeconds, 0.005)),
                new TestResult(0.5, 0.6875, new int[][]{{1, 1}, {0, 2}}), false, 2, null, timings);
    }

    @Test
    void metrics_json_follows_the_output_contract() {
        assertThat(MetricsWriter.toJson(metrics(1.5, 4.0))).isEqualTo("""
                {
                  "name" : "quick",
                  "epochs" : [ {
                    "epoch" : 1,
                    "trainLoss" : 0.75,
                    "validationAccuracy" : 0.5,
                    "validationLoss" : 0.625,
                    "trainSeconds" : 1.5,
                    "learningRate" : 0.01
                  }, {
                    "epoch" : 2,
                    "trainLoss" : 0.5,
                    "validationAccuracy" : 0.75,
                    "validationLoss" : 0.375,
                    "trainSeconds" : 1.5,
                    "learningRate" : 0.005
                  } ],
                  "test" : {
                    "accuracy" : 0.5,
                    "loss" : 0.6875,
                    "confusionMatrix" : [ [ 1, 1 ], [ 0, 2 ] ]
                  },
                  "stoppedEarly" : false,
                  "bestEpoch" : 2,
                  "diverged" : null,
                  "timings" : {
                    "train" : 3.0,
                    "total" : 4.0
                  }
                }
                """);
    }

    @Test
    void nan_validation_metrics_are_written_as_json_null() throws IOException {
        RunMetrics m = new RunMetrics("noval", List.of(new EpochResult(1, 0.5, Double.NaN, Double.NaN, 1.0, 0.1)),
                new TestResult(0.25, Double.POSITIVE_INFINITY, new int[][]{{1}}), false, 1, null, Map.of());
        JsonNode tree = new ObjectMapper().readTree(MetricsWriter.toJson(m));
        assertThat(tree.get("epochs").get(0).get("validationAccuracy").isNull()).isTrue();
        assertThat(tree.get("epochs").get(0).get("validationLoss").isNull()).isTrue();
        assertThat(tree.get("test").get("loss").isNull()).isTrue();
        assertThat(MetricsWriter.historyCsv(m)).isEqualTo(
                "epoch,trainLoss,validationAccuracy,validationLoss,trainSeconds,learningRate\n1,0.5,,,1.0,0.1\n");
    }

    @Test
    void a_diverged_run_records_epoch_batch_and_message_and_has_no_test_result() throws IOException {
        RunMetrics m = new RunMetrics("lr1000", List.of(), null, false, 0,
                new RunMetrics.Divergence(1, 3, "training diverged at epoch 1, batch 3: loss is NaN"), Map.of());
        JsonNode tree = new ObjectMapper().readTree(MetricsWriter.toJson(m));
        assertThat(tree.get("test").isNull()).isTrue();
        assertThat(tree.get("bestEpoch").asInt()).isZero();
        assertThat(tree.get("diverged").toString())
                .isEqualTo("{\"epoch\":1,\"batch\":3,\"message\":\"training diverged at epoch 1, batch 3: loss is NaN\"}");
    }

    @Test
    void runs_that_differ_only_in_timings_compare_equal_without_timings() {
        assertThat(MetricsWriter.toJson(metrics(1.5, 4.0))).isNotEqualTo(MetricsWriter.toJson(metrics(2.5, 7.0)));
        assertThat(MetricsWriter.toJsonWithoutTimings(metrics(1.5, 4.0)))
                .isEqualTo(MetricsWriter.toJsonWithoutTimings(metrics(2.5, 7.0)))
                .doesNotContain("trainSeconds", "timings");
    }

    @Test
    void runs_that_differ_in_a_loss_do_not_compare_equal() {
        RunMetrics a = metrics(1.5, 4.0);
        RunMetrics b = new RunMetrics(a.name(), List.of(a.epochs().get(0),
                new EpochResult(2, Math.nextUp(0.5), 0.75, 0.375, 1.5, 0.005)), a.test(), false, 2, null, a.timings());
        assertThat(MetricsWriter.toJsonWithoutTimings(a)).isNotEqualTo(MetricsWriter.toJsonWithoutTimings(b));
    }

    @Test
    void written_files_compare_equal_without_timings_and_leave_no_temporary_files() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        MetricsWriter.write(metrics(1.5, 4.0), a);
        MetricsWriter.write(metrics(9.0, 20.0), b);
        assertThat(MetricsWriter.withoutTimings(a.resolve("metrics.json")))
                .isEqualTo(MetricsWriter.withoutTimings(b.resolve("metrics.json")))
                .isEqualTo(MetricsWriter.toJsonWithoutTimings(metrics(1.5, 4.0)));
        try (Stream<Path> files = Files.list(a)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("history.csv", "metrics.json");
        }
        assertThat(Files.readString(a.resolve("history.csv"))).isEqualTo("""
                epoch,trainLoss,validationAccuracy,validationLoss,trainSeconds,learningRate
                1,0.75,0.5,0.625,1.5,0.01
                2,0.5,0.75,0.375,1.5,0.005
                """);
    }
}
