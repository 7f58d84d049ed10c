package dev.mlpmaven.engine.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

import dev.mlpmaven.config.Activation;

/**
 * The element-wise work of the hidden layers, on ND4J's off-heap memory in chunks.
 *
 * <p>Why chunks: HotSpot (17) compiles loops over Java arrays to SIMD instructions, but not loops over direct
 * buffers (measured here: an Adam update of 535k parameters 124 us over arrays against 1,700 us over direct
 * buffers). Each kernel therefore copies {@link #CHUNK} floats of the gemm's output into a Java array (a bulk copy,
 * about 0.05 ns a float), computes there in loops that vectorise, and copies the result back. Conversions between
 * an int's and a float's bits do not vectorise either, so the dropout mask (computed with integer operations, see
 * {@link Dropout}) reaches the float loop through a small native buffer read back as floats.
 *
 * <p>Training forward, hidden layer {@code l}, in place on the gemm's output {@code h} ({@code n = units x batch}):
 * {@code h = act(z) * mask} and, for every activation but ReLU, {@code d = act'(z) * mask} into a Java array, in
 * one pass. Backward: {@code dz = dh * d}; ReLU needs no {@code d}: {@code dz = dh * [h > 0] * scale}, because a
 * unit with {@code h > 0} is one that was kept and positive. The formulas of each activation sit side by side in
 * {@link #activate}; tanh, sigmoid, ELU and GELU go through {@link FastMath#tanh}.
 *
 * <p>Not thread-safe: one instance per workspace.
 */
final class Kernels {
    /** Floats per chunk: 4 KB per array, so a kernel's arrays stay in the L1 cache. */
    static final int CHUNK = 1024;
    static final float LEAKY_SLOPE = 0.01f;
    static final float ELU_ALPHA = 1f;
    static final float GELU_C = (float) Math.sqrt(2.0 / Math.PI);
    static final float GELU_K = 0.044715f;

    private final float[] x = new float[CHUNK];
    private final float[] y = new float[CHUNK];
    private final float[] dy = new float[CHUNK];
    private final float[] mask = new float[CHUNK];
    private final int[] maskBits = new int[CHUNK];
    private final IntBuffer rawInts;
    private final FloatBuffer rawFloats;

    Kernels() {
        ByteBuffer raw = ByteBuffer.allocateDirect(CHUNK * Float.BYTES).order(ByteOrder.nativeOrder());
        rawInts = raw.asIntBuffer();
        rawFloats = raw.asFloatBuffer();
    }

    /** A dropout mask for one layer and step: see {@link Dropout}. */
    record Mask(int key, int threshold, float scale) {
        static Mask of(int key, double p) {
            return new Mask(key, Dropout.threshold(p), Dropout.scale(p));
        }
    }

