package dev.mlpmaven.engine.train;

/**
 * What one epoch did.
 *
 * @param epoch              1-based
 * @param trainLoss          mean softmax cross-entropy over the epoch's training batches
 * @param validationAccuracy accuracy on the held-out split, NaN when there is none
 * @param validationLoss     loss on the held-out split, NaN when there is none
 * @param trainSeconds       wall seconds of the training loop of this epoch (not validation)
 * @param learningRate       learning rate used in this epoch
 */
public record EpochResult(int epoch, double trainLoss, double validationAccuracy, double validationLoss,
                          double trainSeconds, double learningRate) {
}
