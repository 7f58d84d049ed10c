package dev.mlpmaven.plugin.fork;

import dev.mlpmaven.engine.cli.Protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Starts a JVM, streams its {@link Protocol} lines into a {@link ForkLog} as they come, and waits for it.
 * The classpath goes into an {@code @argfile} (a long classpath fits every OS's command-line limit);
 * a shutdown hook kills the fork and its children if Maven is stopped (Ctrl-C) while it runs.
 */
public final class ForkLauncher {
    /**
     * Lines kept for the message of a fork that crashed without one: its standard error and the lines of its
     * standard output that are not protocol (the JVM prints start-up errors such as a bad -Xmx there).
     */
    static final int OUTPUT_TAIL = 30;

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
     */
    public record Launch(Path java, List<String> jvmArgs, List<Path> classpath, String mainClass, List<String> args,
                         Map<String, String> environment, Path workingDir, Path tempDir) {
        public Launch {
            jvmArgs = List.copyOf(jvmArgs);
            classpath = List.copyOf(classpath);
            args = List.copyOf(args);
            environment = Map.copyOf(environment);
        }

        /** The command as one line, for the debug log and error messages (the classpath in its argfile). */
        public String describe() {
            return java + " " + String.join(" ", jvmArgs) + " @argfile(-cp <" + classpath.size() + " jars>) "
                    + mainClass + " " + String.join(" ", args);
        }
    }

    private ForkLauncher() {
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

    /**
     * Runs the fork to its end. {@link ArgFileException} when its argument file cannot be written, another
     * IOException when the JVM cannot be started at all.
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
            builder.environment().putAll(launch.environment());
            long start = System.nanoTime();
            builder.environment().put(Protocol.FORK_START_ENV, Long.toString(System.currentTimeMillis()));
            Process process = builder.start();
            Thread killer = new Thread(() -> kill(process), "mlp-fork-killer");
            Runtime.getRuntime().addShutdownHook(killer);
            try {
                return await(process, log, start);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(killer);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already: it kills the fork
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

    private static ForkResult await(Process process, ForkLog log, long start) throws IOException {
        process.getOutputStream().close();
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        Deque<String> tail = new ArrayDeque<>();
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread out = reader(process.getInputStream(), "mlp-fork-stdout", line -> {
            Protocol.Message m = Protocol.parse(line);
            if (m == null) {
                log.info(line);
                keep(tail, line);
                return;
            }
            switch (m.tag()) {
                case Protocol.INFO -> log.info(m.text());
                case Protocol.WARN -> log.warn(m.text());
                case Protocol.DEBUG -> log.debug(m.text());
                case Protocol.FAILURE -> failure.set(m.text());
                case Protocol.ERROR -> error.set(m.text());
                case Protocol.DONE -> {
                    done.add(m.text());
                    log.done(m.text());
                }
                case Protocol.PROGRESS -> {
                    String[] p = m.text().split(" ");
                    log.progress(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                }
                default -> log.info(line);
            }
        });
        Thread err = reader(process.getErrorStream(), "mlp-fork-stderr", line -> {
            log.debug(line);
            keep(tail, line);
        });
        try {
            int code = process.waitFor();
            out.join();
            err.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            synchronized (tail) {
                return new ForkResult(code, failure.get(), error.get(), new ArrayList<>(tail), seconds, done);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IOException(dev.mlpmaven.plugin.Messages.FORK_INTERRUPTED, e);
        }
    }

    private static void keep(Deque<String> tail, String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > OUTPUT_TAIL) {
                tail.removeFirst();
            }
        }
    }

    private static Thread reader(InputStream in, String name, Consumer<String> consumer) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    consumer.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** A quoted argfile token: backslashes and quotes escaped (see the java launcher's @argfiles). */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
