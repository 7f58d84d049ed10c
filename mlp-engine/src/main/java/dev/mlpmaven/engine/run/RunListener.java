package dev.mlpmaven.engine.run;

import dev.mlpmaven.engine.train.EpochResult;

/** What a run tells its caller: log lines and per-epoch progress. */
public interface RunListener {
    void info(String line);

    void warn(String line);

    /** After each epoch; the default logs nothing extra (the runner already logs one line per epoch). */
    default void epoch(String experiment, EpochResult epoch) {
    }

    /** Within an epoch, for progress bars. */
    default void batch(String experiment, int epoch, int batch, int batches) {
    }
}
