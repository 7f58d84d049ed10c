package dev.mlpmaven.engine.cli;

/**
 * The line protocol between the forked JVM ({@link Main}) and the Maven plugin that started it.
 *
 * <p>The fork writes one message per line to its standard output, as {@code TAG SP payload}:
 * <ul>
 *   <li>{@code INFO <text>} and {@code WARN <text>}: a log line;</li>
 *   <li>{@code DEBUG <text>}: a line for Maven's debug log ({@code mvn -X}): start-up timings, memory;</li>
 *   <li>{@code PROGRESS <epoch> <batch> <batches>}: progress within an epoch (only with {@code --progress});</li>
 *   <li>{@code DONE <name>}: the experiment of that name is trained and its outputs are in place (train);</li>
 *   <li>{@code FAILURE <message>}: a mistake the user can fix; the fork then exits with {@link #EXIT_FAILURE};</li>
 *   <li>{@code ERROR <message>}: the environment is broken; the fork then exits with {@link #EXIT_ERROR}.</li>
 *   <li>{@code BYE <exit code>}: the last line of a fork that ends normally; it then waits (at most
 *       {@link #ACK_TIMEOUT_SECONDS}) for the plugin's {@code ACK} before it exits with that code.</li>
 * </ul>
 * The plugin writes commands to the fork's standard input, one per line: {@value #ACK} (the plugin read the
 * {@code BYE}) and {@value #STOP} (Maven is stopping, or the fork timed out: the fork exits with
 * {@link #EXIT_STOPPED}, its shutdown hooks removing what it had staged). The end of the fork's standard input
 * means the plugin is gone ({@link ParentWatch}).
 * A payload never spans lines: a message with line breaks is sent as one line with {@code \n}, {@code \r} and
 * {@code \\} escaped, and {@link #parse(String)} restores it. Anything else the fork prints (a JVM crash report,
 * a stray library print) goes to its standard error, or is not a protocol line and is shown as it is.
 */
public final class Protocol {
    public static final String INFO = "INFO";
    public static final String WARN = "WARN";
    public static final String DEBUG = "DEBUG";
    public static final String PROGRESS = "PROGRESS";
    public static final String DONE = "DONE";
    public static final String FAILURE = "FAILURE";
    public static final String ERROR = "ERROR";
    public static final String BYE = "BYE";

    /** Command to the fork: the plugin read its {@code BYE}. */
    public static final String ACK = "ACK";
    /** Command to the fork: stop now (exit with {@link #EXIT_STOPPED}). */
    public static final String STOP = "STOP";

    /** Seconds a fork that said {@code BYE} waits for the plugin's {@code ACK}. */
    public static final int ACK_TIMEOUT_SECONDS = 10;

    /**
     * Environment variable the plugin sets to the wall-clock time (epoch milliseconds) at which it starts the fork,
     * so the fork's start-up timings include the JVM's own start.
     */
    public static final String FORK_START_ENV = "MLP_FORK_START_MILLIS";

    /**
     * Environment variable the plugin sets to the fork's share of the cores (cores divided by the forks that run at
     * once, under {@code -T}); {@code training.threads: 0} then means that many BLAS and OpenMP threads.
     */
    public static final String THREADS_ENV = "MLP_FORK_THREADS";

    /** Environment variable: the pid of the Maven JVM that started the fork, watched by {@link ParentWatch}. */
    public static final String PARENT_PID_ENV = "MLP_PARENT_PID";

    /** Environment variable: that JVM's start instant (epoch milliseconds), so a recycled pid is not taken for it. */
    public static final String PARENT_START_ENV = "MLP_PARENT_START_MILLIS";

    /** Environment variable: the fork's {@code @argfile}, which the fork deletes as soon as it runs. */
    public static final String ARGFILE_ENV = "MLP_FORK_ARGFILE";

    /** Everything done. */
    public static final int EXIT_OK = 0;
    /** The environment is broken (I/O, native library, a bug); the plugin throws MojoExecutionException. */
    public static final int EXIT_ERROR = 1;
    /** A mistake the user can fix; the plugin throws MojoFailureException with the message alone. */
    public static final int EXIT_FAILURE = 2;
    /** Stopped on the plugin's request ({@value #STOP}) or because the plugin (Maven) is gone. */
    public static final int EXIT_STOPPED = 3;

    private Protocol() {
    }

    /** One decoded protocol line. */
    public record Message(String tag, String text) {
    }

    /** The line for a message: the tag, a space, the escaped text. */
    public static String line(String tag, String text) {
        return tag + ' ' + escape(text == null ? "" : text);
    }

    public static String progressLine(int epoch, int batch, int batches) {
        return PROGRESS + ' ' + epoch + ' ' + batch + ' ' + batches;
    }

    /** The message in a protocol line, or null when the line is not one (then show it as it is). */
    public static Message parse(String line) {
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        String payload = space < 0 ? "" : line.substring(space + 1);
        switch (tag) {
            case INFO, WARN, DEBUG, FAILURE, ERROR, DONE, BYE:
                return new Message(tag, unescape(payload));
            case PROGRESS:
                return payload.matches("\\d+ \\d+ \\d+") ? new Message(tag, payload) : null;
            default:
                return null;
        }
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case '\\' -> b.append('\\');
                    default -> b.append('\\').append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
