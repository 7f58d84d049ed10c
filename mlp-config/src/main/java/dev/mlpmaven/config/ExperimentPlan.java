package dev.mlpmaven.config;

/**
 * What one experiment file asks to train: a single experiment, or the trials of a sweep.
 *
 * @param experiment the experiment; for a sweep, the file without {@code sweep:} (the trials' common base)
 * @param sweep      the sweep, or null for a single experiment
 */
public record ExperimentPlan(Experiment experiment, Sweep sweep) {
    public boolean isSweep() {
        return sweep != null;
    }
}
