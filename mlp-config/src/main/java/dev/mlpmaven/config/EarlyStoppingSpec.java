package dev.mlpmaven.config;

/**
 * Stop when the validation metric has not improved by {@code minDelta} for {@code patience} epochs; the best
 * weights are kept.
 *
 * @param metric   validation_accuracy (higher is better) or validation_loss (lower is better)
 * @param patience epochs without improvement before stopping, >= 1
 * @param minDelta smallest change that counts as an improvement, >= 0
 */
public record EarlyStoppingSpec(String metric, int patience, double minDelta) {
}
