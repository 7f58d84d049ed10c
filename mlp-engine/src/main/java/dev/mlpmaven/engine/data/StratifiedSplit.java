package dev.mlpmaven.engine.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, stratified split of samples into two parts: from each class, {@code round(fraction * count)} samples
 * chosen at random go to the second part (the test set), the rest to the first. Both index lists are ascending, so
 * the samples keep their file order.
 *
 * @param first  indices of the first part (training)
 * @param second indices of the second part (test)
 */
public record StratifiedSplit(int[] first, int[] second) {

    /** Equal when both index arrays are, by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StratifiedSplit o && Arrays.equals(first, o.first) && Arrays.equals(second, o.second);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(first) + Arrays.hashCode(second);
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "StratifiedSplit[first=" + length(first) + ", second=" + length(second) + "]";
    }

    private static String length(int[] a) {
        return a == null ? "null" : "int[" + a.length + "]";
    }

    /** @param labels the class of each sample, 0 .. classes-1 */
    public static StratifiedSplit of(int[] labels, int classes, double fraction, long seed) {
        return of(labels, classes, fraction, new SplittableRandom(seed));
    }

    /**
     * The same split drawing from {@code rng}, which it advances by one {@code nextInt} per sample held out (none
     * when {@code fraction} is 0): the training's validation hold-out shares the trainer's generator this way.
     */
    public static StratifiedSplit of(int[] labels, int classes, double fraction, SplittableRandom rng) {
        int n = labels.length;
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < n; i++) {
            byClass[labels[i]][fill[labels[i]]++] = i;
        }
        boolean[] held = new boolean[n];
        int heldCount = 0;
        for (int c = 0; c < classes; c++) {
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
        int[] first = new int[n - heldCount];
        int[] second = new int[heldCount];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (held[i]) {
                second[b++] = i;
            } else {
                first[a++] = i;
            }
        }
        return new StratifiedSplit(first, second);
    }
}
