package dev.mlpmaven.config;

/**
 * How to train.
 *
 * @param batchSize       samples per step, >= 1
 * @param epochs          passes over the training data, >= 1
 * @param validationSplit fraction of the training data held out for validation, 0 <= split < 1
 * @param earlyStopping   optional, null when off
 * @param threads         BLAS threads; 0 means one per core
 */
public record TrainingSpec(int batchSize, int epochs, double validationSplit, EarlyStoppingSpec earlyStopping,
                           int threads) {
}
