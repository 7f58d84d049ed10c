package dev.mlpmaven.config;

/**
 * One hidden layer.
 *
 * @param units      number of neurons, at least 1
 * @param activation activation function
 * @param dropout    fraction of units dropped while training, 0 <= dropout < 1
 * @param init       weight initialisation
 */
public record LayerSpec(int units, Activation activation, double dropout, Init init) {
    /** The widest layer: what a model file holds (mlp-runtime's {@code InputSpec.MAX_SIZE}, 2^24). */
    public static final int MAX_UNITS = 1 << 24;
    /** The most weights one layer may have: they are one array, indexed by int. */
    public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8;
}
