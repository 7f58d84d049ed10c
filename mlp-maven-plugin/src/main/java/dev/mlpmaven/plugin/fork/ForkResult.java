package dev.mlpmaven.plugin.fork;

import java.util.List;

/**
 * How a fork ended.
 *
 * @param exitCode    the process exit code
 * @param failure     the FAILURE message (a user mistake), or null
 * @param error       the ERROR message (a broken environment), or null
 * @param stderrTail  the last lines of its standard error, for a crash without a message
 * @param seconds     wall seconds from start to exit
 */
public record ForkResult(int exitCode, String failure, String error, List<String> stderrTail, double seconds) {
    public ForkResult {
        stderrTail = List.copyOf(stderrTail);
    }
}
