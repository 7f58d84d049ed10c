package dev.mlpmaven.engine.run;

import dev.mlpmaven.config.Experiment;

/**
 * Runs one experiment end to end: resolves the data, trains, evaluates on the test split, and writes
 * {@code model.mlp}, {@code metrics.json}, {@code history.csv}, {@code provenance.json}, {@code experiment.json}
 * and {@code report.html} into {@code <outputRoot>/<name>/}, all at once (an interrupted run leaves nothing
 * under the final names).
 */
public final class ExperimentRunner {
    private final RunOptions options;
    private final RunListener listener;

    public ExperimentRunner(RunOptions options, RunListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Trains the experiment; {@link dev.mlpmaven.config.UserException} for what the user can fix. */
    public RunResult run(Experiment experiment) {
        throw new UnsupportedOperationException("ExperimentRunner is being wired (lead)");
    }
}
