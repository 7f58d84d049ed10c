package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.engine.model.DenseLayer;
import dev.mlpmaven.engine.model.InputScaling;
import dev.mlpmaven.engine.model.TrainedModel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of an MLP. Layer {@code l} keeps its weights and bias together as one c-order matrix
 * {@code W} of shape {@code out x (in + 1)}: row {@code o} holds the weights into output {@code o} (PyTorch's
 * layout) followed by its bias. Activations travel with a constant 1 appended (a ones column of the input batch,
 * a ones row of each hidden activation), so one gemm computes {@code W x + b} and one gemm its gradient including
 * the bias's. The last layer is the softmax output.
 */
final class Network {
    /** One dense layer; {@code activation} is null for the softmax output layer. */
    static final class Layer {
        final int in;
        final int out;
        final Activation activation;
        final double dropout;
        final Init init;
        /** Where {@code W} starts in the network's parameter buffer (and the gradient in the gradient buffer). */
        final int offset;
        /** {@code out x (in+1)}: weights then bias in the last column. */
        Gemm.Mat wm;
        FloatBuffer wf;
        /** Gradient of {@code W}, same shape; null on the fused plain-SGD path. */
        Gemm.Mat gm;
        FloatBuffer gf;

        Layer(int in, int out, Activation activation, double dropout, Init init, int offset) {
            this.in = in;
            this.out = out;
            this.activation = activation;
            this.dropout = dropout;
            this.init = init;
            this.offset = offset;
        }

        int size() {
            return out * (in + 1);
        }

        boolean isOutput() {
            return activation == null;
        }
    }

    /** Each layer's parameters start at a multiple of this many floats (64 bytes: a cache line). */
    static final int ALIGN = 16;

    final int inputSize;
    final int numClasses;
    final Layer[] layers;
    /**
     * Every layer's {@code W} one after the other (each padded to {@link #ALIGN} floats with zeros), so that an
     * optimizer updates all parameters in one loop: {@code paramCount} floats.
     */
    final INDArray params;
    final FloatBuffer pf;
    final int paramCount;
    /** The gradients, laid out like {@link #params}; null until {@link #allocateGradients()}. */
    INDArray grads;
    FloatBuffer gradf;

