package dev.mlpmaven.engine.model;

/**
 * A fully connected layer {@code y = act(W x + b)}.
 *
 * @param in         input width
 * @param out        output width
 * @param activation yaml name of the activation ("relu", "tanh", ...) or "softmax" for the output layer
 * @param weights    {@code out x in}, row-major (row {@code o} holds the weights into output {@code o})
 * @param bias       length {@code out}
 */
public record DenseLayer(int in, int out, String activation, float[] weights, float[] bias) {
    public DenseLayer {
        if (weights.length != (long) in * out || bias.length != out) {
            throw new IllegalArgumentException("layer " + in + "->" + out + ": found " + weights.length
                    + " weights and " + bias.length + " biases, expected " + ((long) in * out) + " and " + out);
        }
    }
}
