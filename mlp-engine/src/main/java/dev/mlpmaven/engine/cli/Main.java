package dev.mlpmaven.engine.cli;

import dev.mlpmaven.config.UserException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    public static void main(String[] args) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        int code = run(args, protocol, System.getenv());
        protocol.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    static int run(String[] args, PrintStream out, Map<String, String> env) {
        boolean progress = java.util.Arrays.asList(args).contains("--progress");
        ProtocolWriter writer = new ProtocolWriter(out, progress);
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