    /**
     * In place over {@code h[0..n)}: {@code h = act(h) * mask}; with {@code d} (training, not ReLU) also
     * {@code d[i] = act'(z_i) * mask_i}. {@code mask} null: no dropout.
     */
    void forward(Activation act, FloatBuffer h, int n, float[] d, Mask mask) {
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            h.get(off, x, 0, len);
            activate(act, x, y, d == null ? null : dy, len);
            if (mask != null) {
                mask(mask, off, len);
                multiply(y, this.mask, len);
                if (d != null) {
                    multiply(dy, this.mask, len);
                }
            }
            h.put(off, y, 0, len);
            if (d != null) {
                System.arraycopy(dy, 0, d, off, len);
            }
        }
    }

    /**
     * In place over {@code dh[0..n)}, the gradient with respect to the layer's output becoming the one with respect
     * to its input: ReLU ({@code d} null) {@code dh *= [h > 0] * scale} ({@code scale} 1 without dropout), else
     * {@code dh *= d}.
     */
    void backward(FloatBuffer dh, FloatBuffer h, int n, float[] d, float scale) {
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            dh.get(off, y, 0, len);
            if (d == null) {
                h.get(off, x, 0, len);
                reluBackward(y, x, len, scale);
            } else {
                System.arraycopy(d, off, x, 0, len);
                multiply(y, x, len);
            }
            dh.put(off, y, 0, len);
        }
    }

    /** {@code mask[0..len)} = the mask values of elements {@code off .. off+len)}. */
    private void mask(Mask m, int off, int len) {
        Dropout.maskBits(m.key(), off, len, m.threshold(), m.scale(), maskBits);
        rawInts.put(0, maskBits, 0, len);
        rawFloats.get(0, mask, 0, len);
    }

    /**
     * {@code out = act(z)} and, when {@code d} is given, {@code d = act'(z)}, over {@code len} elements. Each case is
     * a small method of its own with one loop, so that C2 inlines {@link FastMath#tanh} into it and vectorises it
     * (one method holding every loop grew too large to inline into: 10 times slower).
     */
    static void activate(Activation act, float[] z, float[] out, float[] d, int len) {
        switch (act) {
            case RELU -> relu(z, out, len); // derivative from the output, in backward
            case LEAKY_RELU -> {
                leakyRelu(z, out, len);
                if (d != null) {
                    leakyReluDerivative(z, d, len);
                }
            }
            case ELU -> {
                if (d != null) {
                    eluWithDerivative(z, out, d, len);
                } else {
                    elu(z, out, len);
                }
            }
            case GELU -> {
                if (d != null) {
                    geluWithDerivative(z, out, d, len);
                } else {
                    gelu(z, out, len);
                }
            }
            case TANH -> {
                if (d != null) {
                    tanhWithDerivative(z, out, d, len);
                } else {
                    tanh(z, out, len);
                }
            }
            case SIGMOID -> {
                if (d != null) {
                    sigmoidWithDerivative(z, out, d, len);
                } else {
                    sigmoid(z, out, len);
                }
            }
            default -> throw new IllegalStateException("activation " + act);
        }
    }

    private static void relu(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            out[i] = Math.max(z[i], 0f); // -0 becomes +0, NaN stays NaN
        }
    }

    private static void leakyRelu(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            float v = z[i];
            out[i] = Math.max(v, 0f) + LEAKY_SLOPE * Math.min(v, 0f);
        }
    }

    /** 1 for z > 0, the slope for z <= 0. */
    private static void leakyReluDerivative(float[] z, float[] d, int len) {
        for (int i = 0; i < len; i++) {
            d[i] = Math.max(FastMath.step(Math.max(z[i], 0f)), LEAKY_SLOPE);
        }
    }

    /** z <= 0: {@code expm1(z) = 2t / (1 - t)} with {@code t = tanh(z / 2)}; z > 0: z. */
    private static void elu(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            float v = z[i];
            float t = FastMath.tanh(0.5f * Math.min(v, 0f));
            out[i] = Math.max(v, 0f) + ELU_ALPHA * (2f * t / (1f - t));
        }
    }

    /** As {@link #elu}, with the derivative {@code expm1(z) + 1 = e^z} for z <= 0 and 1 for z > 0 (alpha 1). */
    private static void eluWithDerivative(float[] z, float[] out, float[] d, int len) {
        for (int i = 0; i < len; i++) {
            float v = z[i];
            float t = FastMath.tanh(0.5f * Math.min(v, 0f));
            float e = ELU_ALPHA * (2f * t / (1f - t));
            out[i] = Math.max(v, 0f) + e;
            d[i] = e + 1f;
        }
    }

    /** {@code 0.5 z (1 + tanh(c (z + k z^3)))}; beyond |z| = 10 tanh is +-1 in float: z clamped there. */
    private static void gelu(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            float v = z[i];
            float c = Math.max(-10f, Math.min(10f, v));
            float t = FastMath.tanh(GELU_C * (c + GELU_K * c * c * c));
            out[i] = 0.5f * v * (1f + t);
        }
    }

    /**
     * As {@link #gelu}, with {@code 0.5 (1 + t) + 0.5 z (1 - t^2) c (1 + 3 k z^2)}. Two loops, {@code t} first
     * (into {@code d}): C2 does not vectorise the single loop (10 ns an element against 1).
     */
    private static void geluWithDerivative(float[] z, float[] out, float[] d, int len) {
        for (int i = 0; i < len; i++) {
            float c = Math.max(-10f, Math.min(10f, z[i]));
            d[i] = FastMath.tanh(GELU_C * (c + GELU_K * c * c * c));
        }
        for (int i = 0; i < len; i++) {
            float v = z[i];
            float c = Math.max(-10f, Math.min(10f, v));
            float t = d[i];
            out[i] = 0.5f * v * (1f + t);
            d[i] = 0.5f * (1f + t) + 0.5f * c * (1f - t * t) * GELU_C * (1f + 3f * GELU_K * c * c);
        }
    }

    private static void tanh(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            out[i] = FastMath.tanh(z[i]);
        }
    }

    /** With the derivative {@code 1 - t^2}. */
    private static void tanhWithDerivative(float[] z, float[] out, float[] d, int len) {
        for (int i = 0; i < len; i++) {
            float t = FastMath.tanh(z[i]);
            out[i] = t;
            d[i] = 1f - t * t;
        }
    }

    /** {@code sigmoid(z) = (1 + tanh(z / 2)) / 2}. */
    private static void sigmoid(float[] z, float[] out, int len) {
        for (int i = 0; i < len; i++) {
            out[i] = 0.5f + 0.5f * FastMath.tanh(0.5f * z[i]);
        }
    }

    /** With the derivative {@code s (1 - s) = (1 - t^2) / 4}. */
    private static void sigmoidWithDerivative(float[] z, float[] out, float[] d, int len) {
        for (int i = 0; i < len; i++) {
            float t = FastMath.tanh(0.5f * z[i]);
            out[i] = 0.5f + 0.5f * t;
            d[i] = 0.25f * (1f - t * t);
        }
    }

    /** {@code dh *= [h > 0] * scale} for ReLU outputs {@code h >= 0}. */
    static void reluBackward(float[] dh, float[] h, int len, float scale) {
        for (int i = 0; i < len; i++) {
            dh[i] = dh[i] * FastMath.step(h[i]) * scale;
        }
    }

    /** {@code max[i] = Math.max(max[i], row[i])}. */
    static void maxInto(float[] max, float[] row, int len) {
        for (int i = 0; i < len; i++) {
            max[i] = Math.max(max[i], row[i]);
        }
    }

    /** {@code row[i] = exp(row[i] - max[i])} for {@code row[i] <= max[i]}. */
    static void expShifted(float[] row, float[] max, int len) {
        for (int i = 0; i < len; i++) {
            row[i] = FastMath.expNonPositive(row[i] - max[i]);
        }
    }

    /** {@code total[i] += row[i]}. */
    static void addInto(float[] total, float[] row, int len) {
        for (int i = 0; i < len; i++) {
            total[i] += row[i];
        }
    }

    /** {@code a[i] *= m[i]}. */
    static void multiply(float[] a, float[] m, int len) {
        for (int i = 0; i < len; i++) {
            a[i] *= m[i];
        }
    }
}
