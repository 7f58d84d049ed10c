package dev.mlpmaven.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision, recall, F1 and support from a confusion matrix {@code cm[true][predicted]}, plus macro
 * averages (the unweighted mean over all classes).
 *
 * <p>The 0/0 rule: precision of a class that was never predicted, recall of a class with no samples, and F1 when
 * precision and recall are both 0 are defined as 0 (as scikit-learn's {@code zero_division=0}). Such classes still
 * count in the macro averages, so a model that never predicts a class is not rewarded for it.
 *
 * @param classes one entry per class, in class order
 * @param total   number of samples (sum of the matrix)
 * @param correct number of correct predictions (trace of the matrix)
 */
public record ClassMetrics(List<PerClass> classes, long total, long correct) {

    static final String NOT_SQUARE = "confusion matrix row %d: found %d columns, expected %d (one per class)";
    static final String NAMES_MISMATCH = "class names: found %d names, expected %d (one per row of the confusion matrix)";
    static final String NEGATIVE = "confusion matrix [%d][%d]: found %d, expected a count >= 0";

    /**
     * Metrics of one class.
     *
     * @param name      class name
     * @param precision true positives / predicted as this class; 0 when never predicted
     * @param recall    true positives / samples of this class; 0 when there are none
     * @param f1        harmonic mean of precision and recall; 0 when both are 0
     * @param support   samples of this class (row sum)
     * @param predicted samples predicted as this class (column sum)
     */
    public record PerClass(String name, double precision, double recall, double f1, long support, long predicted) {
    }

    public ClassMetrics {
        classes = List.copyOf(classes);
    }

    /** Computes the metrics; the matrix must be square with one row per class name and no negative counts. */
    public static ClassMetrics of(int[][] cm, List<String> classNames) {
        int n = cm.length;
        if (classNames.size() != n) {
            throw new IllegalArgumentException(String.format(NAMES_MISMATCH, classNames.size(), n));
        }
        long[] rowSum = new long[n];
        long[] colSum = new long[n];
        long total = 0;
        long correct = 0;
        for (int t = 0; t < n; t++) {
            if (cm[t].length != n) {
                throw new IllegalArgumentException(String.format(NOT_SQUARE, t, cm[t].length, n));
            }
            for (int p = 0; p < n; p++) {
                int c = cm[t][p];
                if (c < 0) {
                    throw new IllegalArgumentException(String.format(NEGATIVE, t, p, c));
                }
                rowSum[t] += c;
                colSum[p] += c;
                total += c;
            }
            correct += cm[t][t];
        }
        List<PerClass> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            double precision = ratio(cm[k][k], colSum[k]);
            double recall = ratio(cm[k][k], rowSum[k]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.add(new PerClass(classNames.get(k), precision, recall, f1, rowSum[k], colSum[k]));
        }
        return new ClassMetrics(out, total, correct);
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0 : (double) num / den;
    }

    public double accuracy() {
        return total == 0 ? 0 : (double) correct / total;
    }

    public double macroPrecision() {
        return classes.stream().mapToDouble(PerClass::precision).average().orElse(0);
    }

    public double macroRecall() {
        return classes.stream().mapToDouble(PerClass::recall).average().orElse(0);
    }

    public double macroF1() {
        return classes.stream().mapToDouble(PerClass::f1).average().orElse(0);
    }
}
