package dev.mlpmaven.plugin.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricsTest {
    @TempDir
    Path temp;

    Path write(String json) throws IOException {
        return Files.writeString(temp.resolve("metrics.json"), json);
    }

    @Test
    void reads_the_output_contract() throws Exception {
        Metrics m = Metrics.read(write("""
                {"name": "quick", "epochs": [{"epoch": 1, "trainLoss": 0.9, "validationAccuracy": 0.7, "trainSeconds": 1.5}],
                 "classNames": ["a", "b"],
                 "test": {"accuracy": 0.75, "loss": 0.6, "confusionMatrix": [[3, 1], [1, 3]]}}
                """));

        assertThat(m.name()).isEqualTo("quick");
        assertThat(m.testAccuracy()).isEqualTo(0.75);
        assertThat(m.testLoss()).isEqualTo(0.6);
        assertThat(m.recall(0)).isEqualTo(0.75);
        assertThat(m.className(1)).isEqualTo("1 (b)");
    }

    @Test
    void missing_accuracy_is_named() throws IOException {
        Path f = write("{\"name\": \"q\", \"test\": {\"loss\": 0.6, \"confusionMatrix\": [[1]]}}");
        assertThatThrownBy(() -> Metrics.read(f)).hasMessage("found no field at 'test.accuracy', expected a number");
    }

    @Test
    void ragged_confusion_matrix_is_named() throws IOException {
        Path f = write("{\"name\": \"q\", \"test\": {\"accuracy\": 1, \"loss\": 0.6, \"confusionMatrix\": [[1, 0], [1]]}}");
        assertThatThrownBy(() -> Metrics.read(f)).hasMessage("test.confusionMatrix row 1: found [1], expected 2 counts");
    }

    @Test
    void broken_json_names_line_and_column() throws IOException {
        Path f = write("{\"name\": \"q\",\n \"test\": }");
        assertThatThrownBy(() -> Metrics.read(f)).hasMessageStartingWith("found invalid JSON at line 2, column ");
    }
}
