package dev.mlpmaven.engine.model;

import dev.mlpmaven.engine.data.IdxImages;

import java.util.List;
import java.util.Set;

/**
 * The forward pass of a {@link TrainedModel} in plain Java (no native code), for loading a model anywhere and for
 * evaluating small inputs. Deterministic on every JVM: sums are accumulated in {@code double} in index order,
 * functions use {@link StrictMath}, and each layer's output is rounded to {@code float}.
 *
 * <p>Per layer: {@code z[o] = bias[o] + sum_i weights[o*in + i] * x[i]}, then the activation:
 * relu {@code max(0,z)}; leaky_relu {@code z > 0 ? z : 0.01 z}; elu {@code z > 0 ? z : exp(z) - 1} (alpha 1, computed as {@code expm1(z)});
 * gelu, tanh approximation {@code 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))}; tanh;
 * sigmoid {@code 1 / (1 + exp(-z))}; softmax (output layer only) {@code exp(z - max z) / sum}.
 */
public final class Predictor {
    /** Activations a hidden layer may have (the YAML names). */
    public static final Set<String> HIDDEN_ACTIVATIONS = Set.of("relu", "leaky_relu", "elu", "gelu", "tanh", "sigmoid");
    /** The activation of the output layer. */
    public static final String OUTPUT_ACTIVATION = "softmax";

    private static final double LEAKY_SLOPE = 0.01;
    private static final double SQRT_2_OVER_PI = StrictMath.sqrt(2.0 / StrictMath.PI);

    private final TrainedModel model;

    /**
     * @throws IllegalArgumentException when the layers do not chain, or an activation is unknown, or the last
     *                                  layer is not softmax
     */
    public Predictor(TrainedModel model) {
        check(model);
        this.model = model;
    }

    /** Checks what the forward pass needs; the message names the layer. */
    static void check(TrainedModel model) {
        List<DenseLayer> layers = model.layers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model: found no layers, expected at least the output layer");
        }
        int width = model.inputSize();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            if (layer.in() != width) {
                throw new IllegalArgumentException("layer " + l + ": found input width " + layer.in()
                        + ", expected " + width);
            }
            boolean last = l == layers.size() - 1;
            boolean ok = last ? OUTPUT_ACTIVATION.equals(layer.activation())
                    : HIDDEN_ACTIVATIONS.contains(layer.activation());
            if (!ok) {
                throw new IllegalArgumentException("layer " + l + ": found activation '" + layer.activation()
                        + "', expected " + (last ? OUTPUT_ACTIVATION : "one of " + HIDDEN_ACTIVATIONS));
            }
            width = layer.out();
        }
        if (model.classNames().size() != width) {
            throw new IllegalArgumentException("class names: found " + model.classNames().size()
                    + ", expected " + width + " (the output width)");
        }
    }

    public TrainedModel model() {
        return model;
    }

    /** Raw pixels (0..255) of one image, starting at {@code offset}, scaled as the model's {@link InputScaling} says. */
    public float[] scale(byte[] pixels, int offset) {
        int n = model.inputSize();
        if (offset < 0 || offset > pixels.length - n) {
            throw new IllegalArgumentException("pixels: found " + (pixels.length - offset)
                    + " bytes from offset " + offset + ", expected at least " + n);
        }
        InputScaling s = model.scaling();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = ((pixels[offset + i] & 0xFF) / 255f - s.mean()) / s.std();
        }
        return x;
    }

    /** Class probabilities for one image of raw pixels starting at {@code offset}. */
    public float[] probabilities(byte[] pixels, int offset) {
        return forward(scale(pixels, offset));
    }

    /** Class probabilities for every image; {@code result[i][c]}. */
    public float[][] probabilities(IdxImages images) {
        if (images.pixelsPerImage() != model.inputSize()) {
            throw new IllegalArgumentException("images: found " + images.pixelsPerImage()
                    + " pixels per image, expected " + model.inputSize() + " (the model's input size)");
        }
        float[][] out = new float[images.count()][];
        for (int i = 0; i < images.count(); i++) {
            out[i] = probabilities(images.pixels(), i * model.inputSize());
        }
        return out;
    }

    /** Class probabilities for an input already scaled. */
    public float[] forward(float[] input) {
        if (input.length != model.inputSize()) {
            throw new IllegalArgumentException("input: found " + input.length + " values, expected "
                    + model.inputSize());
        }
        float[] x = input;
        for (DenseLayer layer : model.layers()) {
            x = dense(layer, x);
        }
        return x;
    }

    /** The index of the largest probability (the first on a tie). */
    public static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    private static float[] dense(DenseLayer layer, float[] x) {
        int in = layer.in();
        int out = layer.out();
        float[] w = layer.weights();
        double[] z = new double[out];
        for (int o = 0; o < out; o++) {
            double sum = layer.bias()[o];
            int row = o * in;
            for (int i = 0; i < in; i++) {
                sum += (double) w[row + i] * x[i];
            }
            z[o] = sum;
        }
        float[] y = new float[out];
        if (OUTPUT_ACTIVATION.equals(layer.activation())) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double total = 0;
            double[] e = new double[out];
            for (int o = 0; o < out; o++) {
                e[o] = StrictMath.exp(z[o] - max);
                total += e[o];
            }
            for (int o = 0; o < out; o++) {
                y[o] = (float) (e[o] / total);
            }
            return y;
        }
        for (int o = 0; o < out; o++) {
            y[o] = (float) activate(layer.activation(), z[o]);
        }
        return y;
    }

    /** One hidden activation of {@code z}, as documented on the class. */
    public static double activate(String activation, double z) {
        return switch (activation) {
            case "relu" -> z > 0 ? z : 0.0;
            case "leaky_relu" -> z > 0 ? z : LEAKY_SLOPE * z;
            case "elu" -> z > 0 ? z : StrictMath.expm1(z);
            case "gelu" -> 0.5 * z * (1 + StrictMath.tanh(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z)));
            case "tanh" -> StrictMath.tanh(z);
            case "sigmoid" -> 1 / (1 + StrictMath.exp(-z));
            default -> throw new IllegalArgumentException("activation: found '" + activation
                    + "', expected one of " + HIDDEN_ACTIVATIONS);
        };
    }
}
