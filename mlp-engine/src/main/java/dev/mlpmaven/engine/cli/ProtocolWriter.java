package dev.mlpmaven.engine.cli;

import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.run.RunListener;

import java.io.PrintStream;

/**
 * Writes protocol lines ({@link Protocol}) to the fork's real standard output, one flushed line per message,
 * from any thread. It is also the run's and the dataset resolver's listener: log lines become {@code INFO}/{@code WARN}, batches
 * become {@code PROGRESS} when progress was asked for.
 */
final class ProtocolWriter implements RunListener, DataListener {
    private final PrintStream out;
    private final boolean progress;

    ProtocolWriter(PrintStream out, boolean progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void info(String line) {
        write(Protocol.line(Protocol.INFO, line));
    }

    @Override
    public void warn(String line) {
        write(Protocol.line(Protocol.WARN, line));
    }

    /** A line for Maven's debug log. */
    void debug(String line) {
        write(Protocol.line(Protocol.DEBUG, line));
    }

    @Override
    public void batch(String experiment, int epoch, int batch, int batches) {
        if (progress) {
            write(Protocol.progressLine(epoch, batch, batches));
        }
    }

    /** The experiment is trained and its outputs are in place. */
    void done(String experiment) {
        write(Protocol.line(Protocol.DONE, experiment));
    }

    void failure(String message) {
        write(Protocol.line(Protocol.FAILURE, message));
    }

    void error(String message) {
        write(Protocol.line(Protocol.ERROR, message));
    }

    /** The last line of a fork that ends normally, with its exit code. */
    void bye(int exitCode) {
        write(Protocol.line(Protocol.BYE, Integer.toString(exitCode)));
    }

    private synchronized void write(String line) {
        out.println(line);
        out.flush();
    }
}
