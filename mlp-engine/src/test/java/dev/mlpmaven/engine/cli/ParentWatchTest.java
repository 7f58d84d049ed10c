package dev.mlpmaven.engine.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real processes: a forked JVM running {@link WatchedSleeper} under a parent that goes away. */
class ParentWatchTest {
    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process fork(ProcessHandle parent, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WatchedSleeper.class.getName(),
                temp.resolve("marker").toString()));
        command.addAll(List.of(extra));
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put(Protocol.PARENT_PID_ENV, Long.toString(parent.pid()));
        b.environment().put(Protocol.PARENT_START_ENV,
                Long.toString(parent.info().startInstant().orElseThrow().toEpochMilli()));
        Process p = b.start();
        started.add(p);
        return p;
    }

    private static BufferedReader lines(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void awaitReady(BufferedReader out) throws IOException {
        assertThat(out.readLine()).isEqualTo("INFO ready");
    }

    @Test
    void end_of_standard_input_means_the_plugin_is_gone_and_the_fork_stops_through_its_hooks() throws Exception {
        Process fork = fork(ProcessHandle.current());
        BufferedReader out = lines(fork);
        awaitReady(out);

        fork.getOutputStream().close();

        assertThat(fork.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fork.exitValue()).isEqualTo(Protocol.EXIT_STOPPED);
        assertThat(out.readLine()).isEqualTo("WARN mlp: fork: stopping, because its standard input closed: the"
                + " Maven JVM that started it is gone");
        assertThat(temp.resolve("marker")).hasContent("hooks ran");
    }

    @Test
    void a_dead_parent_pid_stops_the_fork_within_seconds_although_its_input_stays_open() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        started.add(parent);
        Process fork = fork(parent.toHandle());
        BufferedReader out = lines(fork);
        awaitReady(out);

        parent.destroyForcibly().waitFor();

        assertThat(fork.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fork.exitValue()).isEqualTo(Protocol.EXIT_STOPPED);
        assertThat(out.readLine()).isEqualTo("WARN mlp: fork: stopping, because the Maven JVM that started it (pid "
                + parent.pid() + ") is gone");
        assertThat(temp.resolve("marker")).hasContent("hooks ran");
    }

    @Test
    void stop_command_stops_the_fork() throws Exception {
        Process fork = fork(ProcessHandle.current());
        BufferedReader out = lines(fork);
        awaitReady(out);

        fork.getOutputStream().write((Protocol.STOP + "\n").getBytes(StandardCharsets.UTF_8));
        fork.getOutputStream().flush();

        assertThat(fork.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fork.exitValue()).isEqualTo(Protocol.EXIT_STOPPED);
        assertThat(out.readLine()).isEqualTo("WARN mlp: fork: stopping, because the plugin asked it to (Maven is"
                + " stopping or the fork timed out)");
    }

    @Test
    void bye_waits_for_the_ack_then_exits_with_its_code() throws Exception {
        Process fork = fork(ProcessHandle.current(), "bye");
        BufferedReader out = lines(fork);
        awaitReady(out);
        assertThat(out.readLine()).isEqualTo("BYE 0");
        assertThat(fork.waitFor(300, TimeUnit.MILLISECONDS)).as("waits for the ACK").isFalse();

        fork.getOutputStream().write((Protocol.ACK + "\n").getBytes(StandardCharsets.UTF_8));
        fork.getOutputStream().flush();

        assertThat(fork.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(fork.exitValue()).isZero();
    }

    @Test
    void a_recycled_pid_is_not_the_parent() {
        ProcessHandle self = ProcessHandle.current();
        Instant start = self.info().startInstant().orElseThrow();
        assertThat(ParentWatch.alive(self.pid(), start)).isTrue();
        assertThat(ParentWatch.alive(self.pid(), start.minusSeconds(5))).isFalse();
    }

    @Test
    void only_the_plugins_argument_file_is_deleted() throws IOException {
        Path args = Files.writeString(temp.resolve("mlp-fork-123.args"), "-cp x");
        Path other = Files.writeString(temp.resolve("notes.txt"), "keep");

        Main.deleteArgFile(args.toString());
        Main.deleteArgFile(other.toString());
        Main.deleteArgFile(null);

        assertThat(args).doesNotExist();
        assertThat(other).exists();
    }
}
