package dev.mlpmaven.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The prediction for one input: the most probable class and every class probability. Immutable.
 * The most probable class is the one with the highest probability; a tie goes to the lower class index.
 */
public final class Prediction {
    private final float[] probabilities;
    private final List<String> classNames;
    private final int index;

    /** One class with its probability. */
    public record Scored(int index, String name, float probability) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%d): %.6f", name, index, probability);
        }
    }

    Prediction(float[] probabilities, List<String> classNames) {
        this.probabilities = probabilities;
        this.classNames = classNames;
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        this.index = best;
    }

    /** The predicted class index (the output with the highest probability). */
    public int index() {
        return index;
    }

    /** The predicted class name. */
    public String className() {
        return classNames.get(index);
    }

    /** The probability of the predicted class. */
    public float probability() {
        return probabilities[index];
    }

    /** The probability of every class, in class order (a copy). */
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** The probability of class {@code c}. */
    public float probability(int c) {
        return probabilities[c];
    }

    /**
     * The {@code min(k, number of classes)} most probable classes, most probable first (ties: lower index first).
     *
     * @throws IllegalArgumentException when {@code k < 0}
     */
    public List<Scored> top(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("top: found k = " + k + ", expected k >= 0");
        }
        int n = Math.min(k, probabilities.length);
        List<Scored> out = new ArrayList<>(n);
        boolean[] taken = new boolean[probabilities.length];
        for (int j = 0; j < n; j++) {
            int best = -1;
            for (int c = 0; c < probabilities.length; c++) {
                if (!taken[c] && (best < 0 || probabilities[c] > probabilities[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            out.add(new Scored(best, classNames.get(best), probabilities[best]));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (class %d, probability %.6f)", className(), index, probability());
    }
}
