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
}
