package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.Activation;

/**
 * Element-wise forward and backward of the hidden activations, in plain Java directly on ND4J's off-heap memory
 * (an ND4J op costs 20-70 us of overhead; these loops over 256 x 256 floats cost less).
 * Each forward sits beside its derivative.
 */
final class Kernels {
    static final float LEAKY_SLOPE = 0.01f;
    static final float ELU_ALPHA = 1f;
    private static final float GELU_C = (float) Math.sqrt(2.0 / Math.PI);
    private static final float GELU_K = 0.044715f;

    private Kernels() {
    }

    /** {@code h = max(h, 0)} in place over {@code n} floats. */
    static void reluInPlace(FloatBuffer h, int n) {
        for (int i = 0; i < n; i++) { // branch-free: half the signs are random, a branch would mispredict
            float v = h.get(i);
            h.put(i, v <= 0f ? 0f : v); // -0 becomes +0; NaN stays NaN so that divergence shows in the loss
        }
    }

    /** ReLU backward from the ReLU's output: {@code dh = h > 0 ? dh : 0}. */
    static void reluBackward(FloatBuffer dh, FloatBuffer h, int n) {
        for (int i = 0; i < n; i++) {
            dh.put(i, keepIfPositive(dh.get(i), h.get(i)));
        }
    }

    /** {@code h[i] = act(z[i])}. */
    static void forward(Activation act, FloatBuffer z, FloatBuffer h, int n) {
        switch (act) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    h.put(i, v < 0f ? 0f : v);
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    h.put(i, v > 0f ? v : LEAKY_SLOPE * v);
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    h.put(i, v > 0f ? v : ELU_ALPHA * (float) Math.expm1(v));
                }
            }
            case GELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    float t = (float) Math.tanh(GELU_C * (v + GELU_K * v * v * v));
                    h.put(i, 0.5f * v * (1f + t));
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    h.put(i, (float) Math.tanh(z.get(i)));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    h.put(i, sigmoid(z.get(i)));
                }
            }
            default -> throw new IllegalStateException("activation " + act);
        }
    }

    /** {@code dh[i] *= act'(z[i])}: turns the gradient with respect to the output into the one of the input. */
    static void backward(Activation act, FloatBuffer z, FloatBuffer dh, int n) {
        switch (act) {
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    dh.put(i, keepIfPositive(dh.get(i), z.get(i)));
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < n; i++) {
                    if (!(z.get(i) > 0f)) {
                        dh.put(i, dh.get(i) * LEAKY_SLOPE);
                    }
                }
            }
            case ELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    if (!(v > 0f)) {
                        dh.put(i, dh.get(i) * ELU_ALPHA * (float) Math.exp(v));
                    }
                }
            }
            case GELU -> {
                for (int i = 0; i < n; i++) {
                    float v = z.get(i);
                    float t = (float) Math.tanh(GELU_C * (v + GELU_K * v * v * v));
                    float d = 0.5f * (1f + t) + 0.5f * v * (1f - t * t) * GELU_C * (1f + 3f * GELU_K * v * v);
                    dh.put(i, dh.get(i) * d);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    float t = (float) Math.tanh(z.get(i));
                    dh.put(i, dh.get(i) * (1f - t * t));
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    float s = sigmoid(z.get(i));
                    dh.put(i, dh.get(i) * s * (1f - s));
                }
            }
            default -> throw new IllegalStateException("activation " + act);
        }
    }

    /**
     * {@code z > 0 ? d : 0} without a branch: the sign of a ReLU input is a coin flip, and a mispredicted branch
     * per element made the ReLU backward pass 8 times slower (125 ms an epoch of the seed workload against 15).
     * {@code (-bits & ~bits)} is negative exactly when the bits are those of a float > 0 (not for +0 or -0).
     */
    static float keepIfPositive(float d, float z) {
        int bits = Float.floatToRawIntBits(z);
        int mask = (-bits & ~bits) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(d) & mask);
    }

    static float sigmoid(float v) {
        return v >= 0f ? 1f / (1f + (float) Math.exp(-v)) : (float) (Math.exp(v) / (1.0 + Math.exp(v)));
    }

    /** {@code a[i] *= m[i]}. */
    static void multiply(FloatBuffer a, FloatBuffer m, int n) {
        for (int i = 0; i < n; i++) {
            a.put(i, a.get(i) * m.get(i));
        }
    }
}
