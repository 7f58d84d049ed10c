package dev.mlpmaven.engine.model;

import dev.mlpmaven.engine.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A model with NaN or infinite weights (once evaluated to accuracy 0.1 without a word) is refused when it is read,
 * with the reader's message: by {@link ModelFile#read} and so by the engine's {@code evaluate} command, which then
 * scores nothing and writes no evaluation file.
 */
class NonFiniteWeightsTest {
    private static final String ADVICE = ", expected finite weights - the training diverged; train the model again"
            + " (a lower learning rate helps)";

    @TempDir
    Path temp;

    @Test
    void the_model_file_reader_refuses_nan_and_infinite_weights() throws Exception {
        byte[] valid = HostileModelFiles.valid();
        assertThat(ModelFile.read(Files.write(temp.resolve("good.mlp"), valid)).model().layers()).hasSize(2);

        Path nan = Files.write(temp.resolve("nan.mlp"), HostileModelFiles.withWeight(valid, 5, Float.NaN));
        assertThatThrownBy(() -> ModelFile.read(nan)).isInstanceOf(dev.mlpmaven.config.UserException.class)
                .hasMessage(nan + ": tensor 'layers.0.weights': found NaN at index 5" + ADVICE);
        Path inf = Files.write(temp.resolve("inf.mlp"),
                HostileModelFiles.withWeight(valid, 22, Float.NEGATIVE_INFINITY));
        assertThatThrownBy(() -> ModelFile.read(inf))
                .hasMessage(inf + ": tensor 'layers.1.bias': found -Infinity at index 1" + ADVICE);
    }

    @Test
    void evaluate_fails_with_the_readers_message_and_scores_nothing() throws Exception {
        Path model = Files.write(temp.resolve("diverged.mlp"),
                HostileModelFiles.withWeight(HostileModelFiles.valid(), 13, Float.POSITIVE_INFINITY));
        Path evaluation = temp.resolve("evaluation.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.runInProcess(new String[] {"evaluate", "--model", model.toString(), "--dataset",
                "fashion-mnist-sample", "--evaluation-file", evaluation.toString()}, out, Map.of());

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isEqualTo(dev.mlpmaven.engine.cli.Protocol.EXIT_FAILURE);
        assertThat(lines).containsExactly(
                "FAILURE " + model + ": tensor 'layers.0.bias': found Infinity at index 1" + ADVICE);
        assertThat(evaluation).doesNotExist();
    }
}
