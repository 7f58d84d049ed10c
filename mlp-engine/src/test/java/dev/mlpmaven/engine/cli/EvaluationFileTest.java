package dev.mlpmaven.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.train.TestResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluation file keeps JSON numbers numbers: NaN and infinity are null, never the strings "NaN". */
class EvaluationFileTest {
    @TempDir
    Path temp;

    @Test
    void a_nan_loss_is_json_null_and_finite_values_are_numbers() throws Exception {
        DataSplit split = new DataSplit(new IdxImages(2, 1, 1, new byte[]{0, 1}), new IdxLabels(2, new byte[]{0, 1}));
        LoadedDataset data = new LoadedDataset("tiny", split, split, List.of("a", "b"), Map.of(), Map.of());
        Path file = temp.resolve("eval/result.json");
        Commands.writeEvaluation(file, temp.resolve("model.mlp"), data,
                new TestResult(0.5, Double.NaN, new int[][]{{1, 0}, {1, 0}}));
        String text = Files.readString(file);
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("accuracy").isNumber()).isTrue();
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(json.get("loss").isNull()).isTrue();
        assertThat(text).doesNotContain("NaN");
        assertThat(json.get("images").asInt()).isEqualTo(2);
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("result.json");
        }
        Commands.writeEvaluation(file, temp.resolve("model.mlp"), data,
                new TestResult(0.5, Double.POSITIVE_INFINITY, new int[][]{{1, 0}, {1, 0}}));
        assertThat(new ObjectMapper().readTree(file.toFile()).get("loss").isNull()).isTrue();
    }
}
