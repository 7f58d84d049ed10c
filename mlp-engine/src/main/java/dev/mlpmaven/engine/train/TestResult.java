package dev.mlpmaven.engine.train;

/**
 * Evaluation on a labelled split.
 *
 * @param accuracy        fraction correct
 * @param loss            mean softmax cross-entropy
 * @param confusionMatrix {@code [true][predicted]} counts
 */
public record TestResult(double accuracy, double loss, int[][] confusionMatrix) {
}
