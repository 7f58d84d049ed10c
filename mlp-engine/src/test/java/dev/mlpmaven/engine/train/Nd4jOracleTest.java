package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.model.InputScaling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ND4J as the oracle of the fast path. For every activation x every optimizer (and SGD's variants, and clipping)
 * x dropout off/on, two training steps of a small network (16-7-5-3) run through the engine's {@link TrainingStep}
 * (first a full batch of 8, then a partial batch of 5) and, independently, through plain ND4J INDArray operations
 * in double precision: {@code mmul} and broadcasting for the layers, ND4J's own activations
 * ({@code ActivationReLU}, ... {@code getActivation}/{@code backprop}; GELU composed from {@code Transforms.tanh},
 * because ND4J's GELU is another approximation), {@code LossMCXENT} with {@code ActivationSoftmax} for the loss and
 * its gradient, ND4J's updaters ({@code Sgd}, {@code Nesterovs}, {@code Adam}, {@code RmsProp}) and regularisers
 * ({@code L2Regularization} for coupled decay, {@code WeightDecay} for AdamW). After each step the loss, every
 * gradient and every parameter must agree within {@link #REL} relative (see {@link #assertClose}).
 *
 * <p>Dropout uses the same mask on both sides: the oracle recomputes it from its definition ({@link Dropout#kept})
 * with the key the fast path used in that step.
 *
 * <p>Where ND4J's updaters are defined differently from PyTorch's (which the engine follows), the oracle's
 * configuration is chosen so that they compute the same thing: ND4J's Adam adds epsilon to {@code sqrt(v)} before
 * the bias correction, so it gets {@code epsilon * sqrt(1 - beta2^t)} at step t; ND4J's RMSprop starts its
 * average at epsilon and adds it inside the square root, so the RMSprop case uses epsilon {@code 1e-20}, where the
 * two definitions agree for every gradient element above 1e-9. SGD with momentum but without Nesterov has no ND4J updater: INDArray operations.
 */
class Nd4jOracleTest {
    /** Relative agreement required of losses, gradients and parameters. */
    static final double REL = 1e-5;
    private static final int SIDE = 4;
    private static final int IN = SIDE * SIDE;
    private static final int CLASSES = 3;
    private static final int BATCH = 8;
    private static final int PARTIAL = 5;
    private static final double DROPOUT = 0.3;

    @BeforeAll
    static void natives() {
        Natives.init();
    }

    /** An optimizer configuration and the learning rate of its two steps. */
    record Opt(String name, OptimizerSpec spec) {
        @Override
        public String toString() {
            return name;
        }
    }

    static OptimizerSpec spec(OptimizerType type, double lr, double momentum, boolean nesterov, double wd,
                              double epsilon, double clip) {
        return new OptimizerSpec(type, lr, momentum, nesterov, wd, 0.9, 0.999, 0.9, epsilon, clip,
                ScheduleSpec.CONSTANT);
    }

    static List<Opt> optimizers() {
        return List.of(
                new Opt("sgd (fused)", spec(OptimizerType.SGD, 0.5, 0, false, 0, 1e-8, 0)),
                new Opt("sgd nesterov weightDecay", spec(OptimizerType.SGD, 0.3, 0.9, true, 0.05, 1e-8, 0)),
                new Opt("sgd momentum clipNorm", spec(OptimizerType.SGD, 0.3, 0.9, false, 0, 1e-8, 0.05)),
                new Opt("adam weightDecay", spec(OptimizerType.ADAM, 0.01, 0, false, 0.05, 1e-3, 0)),
                new Opt("adamw", spec(OptimizerType.ADAMW, 0.01, 0, false, 0.1, 1e-3, 0)),
                new Opt("adamw clipNorm", spec(OptimizerType.ADAMW, 0.01, 0, false, 0.1, 1e-3, 0.05)),
                new Opt("rmsprop weightDecay", spec(OptimizerType.RMSPROP, 0.01, 0, false, 0.05, 1e-20, 0)));
    }

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (Activation act : Activation.values()) {
            for (Opt opt : optimizers()) {
                all.add(Arguments.of(act, opt, 0.0));
                all.add(Arguments.of(act, opt, DROPOUT));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}, dropout {2}")
    @MethodSource("configurations")
    void fast_path_agrees_with_nd4j_for_a_full_and_a_partial_batch(Activation act, Opt opt, double dropout) {
        Network net = new Network(IN, TestData.hidden(act, dropout, 7, 5), CLASSES);
        net.initialise(new SplittableRandom(act.ordinal() * 31L + 5));
        for (Network.Layer layer : net.layers) { // non-zero biases, so that their gradients matter
            for (int o = 0; o < layer.out; o++) {
                layer.wf.put(o * (layer.in + 1) + layer.in, 0.07f * o - 0.11f);
            }
        }
        DataSplit data = TestData.tinySplit(BATCH + PARTIAL, SIDE, CLASSES, 4);
        float[] lut = PixelScaling.lookupTable(InputScaling.UNIT);
        Workspace ws = new Workspace(net, BATCH, true);
        TrainingStep fast = new TrainingStep(net, ws, opt.spec(), 1234);
        Oracle oracle = new Oracle(net, act, opt.spec());
        int[] y = new int[BATCH];
        float[] row = new float[IN];
        try {
            for (int s = 0; s < 2; s++) {
                int b = s == 0 ? BATCH : PARTIAL;
                int start = s == 0 ? 0 : BATCH;
                String where = String.format(Locale.ROOT, "%s, %s, dropout %s, step %d (batch %d)", act, opt,
                        dropout, s + 1, b);
                ws.gather(b, data.images().pixels(), IN, data.labels().labels(), null, start, lut, y, row);
                Workspace.Views v = ws.views(b);
                double loss = fast.forward(v, y) / b;
                double[][] masks = masks(ws, net, b);
                fast.update(v, opt.spec().learningRate());

                double[][] x = new double[b][IN];
                for (int r = 0; r < b; r++) {
                    for (int k = 0; k < IN; k++) {
                        x[r][k] = ws.xf.get(r * (IN + 1) + k);
                    }
                }
                double oracleLoss = oracle.step(x, java.util.Arrays.copyOf(y, b), masks, s);
                assertThat(Math.abs(loss - oracleLoss)).as("%s: loss %s, ND4J %s", where, loss, oracleLoss)
                        .isLessThanOrEqualTo(REL * Math.abs(oracleLoss));
                WORST[0] = Math.max(WORST[0], Math.abs(loss - oracleLoss) / Math.abs(oracleLoss));
                if (opt.spec().clipNorm() > 0 && s == 0) {
                    assertThat(oracle.clipped).as("%s: the gradient norm exceeds clipNorm", where).isTrue();
                }
                for (int l = 0; l < net.layers.length; l++) {
                    Network.Layer layer = net.layers[l];
                    if (!fast.fused) {
                        assertClose(where + ", layer " + (l + 1) + " gradient", floats(layer.gf, layer.size()),
                                oracle.gradient[l]);
                    }
                    assertClose(where + ", layer " + (l + 1) + " parameters", floats(layer.wf, layer.size()),
                            oracle.params(l));
                }
            }
        } finally {
            ws.release();
            net.release();
        }
    }

    /**
     * A tensor agrees within {@code REL} relative to its scale: {@code max_i |fast_i - nd4j_i| <= REL * max_i |nd4j_i|}
     * (the engine computes in float: an element that is a sum of terms cancelling to almost nothing carries the
     * rounding of those terms, so each element is compared on the scale of its tensor).
     */
    static void assertClose(String what, double[] fast, double[] nd4j) {
        assertThat(fast).as(what + ": length").hasSameSizeAs(nd4j);
        double scale = 0;
        double worst = 0;
        int at = 0;
        for (int i = 0; i < fast.length; i++) {
            scale = Math.max(scale, Math.abs(nd4j[i]));
            double err = Math.abs(fast[i] - nd4j[i]);
            if (err > worst) {
                worst = err;
                at = i;
            }
        }
        WORST[0] = Math.max(WORST[0], scale == 0 ? worst : worst / scale);
        assertThat(worst).as("%s [%d]: engine %s, ND4J %s (largest magnitude %s)", what, at, fast[at], nd4j[at],
                scale).isLessThanOrEqualTo(REL * scale);
    }

    /** The worst relative disagreement seen, printed at the end. */
    private static final double[] WORST = {0};

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.printf(Locale.ROOT, "Nd4jOracleTest: worst disagreement %.2e of the tensor's scale (limit %.0e)%n",
                WORST[0], REL);
    }

    /** The dropout mask of each hidden layer in the last forward pass, sample-major ({@code b x units}). */
    private static double[][] masks(Workspace ws, Network net, int b) {
        double[][] masks = new double[net.layers.length - 1][];
        for (int l = 0; l < masks.length; l++) {
            Kernels.Mask m = ws.masks[l];
            if (m == null) {
                continue;
            }
            int units = net.layers[l].out;
            masks[l] = new double[b * units];
            for (int u = 0; u < units; u++) {
                for (int j = 0; j < b; j++) { // the engine's element u * b + j is unit u of sample j
                    masks[l][j * units + u] = Dropout.kept(m.key(), u * b + j, m.threshold()) ? m.scale() : 0;
                }
            }
        }
        return masks;
    }

    private static double[] floats(java.nio.FloatBuffer f, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f.get(i);
        }
        return d;
    }

    /** The same network and optimizer in plain ND4J operations, double precision. */
    static final class Oracle {
        private final Activation act;
        private final OptimizerSpec spec;
        private final int[] in;
        private final int[] out;
        /** All parameters, layer by layer, each {@code out x (in+1)} row-major (weights, then bias): 1 x total. */
        private final INDArray params;
        private final int[] offsets;
        private final INDArray velocity;
        private GradientUpdater updater;
        private final INDArray updaterState;
        /** The gradient of the last step, per layer, in the parameter layout. */
        final double[][] gradient;
        /** Whether the last step clipped the gradient. */
        boolean clipped;

        Oracle(Network net, Activation act, OptimizerSpec spec) {
            this.act = act;
            this.spec = spec;
            int layers = net.layers.length;
            in = new int[layers];
            out = new int[layers];
            offsets = new int[layers + 1];
            for (int l = 0; l < layers; l++) {
                in[l] = net.layers[l].in;
                out[l] = net.layers[l].out;
                offsets[l + 1] = offsets[l] + out[l] * (in[l] + 1);
            }
            params = Nd4j.create(DataType.DOUBLE, 1, offsets[layers]);
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < net.layers[l].size(); i++) {
                    params.putScalar(0, offsets[l] + i, net.layers[l].wf.get(i));
                }
            }
            gradient = new double[layers][];
            velocity = Nd4j.zeros(DataType.DOUBLE, 1, offsets[layers]);
            long n = offsets[layers];
            long stateSize = switch (spec.type()) {
                case SGD -> spec.nesterov() ? new Nesterovs(0.1, 0.9).stateSize(n) : 0;
                case ADAM, ADAMW -> new Adam().stateSize(n);
                case RMSPROP -> new RmsProp().stateSize(n);
            };
            updaterState = stateSize == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, stateSize);
        }

        double[] params(int l) {
            return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offsets[l], offsets[l + 1]))
                    .toDoubleVector();
        }

        private INDArray weights(int l) {
            return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offsets[l], offsets[l + 1]))
                    .reshape('c', out[l], in[l] + 1L);
        }

        /** One training step on {@code x} (b x in) with labels {@code y}; returns the mean loss. */
        double step(double[][] x, int[] y, double[][] masks, int iteration) {
            int b = x.length;
            int layers = in.length;
            INDArray a = Nd4j.create(x).castTo(DataType.DOUBLE);
            List<INDArray> inputs = new ArrayList<>();
            List<INDArray> pre = new ArrayList<>();
            List<INDArray> maskArrays = new ArrayList<>();
            INDArray logits = null;
            for (int l = 0; l < layers; l++) {
                INDArray wb = weights(l);
                INDArray w = wb.get(NDArrayIndex.all(), NDArrayIndex.interval(0, in[l]));
                INDArray bias = wb.get(NDArrayIndex.all(), NDArrayIndex.point(in[l])).reshape(1, out[l]);
                inputs.add(a);
                INDArray z = a.mmul(w.transpose()).addRowVector(bias); // b x out
                if (l == layers - 1) {
                    logits = z;
                    break;
                }
                pre.add(z);
                INDArray h = activate(z.dup());
                INDArray m = masks[l] == null ? null : Nd4j.create(masks[l], new long[] {b, out[l]}, DataType.DOUBLE);
                maskArrays.add(m);
                a = m == null ? h : h.mul(m);
            }
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, b, out[layers - 1]);
            for (int j = 0; j < b; j++) {
                labels.putScalar(j, y[j], 1.0);
            }
            LossMCXENT loss = new LossMCXENT();
            double score = loss.computeScore(labels, logits.dup(), new ActivationSoftmax(), null, true);
            INDArray dz = loss.computeGradient(labels, logits.dup(), new ActivationSoftmax(), null).div(b);

            INDArray grad = Nd4j.zeros(DataType.DOUBLE, 1, params.length());
            for (int l = layers - 1; l >= 0; l--) {
                INDArray dw = dz.transpose().mmul(inputs.get(l));  // out x in
                INDArray db = dz.sum(0).reshape(out[l], 1);          // out x 1
                INDArray g = Nd4j.hstack(dw, db);                    // out x (in+1)
                gradient[l] = Nd4j.toFlattened('c', g).toDoubleVector();
                grad.get(NDArrayIndex.point(0), NDArrayIndex.interval(offsets[l], offsets[l + 1]))
                        .assign(Nd4j.toFlattened('c', g));
                if (l > 0) {
                    INDArray w = weights(l).get(NDArrayIndex.all(), NDArrayIndex.interval(0, in[l]));
                    INDArray dh = dz.mmul(w);                        // b x in
                    INDArray m = maskArrays.get(l - 1);
                    dz = backprop(pre.get(l - 1).dup(), m == null ? dh : dh.mul(m));
                }
            }
            update(grad, iteration);
            return score;
        }

        private void update(INDArray grad, int iteration) {
            double lr = spec.learningRate();
            double wd = spec.weightDecay();
            if (spec.clipNorm() > 0) {
                double norm = grad.norm2Number().doubleValue();
                clipped = norm > spec.clipNorm();
                if (clipped) {
                    grad.muli(spec.clipNorm() / (norm + 1e-6));
                }
            }
            if (wd > 0 && spec.type() != OptimizerType.ADAMW) {
                new L2Regularization(wd).apply(params, grad, lr, iteration, 0); // grad += wd * params
            }
            switch (spec.type()) {
                case SGD -> {
                    if (spec.momentum() > 0 && !spec.nesterov()) { // no ND4J updater: v = mu v + g; w -= lr v
                        velocity.muli(spec.momentum()).addi(grad);
                        params.subi(velocity.mul(lr));
                        return;
                    }
                    if (updater == null) {
                        updater = spec.nesterov() ? new Nesterovs(lr, spec.momentum()).instantiate(updaterState, true)
                                : new Sgd(lr).instantiate((INDArray) null, true);
                    }
                    updater.applyUpdater(grad, iteration, 0);
                }
                case ADAM, ADAMW -> {
                    int t = iteration + 1;
                    double epsT = spec.epsilon() * Math.sqrt(1 - Math.pow(spec.beta2(), t));
                    updater = new Adam(lr, spec.beta1(), spec.beta2(), epsT).instantiate(updaterState, t == 1);
                    updater.applyUpdater(grad, iteration, 0);
                    if (spec.type() == OptimizerType.ADAMW && wd > 0) {
                        new WeightDecay(wd, true).apply(params, grad, lr, iteration, 0); // update += lr wd w
                    }
                }
                case RMSPROP -> {
                    if (updater == null) {
                        updater = new RmsProp(lr, spec.rho(), spec.epsilon()).instantiate(updaterState, true);
                    }
                    updater.applyUpdater(grad, iteration, 0);
                }
            }
            params.subi(grad);
        }

        private static final double GELU_C = Math.sqrt(2 / Math.PI);
        private static final double GELU_K = 0.044715;

        private INDArray activate(INDArray z) {
            if (act == Activation.GELU) { // 0.5 z (1 + tanh(c (z + k z^3)))
                INDArray t = Transforms.tanh(z.add(z.mul(z).mul(z).mul(GELU_K)).mul(GELU_C), true);
                return z.mul(t.add(1.0)).mul(0.5);
            }
            return nd4j(act).getActivation(z, true);
        }

        private INDArray backprop(INDArray z, INDArray dh) {
            if (act == Activation.GELU) { // 0.5 (1 + t) + 0.5 z (1 - t^2) c (1 + 3 k z^2)
                INDArray t = Transforms.tanh(z.add(z.mul(z).mul(z).mul(GELU_K)).mul(GELU_C), true);
                INDArray d = t.add(1.0).mul(0.5).add(z.mul(t.mul(t).rsub(1.0)).mul(0.5 * GELU_C)
                        .mul(z.mul(z).mul(3 * GELU_K).add(1.0)));
                return dh.mul(d);
            }
            return nd4j(act).backprop(z, dh).getFirst();
        }

        private static IActivation nd4j(Activation act) {
            return switch (act) {
                case RELU -> new ActivationReLU();
                case LEAKY_RELU -> new ActivationLReLU(Kernels.LEAKY_SLOPE);
                case ELU -> new ActivationELU(Kernels.ELU_ALPHA);
                case TANH -> new ActivationTanH();
                case SIGMOID -> new ActivationSigmoid();
                case GELU -> throw new IllegalArgumentException("composed from Transforms");
            };
        }
    }
}
