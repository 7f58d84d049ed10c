package dev.mlpmaven.plugin.fork;

import dev.mlpmaven.engine.cli.Protocol;
import dev.mlpmaven.plugin.Messages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Starts a JVM, streams its {@link Protocol} lines into a {@link ForkLog} as they come, and waits for it, as
 * surefire does with its forks.
 *
 * <ul>
 *   <li>The classpath goes into an {@code @argfile} (a long classpath fits every OS's command-line limit); the fork
 *       deletes it as soon as it runs ({@link Protocol#ARGFILE_ENV}), the launcher after the run, so none is left
 *       after a kill or a timeout.</li>
 *   <li>The fork learns this JVM's pid and start instant ({@link Protocol#PARENT_PID_ENV}) and keeps its standard
 *       input open: it stops itself when either goes away (a killed Maven).</li>
 *   <li>When Maven is stopped (Ctrl-C, SIGTERM) a shutdown hook asks the fork to stop ({@link Protocol#STOP}), waits
 *       up to {@link #STOP_GRACE}, and only then kills it and its children. The same happens after a timeout.</li>
 *   <li>A fork that ends normally says {@code BYE <code>}; the launcher answers {@link Protocol#ACK}.</li>
 * </ul>
 */
public final class ForkLauncher {
    /**
     * Lines kept for the message of a fork that crashed without one: its standard error and the lines of its
     * standard output that are not protocol (the JVM prints start-up errors such as a bad -Xmx there).
     */
    static final int OUTPUT_TAIL = 30;

    /** How long a fork asked to stop gets before it is killed (documented in docs/plugin.md). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * What to start.
     *
     * @param java        the java executable
     * @param jvmArgs     JVM options (argLine), before the main class
     * @param classpath   the fork's classpath
     * @param mainClass   its main class
     * @param args        its arguments
     * @param environment variables added to (or replacing) Maven's environment
     * @param workingDir  its working directory
     * @param tempDir     where the argfile goes (deleted after the run)
     * @param timeout     how long it may run before it is stopped, or null for no limit
     * @param stopGrace   how long a fork asked to stop gets before it is killed ({@link #STOP_GRACE})
     */
    public record Launch(Path java, List<String> jvmArgs, List<Path> classpath, String mainClass, List<String> args,
                         Map<String, String> environment, Path workingDir, Path tempDir, Duration timeout,
                         Duration stopGrace) {
        public Launch {
            jvmArgs = List.copyOf(jvmArgs);
            classpath = List.copyOf(classpath);
            args = List.copyOf(args);
            environment = Map.copyOf(environment);
        }

        /** Without a timeout. */
        public Launch(Path java, List<String> jvmArgs, List<Path> classpath, String mainClass, List<String> args,
                      Map<String, String> environment, Path workingDir, Path tempDir) {
            this(java, jvmArgs, classpath, mainClass, args, environment, workingDir, tempDir, null, STOP_GRACE);
        }

        /** With a timeout and the usual grace period. */
        public Launch(Path java, List<String> jvmArgs, List<Path> classpath, String mainClass, List<String> args,
                      Map<String, String> environment, Path workingDir, Path tempDir, Duration timeout) {
            this(java, jvmArgs, classpath, mainClass, args, environment, workingDir, tempDir, timeout, STOP_GRACE);
        }

        /** The command as one line, for the debug log and error messages (the classpath in its argfile). */
        public String describe() {
            return java + " " + String.join(" ", jvmArgs) + " @argfile(-cp <" + classpath.size() + " jars>) "
                    + mainClass + " " + String.join(" ", args);
        }
    }

    /** The argument file of the fork (its classpath) could not be written: the build folder is not writable. */
    public static final class ArgFileException extends IOException {
        private final Path dir;

        ArgFileException(Path dir, IOException cause) {
            super(cause.getMessage(), cause);
            this.dir = dir;
        }

        /** The folder the argument file was to be written in. */
        public Path dir() {
            return dir;
        }
    }

    private ForkLauncher() {
    }

    /**
     * Runs the fork to its end (or its timeout). {@link ArgFileException} when its argument file cannot be written,
     * another IOException when the JVM cannot be started at all.
     */
    public static ForkResult run(Launch launch, ForkLog log) throws IOException {
        Path argFile = writeArgFile(launch);
        try {
            List<String> command = new ArrayList<>();
            command.add(launch.java().toString());
            command.addAll(launch.jvmArgs());
            command.add("@" + argFile);
            command.add(launch.mainClass());
            command.addAll(launch.args());
            log.debug("mlp: forking " + launch.describe());

            ProcessBuilder builder = new ProcessBuilder(command).directory(launch.workingDir().toFile());
            Map<String, String> env = builder.environment();
            env.putAll(launch.environment());
            ProcessHandle self = ProcessHandle.current();
            env.put(Protocol.PARENT_PID_ENV, Long.toString(self.pid()));
            self.info().startInstant().ifPresent(i -> env.put(Protocol.PARENT_START_ENV, Long.toString(i.toEpochMilli())));
            env.put(Protocol.ARGFILE_ENV, argFile.toString());
            long start = System.nanoTime();
            env.put(Protocol.FORK_START_ENV, Long.toString(System.currentTimeMillis()));
            Fork fork = new Fork(builder.start(), argFile);
            Thread stopper = new Thread(() -> fork.stop(launch.stopGrace()), "mlp-fork-stopper");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                return await(fork, log, start, launch.timeout(), launch.stopGrace());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already: it stops the fork
                }
            }
        } finally {
            Files.deleteIfExists(argFile);
        }
    }

    private static Path writeArgFile(Launch launch) throws ArgFileException {
        Path argFile = null;
        try {
            Files.createDirectories(launch.tempDir());
            argFile = Files.createTempFile(launch.tempDir(), "mlp-fork-", ".args");
            Files.writeString(argFile, "-cp\n" + quote(launch.classpath().stream().map(Path::toString)
                    .collect(Collectors.joining(java.io.File.pathSeparator))) + "\n", StandardCharsets.UTF_8);
            return argFile;
        } catch (IOException e) {
            if (argFile != null) {
                try {
                    Files.deleteIfExists(argFile);
                } catch (IOException ignored) {
                    // the folder refuses writes; nothing was left
                }
            }
            throw new ArgFileException(launch.tempDir(), e);
        }
    }

    /** A running fork: its process, its standard input for commands, its argument file. */
    private static final class Fork {
        private final Process process;
        private final OutputStream commands;
        private final Path argFile;

        Fork(Process process, Path argFile) {
            this.process = process;
            this.commands = process.getOutputStream();
            this.argFile = argFile;
        }

        /** Writes one command line; false when the fork no longer reads (it is ending). */
        synchronized boolean send(String command) {
            try {
                commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                commands.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        synchronized void closeInput() {
            try {
                commands.close();
            } catch (IOException ignored) {
                // the fork is gone
            }
        }

        /** Asks the fork to stop, waits up to {@code grace}, then kills it and its children; removes the argfile. */
        void stop(Duration grace) {
            if (process.isAlive()) {
                List<ProcessHandle> children = process.descendants().toList();
                send(Protocol.STOP);
                try {
                    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                        kill(children);
                    }
                } catch (InterruptedException e) {
                    kill(children);
                    Thread.currentThread().interrupt();
                }
                children.forEach(ProcessHandle::destroyForcibly);
            }
            try {
                Files.deleteIfExists(argFile);
            } catch (IOException ignored) {
                // the launcher tries again
            }
        }

        private void kill(List<ProcessHandle> children) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static ForkResult await(Fork fork, ForkLog log, long start, Duration timeout, Duration grace)
            throws IOException {
        Process process = fork.process;
        ProtocolLines lines = new ProtocolLines(log, code -> fork.send(Protocol.ACK));
        Thread out = reader(process.getInputStream(), "mlp-fork-stdout", lines::out);
        Thread err = reader(process.getErrorStream(), "mlp-fork-stderr", lines::err);
        try {
            boolean timedOut = false;
            if (timeout == null) {
                process.waitFor();
            } else if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                fork.stop(grace);
                process.waitFor();
            }
            fork.closeInput();
            int code = process.exitValue();
            // a child of the fork may hold its output open: do not wait for it forever
            out.join(TimeUnit.SECONDS.toMillis(5));
            err.join(TimeUnit.SECONDS.toMillis(5));
            return lines.result(code, (System.nanoTime() - start) / 1e9, timedOut, process.pid(), null);
        } catch (InterruptedException e) {
            fork.stop(grace);
            Thread.currentThread().interrupt();
            throw new IOException(Messages.FORK_INTERRUPTED, e);
        }
    }

    public static Thread reader(InputStream in, String name, Consumer<String> consumer) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    consumer.accept(line);
                }
            } catch (IOException e) {
                // the fork's pipe closed (it was killed): the lines read so far count
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A quoted argfile token: backslashes and quotes escaped (see the java launcher's @argfiles). */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
