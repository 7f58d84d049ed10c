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
 * </ul>
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

    /**
     * Environment variable the plugin sets to the wall-clock time (epoch milliseconds) at which it starts the fork,
     * so the fork's start-up timings include the JVM's own start.
     */
    public static final String FORK_START_ENV = "MLP_FORK_START_MILLIS";

    /** Everything done. */
    public static final int EXIT_OK = 0;
    /** The environment is broken (I/O, native library, a bug); the plugin throws MojoExecutionException. */
    public static final int EXIT_ERROR = 1;
    /** A mistake the user can fix; the plugin throws MojoFailureException with the message alone. */
    public static final int EXIT_FAILURE = 2;

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
            case INFO, WARN, DEBUG, FAILURE, ERROR, DONE:
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
