package dev.mlpmaven.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * A fully connected layer {@code y = activation(W x + b)} as a model file stores it.
 *
 * @param in         input width, 1 .. 2^24
 * @param out        output width, 1 .. 2^24
 * @param activation the activation ({@link Activation#SOFTMAX} only for the output layer)
 * @param weights    {@code out x in}, row-major: row {@code o} holds the weights into output {@code o}
 * @param bias       length {@code out}
 */
public record Layer(int in, int out, Activation activation, float[] weights, float[] bias) {
    /** @throws IllegalArgumentException when a width is out of range or the arrays do not match the widths */
    public Layer {
        Objects.requireNonNull(activation, "activation");
        if (in < 1 || out < 1 || in > InputSpec.MAX_SIZE || out > InputSpec.MAX_SIZE) {
            throw new IllegalArgumentException("layer " + in + "->" + out + ": expected widths from 1 to " + InputSpec.MAX_SIZE);
        }
        if (weights.length != (long) in * out || bias.length != out) {
            throw new IllegalArgumentException("layer " + in + "->" + out + ": found " + weights.length
                    + " weights and " + bias.length + " biases, expected " + ((long) in * out) + " and " + out);
        }
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Layer o
                && in == o.in
                && out == o.out
                && Objects.equals(activation, o.activation)
                && Arrays.equals(weights, o.weights)
                && Arrays.equals(bias, o.bias);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(in, out, activation);
        h = 31 * h + Arrays.hashCode(weights);
        h = 31 * h + Arrays.hashCode(bias);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "Layer[" + "in=" + in + ", "
                + "out=" + out + ", "
                + "activation=" + activation + ", "
                + "weights=" + (weights == null ? "null" : "float[" + weights.length + "]") + ", "
                + "bias=" + (bias == null ? "null" : "float[" + bias.length + "]") + "]";
    }
}
