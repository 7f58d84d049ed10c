package dev.mlpmaven.config;

/**
 * Learning-rate schedule, evaluated per epoch.
 *
 * @param type         constant, step, exponential or cosine
 * @param stepSize     epochs between decays (step)
 * @param gamma        decay factor (step, exponential)
 * @param minLearningRate floor reached at the last epoch (cosine)
 * @param warmupEpochs epochs of linear warm-up from 0 to the base rate, before the schedule starts
 */
public record ScheduleSpec(ScheduleType type, int stepSize, double gamma, double minLearningRate, int warmupEpochs) {
    public static final ScheduleSpec CONSTANT = new ScheduleSpec(ScheduleType.CONSTANT, 1, 1.0, 0.0, 0);
}
