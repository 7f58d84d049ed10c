package dev.mlpmaven.engine.run;

import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run measured, as written to {@code metrics.json} and {@code history.csv} by {@link MetricsWriter}.
 *
 * @param name         the experiment name
 * @param epochs       one result per finished epoch, in order
 * @param test         evaluation on the test split, or null when the run diverged before it
 * @param stoppedEarly whether early stopping ended training before the configured epochs
 * @param bestEpoch    the epoch whose weights were kept (1-based), 0 when no epoch finished
 * @param diverged     what stopped a diverged run, or null when it did not diverge
 * @param timings      wall seconds of the run's phases, in insertion order (e.g. "loadData", "train",
 *                     "evaluate", "total"); left out when comparing runs
 */
public record RunMetrics(String name, List<EpochResult> epochs, TestResult test, boolean stoppedEarly, int bestEpoch,
                         Divergence diverged, Map<String, Double> timings) {
    public RunMetrics {
        epochs = List.copyOf(epochs);
        timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }

    /**
     * Where and why a training run diverged.
     *
     * @param epoch   1-based epoch
     * @param batch   1-based batch within the epoch
     * @param message the user-facing message (names the epoch and batch and suggests a cause)
     */
    public record Divergence(int epoch, int batch, String message) {
    }
}
