package dev.mlpmaven.config;

/**
 * The optimizer and its hyperparameters. Fields that do not apply to {@code type} keep their defaults.
 *
 * @param type         sgd, adam, adamw or rmsprop
 * @param learningRate base learning rate, > 0
 * @param momentum     sgd momentum, 0 <= momentum < 1
 * @param nesterov     sgd: Nesterov momentum
 * @param weightDecay  L2 penalty (sgd, adam, rmsprop) or decoupled decay (adamw), >= 0
 * @param beta1        adam/adamw first-moment decay
 * @param beta2        adam/adamw second-moment decay
 * @param rho          rmsprop decay
 * @param epsilon      adam/adamw/rmsprop denominator guard
 * @param clipNorm     clip the global gradient norm to this value; 0 means no clipping
 * @param schedule     learning-rate schedule
 */
public record OptimizerSpec(OptimizerType type, double learningRate, double momentum, boolean nesterov,
                            double weightDecay, double beta1, double beta2, double rho, double epsilon,
                            double clipNorm, ScheduleSpec schedule) {
}
