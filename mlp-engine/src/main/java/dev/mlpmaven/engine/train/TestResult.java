package dev.mlpmaven.engine.train;

import java.util.Arrays;
import java.util.Objects;

/**
 * Evaluation on a labelled split.
 *
 * @param accuracy        fraction correct
 * @param loss            mean softmax cross-entropy
 * @param confusionMatrix {@code [true][predicted]} counts
 */
public record TestResult(double accuracy, double loss, int[][] confusionMatrix) {

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof TestResult o
                && Double.compare(accuracy, o.accuracy) == 0
                && Double.compare(loss, o.loss) == 0
                && Arrays.deepEquals(confusionMatrix, o.confusionMatrix);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(accuracy, loss);
        h = 31 * h + Arrays.deepHashCode(confusionMatrix);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "TestResult[" + "accuracy=" + accuracy + ", "
                + "loss=" + loss + ", "
                + "confusionMatrix=" + (confusionMatrix == null ? "null" : "int[" + confusionMatrix.length + "][]") + "]";
    }
}
