package dev.mlpmaven.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.StratifiedSplit;

/**
 * A seeded stratified hold-out: from each class, {@code round(fraction * count)} samples chosen at random go to
 * validation, the rest to training. Both index lists come back in ascending order.
 */
record ValidationSplit(int[] train, int[] validation) {

    static ValidationSplit of(IdxLabels labels, int numClasses, double fraction, SplittableRandom rng) {
        int n = labels.count();
        if (fraction <= 0) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new ValidationSplit(all, new int[0]);
        }
        int[] classOf = new int[n];
        for (int i = 0; i < n; i++) {
            classOf[i] = labels.label(i);
        }
        StratifiedSplit split = StratifiedSplit.of(classOf, numClasses, fraction, rng);
        return new ValidationSplit(split.first(), split.second());
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ValidationSplit o
                && Arrays.equals(train, o.train)
                && Arrays.equals(validation, o.validation);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Arrays.hashCode(train);
        h = 31 * h + Arrays.hashCode(validation);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "ValidationSplit[" + "train=" + (train == null ? "null" : "int[" + train.length + "]") + ", "
                + "validation=" + (validation == null ? "null" : "int[" + validation.length + "]") + "]";
    }
}
