package dev.mlpmaven.engine.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolTest {

    @Test
    void multi_line_message_travels_as_one_line_and_comes_back_whole() {
        String message = "experiment.yaml:3:1: training.trainig: found unknown key\n  hint: did you mean training?\r\\end";
        String line = Protocol.line(Protocol.FAILURE, message);

        assertThat(line).doesNotContain("\n").doesNotContain("\r").startsWith("FAILURE ");
        assertThat(Protocol.parse(line)).isEqualTo(new Protocol.Message(Protocol.FAILURE, message));
    }

    @Test
    void backslash_before_n_in_a_windows_path_is_not_taken_for_a_line_break() {
        String message = "C:\\new\\data";
        assertThat(Protocol.parse(Protocol.line(Protocol.INFO, message)).text()).isEqualTo(message);
    }

    @Test
    void progress_line_carries_epoch_batch_and_batches() {
        assertThat(Protocol.parse(Protocol.progressLine(3, 12, 40)))
                .isEqualTo(new Protocol.Message(Protocol.PROGRESS, "3 12 40"));
    }

    @Test
    void debug_line_is_protocol() {
        assertThat(Protocol.parse(Protocol.line(Protocol.DEBUG, "mlp: fork: main reached 0.12 s")))
                .isEqualTo(new Protocol.Message(Protocol.DEBUG, "mlp: fork: main reached 0.12 s"));
    }

    @Test
    void lines_that_are_not_protocol_are_not_parsed() {
        assertThat(Protocol.parse("SLF4J: No SLF4J providers were found.")).isNull();
        assertThat(Protocol.parse("PROGRESS soon")).isNull();
        assertThat(Protocol.parse("")).isNull();
    }
}
