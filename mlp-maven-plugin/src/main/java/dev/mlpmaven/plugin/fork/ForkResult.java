package dev.mlpmaven.plugin.fork;

import java.util.List;

/**
 * How a fork ended.
 *
 * @param exitCode    the process exit code
 * @param failure     the FAILURE message (a user mistake), or null
 * @param error       the ERROR message (a broken environment), or null
 * @param outputTail  its last lines of standard error and of non-protocol standard output, for a crash without
 *                    a message
 * @param seconds     wall seconds from start to exit
 */
public record ForkResult(int exitCode, String failure, String error, List<String> outputTail, double seconds) {
    public ForkResult {
        outputTail = List.copyOf(outputTail);
    }
}
