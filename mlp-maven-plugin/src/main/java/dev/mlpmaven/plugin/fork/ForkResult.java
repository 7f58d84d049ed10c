package dev.mlpmaven.plugin.fork;

import java.nio.file.Path;
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
 * @param done        the experiments it reported DONE, in order (a failed fork may have finished some)
 * @param bye         the exit code of its BYE line (it ended normally), or null (it crashed or was stopped)
 * @param timedOut    it ran past its timeout and was stopped
 * @param pid         its process id (-1 when it ran inside Maven)
 * @param crashReport the JVM's crash report ({@code hs_err_pid<pid>.log}) it left, or null
 */
public record ForkResult(int exitCode, String failure, String error, List<String> outputTail, double seconds,
                         List<String> done, Integer bye, boolean timedOut, long pid, Path crashReport) {
    public ForkResult {
        outputTail = List.copyOf(outputTail);
        done = List.copyOf(done);
    }

    /** A fork that ended by itself, without BYE (tests, older forks). */
    public ForkResult(int exitCode, String failure, String error, List<String> outputTail, double seconds,
                      List<String> done) {
        this(exitCode, failure, error, outputTail, seconds, done, null, false, -1, null);
    }

    /** The same with another exit code. */
    public ForkResult withExitCode(int code) {
        return new ForkResult(code, failure, error, outputTail, seconds, done, bye, timedOut, pid, crashReport);
    }

    /** The same with the JVM's crash report. */
    public ForkResult withCrashReport(Path report) {
        return new ForkResult(exitCode, failure, error, outputTail, seconds, done, bye, timedOut, pid, report);
    }
}
