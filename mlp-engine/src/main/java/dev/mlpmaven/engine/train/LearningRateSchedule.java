package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.ScheduleSpec;

/**
 * The learning rate of each epoch. With {@code w = warmupEpochs}, epochs {@code e = 0 .. w-1} (0-based) warm up
 * linearly: {@code base * (e+1) / (w+1)}. The schedule then starts at epoch {@code w} with {@code k = e - w} and
 * {@code T = epochs - w} epochs left:
 * <ul>
 *   <li>constant: {@code base}</li>
 *   <li>step: {@code base * gamma^floor(k / stepSize)}</li>
 *   <li>exponential: {@code base * gamma^k}</li>
 *   <li>cosine: {@code min + (base - min) * (1 + cos(pi * k / (T-1))) / 2}, reaching {@code min} in the last
 *   epoch ({@code base} when {@code T = 1})</li>
 * </ul>
 */
final class LearningRateSchedule {
    private LearningRateSchedule() {
    }

    static double rate(ScheduleSpec s, double base, int epoch, int epochs) {
        ScheduleSpec spec = s == null ? ScheduleSpec.CONSTANT : s;
        int w = Math.max(0, spec.warmupEpochs());
        if (epoch < w) {
            return base * (epoch + 1) / (w + 1);
        }
        int k = epoch - w;
        int total = epochs - w;
        return switch (spec.type()) {
            case CONSTANT -> base;
            case STEP -> base * StrictMath.pow(spec.gamma(), Math.floorDiv(k, Math.max(1, spec.stepSize())));
            case EXPONENTIAL -> base * StrictMath.pow(spec.gamma(), k);
            case COSINE -> total <= 1 ? base
                    : spec.minLearningRate() + (base - spec.minLearningRate())
                    * (1 + StrictMath.cos(Math.PI * k / (total - 1))) / 2;
        };
    }
}
