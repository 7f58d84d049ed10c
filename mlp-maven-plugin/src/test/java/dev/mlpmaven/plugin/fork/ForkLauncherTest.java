package dev.mlpmaven.plugin.fork;

import dev.mlpmaven.engine.cli.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForkLauncherTest {
    @TempDir
    Path temp;

    private final List<String> log = new ArrayList<>();

    private final ForkLog recorder = new ForkLog() {
        @Override
        public synchronized void info(String line) {
            log.add("info:" + line);
        }

        @Override
        public synchronized void warn(String line) {
            log.add("warn:" + line);
        }

        @Override
        public synchronized void debug(String line) {
            log.add("debug:" + line);
        }

        @Override
        public synchronized void progress(int epoch, int batch, int batches) {
            log.add("progress:" + epoch + "/" + batch + "/" + batches);
        }
    };

    private ForkResult fork(Map<String, String> env, String... args) throws IOException {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        ForkLauncher.Launch launch = new ForkLauncher.Launch(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Xmx64m"), classpath, ProtocolSpeaker.class.getName(), List.of(args), env, temp,
                temp.resolve("fork"));
        return ForkLauncher.run(launch, recorder);
    }

    @Test
    void protocol_lines_reach_the_log_in_order_and_the_argfile_is_removed() throws IOException {
        ForkResult r = fork(Map.of(), "0", Protocol.line(Protocol.INFO, "epoch 1"),
                Protocol.progressLine(1, 5, 10), Protocol.line(Protocol.WARN, "slow"), Protocol.line(Protocol.DEBUG, "first step"),
                "not protocol");

        assertThat(r.exitCode()).isZero();
        assertThat(r.failure()).isNull();
        assertThat(log).containsSubsequence("info:epoch 1", "progress:1/5/10", "warn:slow", "debug:first step",
                "info:not protocol");
        try (var files = Files.list(temp.resolve("fork"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void failure_message_and_exit_code_two_come_back_with_line_breaks_restored() throws IOException {
        ForkResult r = fork(Map.of(), "2", Protocol.line(Protocol.FAILURE, "a.yaml:3:1: bad key\nhint: fix it"));

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        assertThat(r.failure()).isEqualTo("a.yaml:3:1: bad key\nhint: fix it");
    }

    @Test
    void standard_error_goes_to_debug_and_is_kept_for_a_crash() throws IOException {
        ForkResult r = fork(Map.of(), "134", "err:# A fatal error has been detected", "err:# SIGSEGV",
                Protocol.line(Protocol.INFO, "not kept"));

        assertThat(r.exitCode()).isEqualTo(134);
        assertThat(r.failure()).isNull();
        assertThat(r.error()).isNull();
        assertThat(r.outputTail()).containsExactly("# A fatal error has been detected", "# SIGSEGV");
        assertThat(log).contains("debug:# SIGSEGV");
    }

    @Test
    void non_protocol_output_is_shown_and_kept_for_a_crash() throws IOException {
        ForkResult r = fork(Map.of(), "1", "Error occurred during initialization of VM", "Too small maximum heap");

        assertThat(r.outputTail()).containsExactly("Error occurred during initialization of VM", "Too small maximum heap");
        assertThat(log).contains("info:Too small maximum heap");
    }

    @Test
    void done_lines_are_collected_in_order() throws IOException {
        ForkResult r = fork(Map.of(), "2", Protocol.line(Protocol.DONE, "first"), Protocol.line(Protocol.DONE, "second"),
                Protocol.line(Protocol.FAILURE, "third: bad data"));

        assertThat(r.done()).containsExactly("first", "second");
        assertThat(r.failure()).isEqualTo("third: bad data");
    }

    @Test
    void environment_reaches_the_fork() throws IOException {
        ForkResult r = fork(Map.of("OMP_NUM_THREADS", "1"), "0", "env:OMP_NUM_THREADS");

        assertThat(r.exitCode()).isZero();
        assertThat(log).contains("info:OMP_NUM_THREADS=1");
    }

    private ForkResult forkWithin(Duration timeout, Duration grace, String... args) throws IOException {
        ForkLauncher.Launch launch = new ForkLauncher.Launch(Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Xmx64m"), classpath(), ProtocolSpeaker.class.getName(), List.of(args), Map.of(), temp,
                temp.resolve("fork"), timeout, grace);
        return ForkLauncher.run(launch, recorder);
    }

    private static List<Path> classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    private void assertNoArgumentFile() throws IOException {
        try (var files = Files.list(temp.resolve("fork"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void timeout_asks_a_hung_fork_to_stop_and_leaves_no_argument_file() throws IOException {
        ForkResult r = forkWithin(Duration.ofMillis(500), Duration.ofSeconds(10), "0", "watch-stdin", "sleep:60000");

        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.seconds()).isLessThan(10);
        assertThat(log).contains("info:stop received");
        assertNoArgumentFile();
    }

    @Test
    void a_fork_that_ignores_stop_is_killed_after_the_grace_period() throws IOException {
        ForkResult r = forkWithin(Duration.ofMillis(300), Duration.ofMillis(700), "0", "ignore-stop", "sleep:60000");

        assertThat(r.timedOut()).isTrue();
        assertThat(r.exitCode()).isEqualTo(137); // SIGKILL
        assertThat(r.seconds()).isBetween(0.9, 10.0);
        assertNoArgumentFile();
    }

    @Test
    void bye_is_acknowledged_and_marks_a_normal_end() throws IOException {
        ForkResult r = fork(Map.of(), "0", "bye");

        assertThat(r.bye()).isZero();
        assertThat(r.exitCode()).isZero();
        assertThat(log).contains("info:acked");
    }

    @Test
    void a_crash_has_no_bye() throws IOException {
        assertThat(fork(Map.of(), "134", "err:# SIGSEGV").bye()).isNull();
    }

    @Test
    void the_fork_learns_its_parent_and_its_argument_file() throws IOException {
        fork(Map.of(), "0", "env:" + Protocol.PARENT_PID_ENV, "env:" + Protocol.ARGFILE_ENV);

        assertThat(log).contains("info:" + Protocol.PARENT_PID_ENV + "=" + ProcessHandle.current().pid());
        assertThat(log).anyMatch(l -> l.matches("info:" + Protocol.ARGFILE_ENV + "=.*/fork/mlp-fork-.*\\.args"));
    }

    @Test
    void quoted_argfile_token_keeps_backslashes_and_quotes() {
        assertThat(ForkLauncher.quote("C:\\m2\\a \"b\".jar")).isEqualTo("\"C:\\\\m2\\\\a \\\"b\\\".jar\"");
    }
}
