package dev.mlpmaven.engine.report;

/**
 * A run that did not learn: its test accuracy is at most {@link #FACTOR} times the accuracy of guessing, {@code 1 /
 * classes}. The runner warns about it in its log and the report shows it as a banner.
 */
public final class ChanceLevel {
    /** Up to this many times the chance level, accuracy counts as chance level. */
    public static final double FACTOR = 1.5;

    private ChanceLevel() {
    }

    /** The accuracy of guessing uniformly among {@code classes} classes. */
    public static double of(int classes) {
        return 1.0 / classes;
    }

    /** True when {@code accuracy <= FACTOR / classes}; false for a NaN accuracy (no test samples). */
    public static boolean isAt(double accuracy, int classes) {
        return classes > 0 && accuracy <= FACTOR * of(classes);
    }
}
