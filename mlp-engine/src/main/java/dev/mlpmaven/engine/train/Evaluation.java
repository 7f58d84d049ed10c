package dev.mlpmaven.engine.train;

/**
 * A model's evaluation on a split, with its per-sample answers.
 *
 * @param result     accuracy, loss and confusion matrix
 * @param predicted  predicted class of each sample, in the split's order
 * @param confidence softmax probability of the predicted class of each sample
 */
public record Evaluation(TestResult result, int[] predicted, float[] confidence) {
}
