package dev.mlpmaven.engine.cli;

import dev.mlpmaven.config.UserException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The forked JVM's main class: {@code java -cp ... dev.mlpmaven.engine.cli.Main train|fetch|evaluate ...}
 * (arguments in {@link CliArguments}). It talks to the Maven plugin through {@link Protocol} lines on its
 * standard output; everything else (stray library prints, stack traces) goes to standard error.
 * Exit codes: {@link Protocol#EXIT_OK}, {@link Protocol#EXIT_FAILURE} for a user mistake (after a
 * {@code FAILURE} line), {@link Protocol#EXIT_ERROR} for a broken environment (after an {@code ERROR} line).
 */
public final class Main {
    private Main() {
    }

    /**
     * The fork: deletes its argument file (the JVM read it already), watches the Maven JVM that started it
     * ({@link ParentWatch}), runs the command, says {@code BYE <code>}, waits for the plugin's {@code ACK} and exits.
     */
    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, String> env = System.getenv();
        deleteArgFile(env.get(Protocol.ARGFILE_ENV));
        ProtocolWriter writer = new ProtocolWriter(protocol, progress(args));
        ParentWatch watch = ParentWatch.start(env, System.in, writer);
        int code = run(args, writer, env);
        if (watch != null) {
            watch.byeSent();
            writer.bye(code);
            watch.awaitAck();
        }
        protocol.flush();
        System.exit(code);
    }

    /**
     * Runs one command inside the caller's JVM (the plugin's {@code -Dmlp.fork=false}, in a class loader of its
     * own), writing the protocol lines to {@code protocol}; returns the exit code. No BYE, no parent watch.
     */
    public static int runInProcess(String[] args, OutputStream protocol, Map<String, String> env) {
        return run(args, new PrintStream(protocol, true, StandardCharsets.UTF_8), env);
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, Map<String, String> env) {
        return run(args, new ProtocolWriter(out, progress(args)), env);
    }

    private static boolean progress(String[] args) {
        return java.util.Arrays.asList(args).contains("--progress");
    }

    /** The plugin's {@code @argfile} of this fork ({@code mlp-fork-*.args}); nothing else is ever deleted. */
    static void deleteArgFile(String file) {
        if (file == null) {
            return;
        }
        Path p = Path.of(file);
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith("mlp-fork-") && name.endsWith(".args")) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the plugin deletes it after the run
            }
        }
    }

    static int run(String[] args, ProtocolWriter writer, Map<String, String> env) {
        try {
            CliArguments arguments = CliArguments.parse(args);
            switch (arguments.command()) {
                case "train" -> Commands.train(arguments, env, writer);
                case "fetch" -> Commands.fetch(arguments, env, writer);
                case "evaluate" -> Commands.evaluate(arguments, env, writer);
                case "aggregate" -> Commands.aggregate(arguments, writer);
                default -> throw new IllegalStateException("unreachable: " + arguments.command());
            }
            return Protocol.EXIT_OK;
        } catch (UserException e) {
            writer.failure(e.getMessage());
            return Protocol.EXIT_FAILURE;
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            writer.error(describe(t));
            return Protocol.EXIT_ERROR;
        }
    }

    /** "Type: message; caused by Type: message", for the one-line ERROR message (the stack goes to stderr). */
    static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.toString());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }
}