    Network(int inputSize, List<LayerSpec> hidden, int numClasses) {
        this.inputSize = inputSize;
        this.numClasses = numClasses;
        this.layers = new Layer[hidden.size() + 1];
        int in = inputSize;
        long offset = 0;
        for (int l = 0; l <= hidden.size(); l++) {
            boolean output = l == hidden.size();
            LayerSpec s = output ? null : hidden.get(l);
            int out = output ? numClasses : s.units();
            layers[l] = output ? new Layer(in, out, null, 0, outputInit(hidden), (int) offset)
                    : new Layer(in, out, s.activation(), s.dropout(),
                    s.init() != null ? s.init() : s.activation().defaultInit(), (int) offset);
            offset += ((long) out * (in + 1) + ALIGN - 1) / ALIGN * ALIGN;
            in = out;
        }
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network: found " + offset + " parameters, expected at most "
                    + Integer.MAX_VALUE);
        }
        paramCount = (int) offset;
        params = Natives.zeros(paramCount);
        pf = Natives.floats(params);
        for (Layer layer : layers) {
            layer.wm = new Gemm.Mat(params, layer.offset, layer.out, layer.in + 1);
            layer.wf = slice(pf, layer.offset, layer.size());
        }
    }

    boolean hasDropout() {
        for (Layer layer : layers) {
            if (layer.dropout > 0) {
                return true;
            }
        }
        return false;
    }

    /** Allocates the gradient buffer (every optimizer but the fused plain SGD needs it); idempotent. */
    void allocateGradients() {
        if (grads == null) {
            grads = Natives.zeros(paramCount);
            gradf = Natives.floats(grads);
            for (Layer layer : layers) {
                layer.gm = new Gemm.Mat(grads, layer.offset, layer.out, layer.in + 1);
                layer.gf = slice(gradf, layer.offset, layer.size());
            }
        }
    }

    private static FloatBuffer slice(FloatBuffer all, int offset, int length) {
        return all.slice(offset, length); // index 0 of the slice is float offset of the buffer
    }

    /** Xavier for the softmax layer, unless every hidden layer uses PyTorch's default: then that one too. */
    static Init outputInit(List<LayerSpec> hidden) {
        boolean uniform = !hidden.isEmpty() && hidden.stream().allMatch(s -> s.init() == Init.UNIFORM);
        return uniform ? Init.UNIFORM : Init.XAVIER;
    }

    /** A network holding the weights of a trained model (copied). */
    static Network of(TrainedModel m) {
        List<LayerSpec> hidden = new ArrayList<>();
        List<DenseLayer> ls = m.layers();
        for (int l = 0; l < ls.size() - 1; l++) {
            hidden.add(new LayerSpec(ls.get(l).out(), activationOf(ls.get(l).activation()), 0, null));
        }
        Network net = new Network(m.inputSize(), hidden, m.numClasses());
        for (int l = 0; l < ls.size(); l++) {
            DenseLayer d = ls.get(l);
            Layer layer = net.layers[l];
            if (d.in() != layer.in) {
                throw new IllegalArgumentException("layer " + (l + 1) + ": found " + d.in() + " inputs, expected "
                        + layer.in);
            }
            for (int o = 0; o < d.out(); o++) {
                layer.wf.put(o * (d.in() + 1), d.weights(), o * d.in(), d.in());
                layer.wf.put(o * (d.in() + 1) + d.in(), d.bias()[o]);
            }
        }
        return net;
    }

    static Activation activationOf(String name) {
        Activation a = Activation.of(name);
        if (a == null) {
            throw new IllegalArgumentException("activation: found \"" + name + "\", expected one of "
                    + Activation.names());
        }
        return a;
    }

    /**
     * Seeded initialisation: He normal ({@code N(0, 2/in)}) or Xavier uniform ({@code U(+-sqrt(6/(in+out)))}) with
     * biases zero, or PyTorch's {@code nn.Linear} default ({@code U(+-1/sqrt(in))} for weights and biases). The
     * softmax layer uses Xavier (see {@link #outputInit}). Consumes {@code rng} layer by layer, row by row.
     */
    void initialise(SplittableRandom rng) {
        for (Layer layer : layers) {
            int stride = layer.in + 1;
            double he = Math.sqrt(2.0 / layer.in);
            double xavier = Math.sqrt(6.0 / (layer.in + layer.out));
            double uniform = 1.0 / Math.sqrt(layer.in);
            for (int o = 0; o < layer.out; o++) {
                for (int i = 0; i < layer.in; i++) {
                    double v = switch (layer.init) {
                        case HE -> rng.nextGaussian() * he;
                        case XAVIER -> (2 * rng.nextDouble() - 1) * xavier;
                        case UNIFORM -> (2 * rng.nextDouble() - 1) * uniform;
                    };
                    layer.wf.put(o * stride + i, (float) v);
                }
                double bias = layer.init == Init.UNIFORM ? (2 * rng.nextDouble() - 1) * uniform : 0;
                layer.wf.put(o * stride + layer.in, (float) bias);
            }
        }
    }

    /** A copy of every parameter (for keeping the best epoch's weights). */
    float[][] snapshot() {
        float[][] s = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            s[l] = new float[layers[l].size()];
            layers[l].wf.get(0, s[l]);
        }
        return s;
    }

    void restore(float[][] s) {
        for (int l = 0; l < layers.length; l++) {
            layers[l].wf.put(0, s[l]);
        }
    }

    TrainedModel toModel(InputScaling scaling, List<String> classNames) {
        List<DenseLayer> out = new ArrayList<>();
        for (Layer layer : layers) {
            float[] w = new float[layer.out * layer.in];
            float[] b = new float[layer.out];
            for (int o = 0; o < layer.out; o++) {
                layer.wf.get(o * (layer.in + 1), w, o * layer.in, layer.in);
                b[o] = layer.wf.get(o * (layer.in + 1) + layer.in);
            }
            String act = layer.isOutput() ? "softmax" : layer.activation.yamlName();
            out.add(new DenseLayer(layer.in, layer.out, act, w, b));
        }
        return new TrainedModel(inputSize, out, scaling, classNames);
    }

    /** Frees the parameters' off-heap memory; the network is unusable afterwards. */
    void release() {
        Natives.release(params, grads);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(inputSize);
        for (Layer l : layers) {
            sb.append('-').append(l.out).append(l.isOutput() ? "(softmax)" : "(" + l.activation.yamlName() + ")");
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
