package dev.mlpmaven.runtime;

import java.util.List;

/**
 * The forward pass as mlp-engine's Predictor computed it until format v2 (and as the golden v1 file's pins were
 * made): each sum accumulated in {@code double} in index order, {@link StrictMath}, each layer's output rounded to
 * {@code float}. A reference for the tests, independent of the runtime's float, blocked, vectorised pass.
 */
final class ReferenceForward {
    private ReferenceForward() {
    }

    static float[] probabilities(List<Layer> layers, float[] input) {
        float[] x = input;
        for (Layer layer : layers) {
            double[] z = new double[layer.out()];
            for (int o = 0; o < layer.out(); o++) {
                double sum = layer.bias()[o];
                for (int i = 0; i < layer.in(); i++) {
                    sum += (double) layer.weights()[o * layer.in() + i] * x[i];
                }
                z[o] = sum;
            }
            float[] y = new float[layer.out()];
            if (layer.activation() == Activation.SOFTMAX) {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double total = 0;
                double[] e = new double[z.length];
                for (int o = 0; o < z.length; o++) {
                    e[o] = StrictMath.exp(z[o] - max);
                    total += e[o];
                }
                for (int o = 0; o < z.length; o++) {
                    y[o] = (float) (e[o] / total);
                }
                return y;
            }
            for (int o = 0; o < z.length; o++) {
                y[o] = (float) layer.activation().apply(z[o]);
            }
            x = y;
        }
        throw new IllegalArgumentException("no softmax layer");
    }

    /** {@code (p / 255f - mean) / std} of each byte. */
    static float[] scale(byte[] pixels, Scaling s) {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((pixels[i] & 0xFF) / 255f - s.mean()) / s.std();
        }
        return x;
    }
}
