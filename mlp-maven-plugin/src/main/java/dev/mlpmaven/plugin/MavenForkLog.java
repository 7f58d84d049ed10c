package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ForkLog;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.plugin.logging.Log;

/**
 * The fork's lines into the Maven log; the progress bar (or null in batch mode) is cleared before each line and
 * shows the name of the experiment in training (the next of {@code names} after each DONE).
 */
final class MavenForkLog implements ForkLog {
    private final Log log;
    private final ProgressBar bar;
    private final java.util.Deque<String> names;

    private final java.util.function.Consumer<String> onDone;

    MavenForkLog(Log log, ProgressBar bar, java.util.List<String> names) {
        this(log, bar, names, name -> {
        });
    }

    /** {@code onDone} hears each DONE line as it arrives (on the fork's reader thread). */
    MavenForkLog(Log log, ProgressBar bar, java.util.List<String> names, java.util.function.Consumer<String> onDone) {
        this.onDone = onDone;
        this.log = log;
        this.bar = bar;
        this.names = new java.util.ArrayDeque<>(names);
        if (bar != null && !this.names.isEmpty()) {
            bar.label(this.names.peekFirst());
        }
    }

    @Override
    public synchronized void done(String experiment) {
        onDone.accept(experiment);
        names.remove(experiment);
        if (bar != null && !names.isEmpty()) {
            bar.label(names.peekFirst());
        }
    }

    @Override
    public void info(String line) {
        clear();
        log.info(line);
    }

    @Override
    public void warn(String line) {
        clear();
        log.warn(line);
    }

    @Override
    public void debug(String line) {
        if (log.isDebugEnabled()) {
            clear();
            log.debug(line);
        }
    }

    @Override
    public void progress(int epoch, int batch, int batches) {
        if (bar != null) {
            bar.update(epoch, batch, batches);
        }
    }

    void clear() {
        if (bar != null) {
            bar.clear();
        }
    }
}
