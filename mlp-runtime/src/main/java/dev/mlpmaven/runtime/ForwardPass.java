package dev.mlpmaven.runtime;

import java.util.List;

/**
 * The batched forward pass, in {@code float}, deterministic: the same bits on every JVM and CPU.
 *
 * <p>Per layer and row: {@code z[o] = bias[o] + x[0] W[0][o] + x[1] W[1][o] + ...}, summed in {@code float} strictly
 * in increasing input index {@code i}: {@code ((bias + x0 w0) + x1 w1) + ...} (Java float arithmetic is IEEE-754
 * binary32 with round-to-nearest; the JIT never reassociates it nor fuses a multiply and an add into an FMA, so
 * this order fixes the result). Inputs are taken in groups of four consecutive indices, and a group whose four
 * inputs are all zero is skipped: adding {@code 0 * w} (weights are finite) could change only the sign of a zero
 * sum, never a non-zero value. The hidden activations and the softmax are computed in {@code double} with
 * {@link StrictMath} (relu and leaky_relu directly in float) and rounded to {@code float}.
 *
 * <p>Speed: the weights are stored transposed, one array per input ({@code Wt[i][o]}), so the inner loop is
 * {@code acc[r][o] = (((acc[r][o] + x0 Wt[i][o]) + x1 Wt[i+1][o]) + x2 Wt[i+2][o]) + x3 Wt[i+3][o]} over
 * contiguous {@code o}, all arrays indexed by {@code o} alone, which C2 compiles to SIMD multiplies and adds (an
 * axpy; it does not vectorise float dot-product reductions). Rows are processed in blocks of {@link #BLOCK}, so four
 * weight rows are read from memory once per block and reused from the L1 cache for every row of the block.
 */
final class ForwardPass {
    /** Rows per block. */
    static final int BLOCK = 16;

    private final int[] in;
    private final int[] out;
    private final Activation[] activation;
    private final float[][][] weightsT;
    private final float[][] bias;
    private final int maxWidth;

    ForwardPass(List<Layer> layers) {
        int n = layers.size();
        this.in = new int[n];
        this.out = new int[n];
        this.activation = new Activation[n];
        this.weightsT = new float[n][][];
        this.bias = new float[n][];
        int max = 0;
        for (int l = 0; l < n; l++) {
            Layer layer = layers.get(l);
            int li = layer.in();
            int lo = layer.out();
            in[l] = li;
            out[l] = lo;
            activation[l] = layer.activation();
            bias[l] = layer.bias().clone();
            float[] w = layer.weights();
            float[][] t = new float[li][lo];
            for (int o = 0; o < lo; o++) {
                for (int i = 0; i < li; i++) {
                    t[i][o] = w[o * li + i];
                }
            }
            weightsT[l] = t;
            max = Math.max(max, lo);
        }
        this.maxWidth = max;
    }

    /** The layer {@code l} in file layout ({@code [out][in]}), a fresh copy. */
    Layer layer(int l) {
        float[][] t = weightsT[l];
        float[] w = new float[in[l] * out[l]];
        for (int o = 0; o < out[l]; o++) {
            for (int i = 0; i < in[l]; i++) {
                w[o * in[l] + i] = t[i][o];
            }
        }
        return new Layer(in[l], out[l], activation[l], w, bias[l].clone());
    }

    int layers() {
        return in.length;
    }

    /** The output width of layer {@code l}. */
    int width(int l) {
        return out[l];
    }

    /**
     * Class probabilities of {@code rows[from .. from + count)}, each of the first layer's width (checked by
     * the caller), into {@code result[from ..]}.
     */
    void run(float[][] rows, int from, int count, float[][] result) {
        int classes = out[out.length - 1];
        int block = Math.min(BLOCK, count);
        float[][] a = new float[block][maxWidth];
        float[][] b = new float[block][maxWidth];
        float[][] src = new float[block][];
        for (int start = from; start < from + count; start += block) {
            int n = Math.min(block, from + count - start);
            System.arraycopy(rows, start, src, 0, n);
            float[][] dst = a;
            for (int l = 0; l < in.length; l++) {
                dense(l, src, dst, n);
                if (l < in.length - 1) {
                    for (int r = 0; r < n; r++) {
                        activate(activation[l], dst[r], out[l]);
                    }
                    System.arraycopy(dst, 0, src, 0, n);
                    dst = dst == a ? b : a;
                }
            }
            for (int r = 0; r < n; r++) {
                result[start + r] = softmax(dst[r], classes);
            }
        }
    }

    /** {@code dst[r][0 .. out) = bias + src[r] . W} for {@code r < n}, in the order of the class comment. */
    private void dense(int l, float[][] src, float[][] dst, int n) {
        int width = out[l];
        int fanIn = in[l];
        float[][] wt = weightsT[l];
        for (int r = 0; r < n; r++) {
            System.arraycopy(bias[l], 0, dst[r], 0, width);
        }
        int i = 0;
        for (; i + 4 <= fanIn; i += 4) {
            float[] w0 = wt[i];
            float[] w1 = wt[i + 1];
            float[] w2 = wt[i + 2];
            float[] w3 = wt[i + 3];
            for (int r = 0; r < n; r++) {
                float[] x = src[r];
                float x0 = x[i];
                float x1 = x[i + 1];
                float x2 = x[i + 2];
                float x3 = x[i + 3];
                if (x0 != 0f || x1 != 0f || x2 != 0f || x3 != 0f) {
                    axpy4(x0, w0, x1, w1, x2, w2, x3, w3, dst[r], width);
                }
            }
        }
        for (; i < fanIn; i++) {
            float[] w0 = wt[i];
            for (int r = 0; r < n; r++) {
                float x0 = src[r][i];
                if (x0 != 0f) {
                    axpy1(x0, w0, dst[r], width);
                }
            }
        }
    }

    /** {@code y[o] = (((y[o] + a0 x0[o]) + a1 x1[o]) + a2 x2[o]) + a3 x3[o]}: the loop C2 vectorises. */
    private static void axpy4(float a0, float[] x0, float a1, float[] x1, float a2, float[] x2, float a3, float[] x3,
                              float[] y, int n) {
        for (int o = 0; o < n; o++) {
            y[o] = (((y[o] + a0 * x0[o]) + a1 * x1[o]) + a2 * x2[o]) + a3 * x3[o];
        }
    }

    /** {@code y[o] += a x[o]}. */
    private static void axpy1(float a, float[] x, float[] y, int n) {
        for (int o = 0; o < n; o++) {
            y[o] += a * x[o];
        }
    }

    private static void activate(Activation act, float[] z, int n) {
        switch (act) {
            case RELU -> {
                for (int k = 0; k < n; k++) {
                    z[k] = z[k] > 0f ? z[k] : 0f;
                }
            }
            case LEAKY_RELU -> {
                for (int k = 0; k < n; k++) {
                    z[k] = z[k] > 0f ? z[k] : (float) (Activation.LEAKY_SLOPE * z[k]);
                }
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    z[k] = (float) act.apply(z[k]);
                }
            }
        }
    }

    private static float[] softmax(float[] z, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < n; o++) {
            max = Math.max(max, z[o]);
        }
        double[] e = new double[n];
        double total = 0;
        for (int o = 0; o < n; o++) {
            e[o] = StrictMath.exp(z[o] - max);
            total += e[o];
        }
        float[] p = new float[n];
        for (int o = 0; o < n; o++) {
            p[o] = (float) (e[o] / total);
        }
        return p;
    }
}
