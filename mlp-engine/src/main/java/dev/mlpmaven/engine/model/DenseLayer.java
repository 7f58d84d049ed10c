package dev.mlpmaven.engine.model;

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
            throw new IllegalArgumentException("activation: found '" + activation + "', expected one of relu, "
                    + "leaky_relu, elu, gelu, tanh, sigmoid, softmax");
        }
        return new Layer(in, out, a, weights, bias);
    }

    /** The engine's layer of a runtime layer (the same arrays). */
    public static DenseLayer of(Layer l) {
        return new DenseLayer(l.in(), l.out(), l.activation().id(), l.weights(), l.bias());
    }
}
