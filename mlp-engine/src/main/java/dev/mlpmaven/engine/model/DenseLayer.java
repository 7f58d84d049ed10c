package dev.mlpmaven.engine.model;

import java.util.Arrays;
import java.util.Objects;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.Layer;

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

    /**
     * The runtime's layer (the same arrays).
     *
     * @throws IllegalArgumentException when the activation is not one the runtime knows
     */
    public Layer toRuntime() {
        Activation a = Activation.of(activation);
        if (a == null) {
            throw new IllegalArgumentException("activation: found '" + activation + "', expected one of "
                    + dev.mlpmaven.config.Activation.names() + ", softmax");
        }
        return new Layer(in, out, a, weights, bias);
    }

    /** The engine's layer of a runtime layer (the same arrays). */
    public static DenseLayer of(Layer l) {
        return new DenseLayer(l.in(), l.out(), l.activation().id(), l.weights(), l.bias());
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DenseLayer o
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
        return "DenseLayer[" + "in=" + in + ", "
                + "out=" + out + ", "
                + "activation=" + activation + ", "
                + "weights=" + (weights == null ? "null" : "float[" + weights.length + "]") + ", "
                + "bias=" + (bias == null ? "null" : "float[" + bias.length + "]") + "]";
    }
}
