package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ForkResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForkResultCheckTest {

    @Test
    void exit_zero_passes() {
        assertThatCode(() -> ForkSupport.check(new ForkResult(0, null, null, List.of("noise"), 1, List.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void user_mistake_is_a_failure_with_the_message_alone() {
        assertThatThrownBy(() -> ForkSupport.check(new ForkResult(2, "a.yaml:3:1: x: found y", null, List.of(), 1, List.of())))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("a.yaml:3:1: x: found y");
    }

    @Test
    void environment_error_is_an_execution_exception() {
        assertThatThrownBy(() -> ForkSupport.check(new ForkResult(1, null, "java.io.IOException: disk full", List.of(), 1, List.of())))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("mlp: the forked JVM failed: java.io.IOException: disk full");
    }

    @Test
    void crash_without_a_message_shows_exit_code_and_last_output() {
        assertThatThrownBy(() -> ForkSupport.check(new ForkResult(134, null, null, List.of("# SIGSEGV", "# core"), 1, List.of())))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("mlp: the forked JVM ended with exit code 134 without a message, expected exit code 0 - its"
                        + " last lines of output:" + System.lineSeparator() + "# SIGSEGV" + System.lineSeparator() + "# core");
    }

    @Test
    void exit_two_without_a_failure_line_is_a_crash() {
        assertThatThrownBy(() -> ForkSupport.check(new ForkResult(2, null, null, List.of("killed"), 1, List.of())))
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("exit code 2 without a message");
    }
}
