package dev.mlpmaven.engine.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * A model's evaluation on a split, with its per-sample answers.
 *
 * @param result     accuracy, loss and confusion matrix
 * @param predicted  predicted class of each sample, in the split's order
 * @param confidence softmax probability of the predicted class of each sample
 */
public record Evaluation(TestResult result, int[] predicted, float[] confidence) {

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluation o
                && Objects.equals(result, o.result)
                && Arrays.equals(predicted, o.predicted)
                && Arrays.equals(confidence, o.confidence);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(result);
        h = 31 * h + Arrays.hashCode(predicted);
        h = 31 * h + Arrays.hashCode(confidence);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "Evaluation[" + "result=" + result + ", "
                + "predicted=" + (predicted == null ? "null" : "int[" + predicted.length + "]") + ", "
                + "confidence=" + (confidence == null ? "null" : "float[" + confidence.length + "]") + "]";
    }
}
