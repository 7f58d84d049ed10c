package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ForkLog;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.plugin.logging.Log;

/** The fork's lines into the Maven log; the progress bar (or null in batch mode) is cleared before each line. */
final class MavenForkLog implements ForkLog {
    private final Log log;
    private final ProgressBar bar;

    MavenForkLog(Log log, ProgressBar bar) {
        this.log = log;
        this.bar = bar;
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
