package dev.mlpmaven.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.mlpmaven.engine.data.IdxLabels;

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
        int[] counts = new int[numClasses];
        for (int i = 0; i < n; i++) {
            counts[labels.label(i)]++;
        }
        int[][] byClass = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < n; i++) {
            int c = labels.label(i);
            byClass[c][fill[c]++] = i;
        }
        boolean[] held = new boolean[n];
        int heldCount = 0;
        for (int c = 0; c < numClasses; c++) {
            int[] idx = byClass[c];
            int k = (int) Math.round(fraction * idx.length);
            for (int i = 0; i < k; i++) { // partial Fisher-Yates: the first k are a uniform sample
                int j = i + rng.nextInt(idx.length - i);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
                held[idx[i]] = true;
            }
            heldCount += k;
        }
        int[] train = new int[n - heldCount];
        int[] validation = new int[heldCount];
        for (int i = 0, t = 0, v = 0; i < n; i++) {
            if (held[i]) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new ValidationSplit(train, validation);
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
