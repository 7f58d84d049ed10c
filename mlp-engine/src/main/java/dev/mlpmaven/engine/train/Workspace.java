package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

import dev.mlpmaven.engine.train.Gemm.Mat;
import dev.mlpmaven.engine.train.Network.Layer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every buffer one forward/backward pass of up to {@code maxBatch} samples needs, allocated once.
 *
 * <p>Shapes (c-order, {@code B} the batch, {@code in0} the input width, {@code u_l} the units of hidden layer l,
 * {@code C} the classes):
 * <pre>
 *   x       B x (in0+1)     input batch, one sample a row, last column all ones (written once)
 *   h[l]    (u_l+1) x B     hidden activation, one sample a column, last row all ones; gemm writes the
 *                           pre-activation into its first u_l rows and the activation replaces it in place
 *   d[l]    u_l x B         (Java array, training, not ReLU) the activation's derivative times the dropout mask
 *   dh[l]   (u_l+1) x B     gradient w.r.t. h[l] (last row unused), turned into the one w.r.t. z[l] in place
 *   logits  C x B           logits, then probabilities, then dLoss/dlogits
 * </pre>
 * A batch smaller than {@code maxBatch} uses matrices of its own shape over the start of the same memory
 * ({@link #views(int)}, cached), so gemm always sees contiguous matrices and nothing is allocated per batch.
 */
final class Workspace {
    /** Arrays of one batch size over the workspace's memory. */
    static final class Views {
        final int b;
        final Mat x;
        final Mat[] hRows;  // u_l x b: what gemm writes, the activation replaces in place
        final Mat[] hAug;   // (u_l+1) x b: what the next layer reads
        final Mat[] dhAug;  // (u_l+1) x b, training only
        final Mat[] dhRows; // u_l x b, training only
        final Mat logits;

        Views(Workspace ws, int b) {
            this.b = b;
            Network net = ws.net;
            int hidden = net.layers.length - 1;
            x = new Mat(ws.x, b, net.inputSize + 1);
            hRows = new Mat[hidden];
            hAug = new Mat[hidden];
            dhAug = new Mat[hidden];
            dhRows = new Mat[hidden];
            for (int l = 0; l < hidden; l++) {
                int u = net.layers[l].out;
                hRows[l] = new Mat(ws.h[l], u, b);
                hAug[l] = new Mat(ws.h[l], u + 1, b);
                if (ws.training) {
                    dhAug[l] = new Mat(ws.dh[l], u + 1, b);
                    dhRows[l] = new Mat(ws.dh[l], u, b);
                }
            }
            logits = new Mat(ws.logits, net.numClasses, b);
        }
    }

    final Network net;
    final int maxBatch;
    final boolean training;
    final INDArray x;
    final FloatBuffer xf;
    final INDArray[] h;
    final FloatBuffer[] hf;
    /** Training, activations other than ReLU: {@code act'(z) * mask}, {@code u_l x b}. */
    final float[][] d;
    final INDArray[] dh;
    final FloatBuffer[] dhf;
    final INDArray logits;
    final FloatBuffer lf;
    /** The dropout mask of each hidden layer in the last training forward pass (null: none). */
    final Kernels.Mask[] masks;
    private final Kernels kernels = new Kernels();
    /** Java copies for the softmax: the logits ({@code C x maxBatch}), and per sample the maximum and the sum. */
    private final float[] smAll;
    private final float[] smMax;
    private final float[] smTotal;
    private final float[] smRow;
    private final Map<Integer, Views> views = new HashMap<>();
    private Views recent;
    private int onesFor = -1;
    /** Per-phase timing for benchmarks; null: off. */
    StepProfile profile;

    Workspace(Network net, int maxBatch, boolean training) {
        this.net = net;
        this.maxBatch = maxBatch;
        this.training = training;
        int hidden = net.layers.length - 1;
        int in = net.inputSize;
        x = Natives.zeros(maxBatch, in + 1L);
        xf = Natives.floats(x);
        for (int r = 0; r < maxBatch; r++) {
            xf.put(r * (in + 1) + in, 1f);
        }
        h = new INDArray[hidden];
        hf = new FloatBuffer[hidden];
        d = new float[hidden][];
        dh = new INDArray[hidden];
        dhf = new FloatBuffer[hidden];
        masks = new Kernels.Mask[hidden];
        for (int l = 0; l < hidden; l++) {
            Layer layer = net.layers[l];
            h[l] = Natives.zeros(layer.out + 1L, maxBatch);
            hf[l] = Natives.floats(h[l]);
            if (training) {
                dh[l] = Natives.zeros(layer.out + 1L, maxBatch);
                dhf[l] = Natives.floats(dh[l]);
                if (layer.activation != dev.mlpmaven.config.Activation.RELU) {
                    d[l] = new float[layer.out * maxBatch];
                }
            }
        }
        logits = Natives.zeros(net.numClasses, maxBatch);
        lf = Natives.floats(logits);
        smAll = new float[net.numClasses * maxBatch];
        smMax = new float[maxBatch];
        smTotal = new float[maxBatch];
        smRow = new float[maxBatch];
    }

    /** Frees the buffers' off-heap memory; the workspace is unusable afterwards. */
    void release() {
        Natives.release(x, logits);
        Natives.release(h);
        Natives.release(dh);
        views.clear();
        recent = null;
    }

    /** The arrays for batch size {@code b}, with the ones rows of the hidden activations in place. */
    Views views(int b) {
        if (b < 1 || b > maxBatch) {
            throw new IllegalArgumentException("batch: found " + b + ", expected 1.." + maxBatch);
        }
        Views v = recent != null && recent.b == b ? recent : views.computeIfAbsent(b, k -> new Views(this, k));
        recent = v; // the full batch size hits here, without boxing the key: nothing is allocated per batch
        if (onesFor != b) {
            for (int l = 0; l < h.length; l++) {
                int u = net.layers[l].out;
                for (int j = 0; j < b; j++) {
                    hf[l].put(u * b + j, 1f);
                }
            }
            onesFor = b;
        }
        return v;
    }

    /**
     * Writes the pixels of samples {@code order[start .. start+b)} into rows of {@code x}, mapping each byte through
     * {@code lut}, and their labels into {@code y}.
     */
    void gather(int b, byte[] pixels, int pixelsPerImage, byte[] labels, int[] order, int start, float[] lut,
                int[] y, float[] row) {
        int stride = net.inputSize + 1;
        for (int r = 0; r < b; r++) {
            int s = order == null ? start + r : order[start + r];
            int base = s * pixelsPerImage;
            for (int k = 0; k < pixelsPerImage; k++) {
                row[k] = lut[pixels[base + k] & 0xFF];
            }
            xf.put(r * stride, row, 0, pixelsPerImage);
            y[r] = labels[s] & 0xFF;
        }
    }

    /**
     * Writes the encoded rows (a table's floats) of samples {@code order[start .. start+b)} into rows of {@code x},
     * and their labels into {@code y}; {@code order} null: the samples {@code start .. start+b)}.
     */
    void gather(int b, dev.mlpmaven.engine.data.Features features, byte[] labels, int[] order, int start, int[] y) {
        int stride = net.inputSize + 1;
        int width = features.width();
        float[] values = features.values();
        for (int r = 0; r < b; r++) {
            int s = order == null ? start + r : order[start + r];
            xf.put(r * stride, values, s * width, width);
            y[r] = labels[s] & 0xFF;
        }
    }

    /**
     * Copies the converted rows (pixels and the constant 1) of samples {@code order[start .. start+b)} into the
     * rows of {@code x}, and their labels into {@code y}.
     */
    void gather(int b, ScaledInputs inputs, byte[] labels, int[] order, int start, int[] y) {
        int stride = inputs.stride;
        FloatBuffer src = inputs.floats;
        for (int r = 0; r < b; r++) {
            int s = order[start + r];
            xf.put(r * stride, src, s * stride, stride);
            y[r] = labels[s] & 0xFF;
        }
    }

    /** Forward pass without dropout (evaluation, or a training step of a network without dropout). */
    void forward(Views v) {
        forward(v, 0, -1);
    }

    /**
     * Forward pass of the batch in {@code x}; logits end in {@code logits}. In training, layers with dropout draw
     * their mask from {@link Dropout#key}{@code (dropoutSeed, step, l)}; {@code step < 0}: no dropout.
     */
    void forward(Views v, long dropoutSeed, long step) {
        Layer[] layers = net.layers;
        int b = v.b;
        Mat a = v.x;
        boolean transB = true; // layer 0 reads x (b x in), the others h (in x b)
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            if (layer.isOutput()) {
                Gemm.gemm(layer.wm, a, v.logits, false, transB, 1.0, 0.0);
                mark(StepProfile.Phase.FORWARD_GEMM);
                break;
            }
            Gemm.gemm(layer.wm, a, v.hRows[l], false, transB, 1.0, 0.0);
            mark(StepProfile.Phase.FORWARD_GEMM);
            boolean dropout = training && step >= 0 && layer.dropout > 0;
            masks[l] = dropout ? Kernels.Mask.of(Dropout.key(dropoutSeed, step, l), layer.dropout) : null;
            kernels.forward(layer.activation, hf[l], layer.out * b, training ? d[l] : null, masks[l]);
            mark(StepProfile.Phase.ACTIVATION);
            a = v.hAug[l];
            transB = false;
        }
    }

    private void mark(StepProfile.Phase p) {
        if (profile != null) {
            profile.mark(p);
        }
    }

    /**
     * Softmax cross-entropy of the logits against {@code y}. Returns the summed loss of the batch. With
     * {@code gradient}, replaces the logits by {@code dLoss/dlogits = (softmax - onehot) / b} (the loss being
     * the batch mean); otherwise, when {@code predicted} is given, stores the arg-max and its probability.
     *
     * <p>The logits are class-major ({@code C x b}), so each step is a loop over the batch for one class, on a Java
     * copy, which C2 vectorises: the per-sample maximum, {@code e = exp(z - max)} ({@link FastMath#expNonPositive}),
     * their sum; then {@code loss_j = log(sum_j) - (z_yj - max_j)} with {@code StrictMath.log}, one per sample.
     */
    double softmaxCrossEntropy(Views v, int[] y, boolean gradient, int[] predicted, float[] confidence, int offset) {
        int b = v.b;
        int classes = net.numClasses;
        float[] e = smAll;
        float[] max = smMax;
        float[] total = smTotal;
        float[] row = smRow;
        lf.get(0, e, 0, classes * b);
        if (predicted != null) { // the first class of the largest logit, from the logits themselves
            for (int j = 0; j < b; j++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int c = 0; c < classes; c++) {
                    if (e[c * b + j] > best) {
                        best = e[c * b + j];
                        arg = c;
                    }
                }
                predicted[offset + j] = arg;
            }
        }
        System.arraycopy(e, 0, max, 0, b);
        for (int c = 1; c < classes; c++) {
            System.arraycopy(e, c * b, row, 0, b);
            Kernels.maxInto(max, row, b); // NaN propagates: a NaN logit makes the loss NaN
        }
        java.util.Arrays.fill(total, 0, b, 0f);
        for (int c = 0; c < classes; c++) {
            System.arraycopy(e, c * b, row, 0, b);
            Kernels.expShifted(row, max, b);
            Kernels.addInto(total, row, b);
            System.arraycopy(row, 0, e, c * b, b);
        }
        double sum = 0;
        for (int j = 0; j < b; j++) {
            float zyShifted = lf.get(y[j] * b + j) - max[j];
            double loss = (float) StrictMath.log(total[j]) - zyShifted; // -log softmax_y; NaN for a NaN/infinite logit
            sum += loss;
            if (!gradient && predicted != null) {
                confidence[offset + j] = 1f / total[j]; // exp(max - max) / total
            }
        }
        if (gradient) {
            float invB = 1f / b;
            for (int j = 0; j < b; j++) {
                total[j] = invB / total[j];
            }
            for (int c = 0; c < classes; c++) {
                System.arraycopy(e, c * b, row, 0, b);
                Kernels.multiply(row, total, b);
                System.arraycopy(row, 0, e, c * b, b);
            }
            for (int j = 0; j < b; j++) {
                e[y[j] * b + j] -= invB;
            }
            lf.put(0, e, 0, classes * b);
        }
        return sum;
    }

    /**
     * Backward pass after {@link #softmaxCrossEntropy} with gradient. With {@code fusedSgd} (plain SGD) each
     * layer's update {@code W -= rate * dW} is fused into the gemm that computes {@code dW}, after the gradient
     * flowing to the layer below has been computed from the old {@code W}; otherwise {@code dW} goes into the
     * network's gradient buffer for an optimizer.
     */
    void backward(Views v, boolean fusedSgd, double sgdRate) {
        Layer[] layers = net.layers;
        for (int l = layers.length - 1; l >= 0; l--) {
            Layer layer = layers[l];
            Mat dz = layer.isOutput() ? v.logits : v.dhRows[l];      // out x b
            if (l > 0) {
                Gemm.gemm(layer.wm, dz, v.dhAug[l - 1], true, false, 1.0, 0.0); // (in+1) x b
            }
            Mat a = l == 0 ? v.x : v.hAug[l - 1];
            boolean transB = l > 0; // dW = dz . x (x is b x (in+1)) or dz . h^T (h is (in+1) x b)
            if (fusedSgd) {
                Gemm.gemm(dz, a, layer.wm, false, transB, -sgdRate, 1.0);
            } else {
                Gemm.gemm(dz, a, layer.gm, false, transB, 1.0, 0.0);
            }
            mark(StepProfile.Phase.BACKWARD_GEMM);
            if (l > 0) {
                int below = l - 1;
                Kernels.Mask m = masks[below];
                kernels.backward(dhf[below], hf[below], layers[below].out * v.b, d[below],
                        m == null ? 1f : m.scale());
                mark(StepProfile.Phase.ACTIVATION_BACKWARD);
            }
        }
    }
}
