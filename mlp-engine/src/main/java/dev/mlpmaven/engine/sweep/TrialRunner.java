package dev.mlpmaven.engine.sweep;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Sweep;
import dev.mlpmaven.config.Trial;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunListener;
import dev.mlpmaven.engine.run.RunOptions;
import dev.mlpmaven.engine.train.TrainingDivergedException;

import java.util.Locale;
import java.util.Map;

/**
 * Trains one trial of a sweep: into {@code <outputRoot>/<sweep>/trials/<id>/} with its trial.json, committed with
 * its other outputs; then the sweep's leaderboard is rewritten. A trial that diverges is a result too (its metrics
 * say so, it ranks last): a warning, and the sweep goes on.
 */
public final class TrialRunner {
    /** Warned for a trial that diverged: the trial's name, the divergence message. */
    public static final String TRIAL_DIVERGED = "%s: diverged, recorded as a result of the sweep: %s";

    private TrialRunner() {
    }

    /** Trains the trial; returns the name of its experiment ({@code <sweep>-<id>}). */
    public static String run(Sweep sweep, Trial trial, RunOptions options, RunListener listener) {
        String id = Trials.id(trial);
        Experiment experiment = Trials.experiment(sweep, trial);
        ExperimentRunner.Placement placement = new ExperimentRunner.Placement(
                Trials.trialsDir(options.outputRoot(), sweep.name()), id,
                Map.of(Trials.TRIAL_FILE, Trials.trialJson(sweep, trial, options.projectDir())), false);
        try {
            new ExperimentRunner(options, listener).run(experiment, placement);
        } catch (TrainingDivergedException e) {
            listener.warn(String.format(Locale.ROOT, TRIAL_DIVERGED, experiment.name(), e.getMessage()));
        }
        try {
            SweepBoards.update(options.outputRoot().resolve(sweep.name()), Trials.sweepHash(sweep, options.projectDir()),
                    listener::warn);
        } catch (RuntimeException e) {
            // the trial's own outputs are in place; a board that cannot be drawn must not fail it
            listener.warn(String.format(Locale.ROOT, SweepBoards.NOT_WRITTEN, sweep.name(), e.getMessage()));
        }
        return experiment.name();
    }
}
