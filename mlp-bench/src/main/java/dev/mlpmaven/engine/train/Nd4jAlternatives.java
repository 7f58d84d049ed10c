package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;

import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.TanhDerivative;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Times, for each kernel of the recipe's training step (784-512-256-10, batch 128, dropout 0.2, AdamW), what the
 * engine does against the ND4J operations that would do the same: {@code Nd4j.gemm} and
 * {@code Nd4j.getBlasWrapper().level3().gemm} against the direct {@code cblas_sgemm}, in-place {@code Transforms} /
 * {@code Nd4j.exec} activations and derivatives against {@link Kernels}, ND4J's {@code DropOutInverted} and
 * {@code BernoulliDistribution} against the counter-based mask, {@code LossMCXENT} against the engine's softmax,
 * ND4J's {@code AdamUpdater} (+ {@code WeightDecay}) against {@link AdamOptimizer}, {@code norm2} against
 * {@link Optimizer#gradientNorm}. Every array is preallocated; ND4J's OpenMP threads are whatever
 * {@code OMP_NUM_THREADS} says when the JVM starts (the fork leaves it unset unless the build is parallel).
 *
 * <p>Usage: {@code Nd4jAlternatives [blasThreads=2] [rounds=15]}. Prints a Markdown table (microseconds per call,
 * minimum and median over the rounds) and one {@code ND4J_TABLE {json}} line. In the engine's package (inside
 * mlp-bench) because the kernels are package-private.
 */
public final class Nd4jAlternatives {
    private static final int B = 128;
    private static final int U1 = 512;
    private static final int IN = 784;
    private static final double P = 0.2;

    private record Row(String kernel, String shape, String engine, double[] engineUs, String nd4j, double[] nd4jUs) {
    }

    private Nd4jAlternatives() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Natives.init();
        Natives.setBlasThreads(threads);
        String omp = System.getenv("OMP_NUM_THREADS");
        System.out.println("ND4J alternatives: " + Natives.describeBlas() + ", OMP_NUM_THREADS="
                + (omp == null ? "unset" : omp) + ", ND4J OpenMP threads " + Nd4j.getEnvironment().maxThreads());
        SplittableRandom rng = new SplittableRandom(1);
        List<Row> rows = new ArrayList<>();

        // the recipe's largest forward product and its weight gradient, as the engine lays them out
        INDArray w = rand(rng, U1, IN + 1);
        INDArray x = rand(rng, B, IN + 1);
        INDArray z = Natives.zeros(U1 + 1L, B);
        Gemm.Mat wm = new Gemm.Mat(w, U1, IN + 1);
        Gemm.Mat xm = new Gemm.Mat(x, B, IN + 1);
        Gemm.Mat zm = new Gemm.Mat(z, U1, B);
        INDArray zc = Natives.zeros(U1, B);
        rows.add(new Row("gemm, forward of layer 1", "512x785 . (128x785)^T",
                "cblas_sgemm (direct)", time(rounds, 20, () -> Gemm.gemm(wm, xm, zm, false, true, 1, 0)),
                "Nd4j.gemm", time(rounds, 20, () -> Nd4j.gemm(w, x, zc, false, true, 1, 0))));
        rows.add(new Row("gemm, forward of layer 1", "512x785 . (128x785)^T",
                "cblas_sgemm (direct)", time(rounds, 20, () -> Gemm.gemm(wm, xm, zm, false, true, 1, 0)),
                "level3().gemm", time(rounds, 20, () -> Nd4j.getBlasWrapper().level3().gemm(w, x, zc, false, true,
                1, 0))));
        INDArray dz = rand(rng, U1, B);
        INDArray g = Natives.zeros(U1, IN + 1L);
        Gemm.Mat dzm = new Gemm.Mat(dz, U1, B);
        Gemm.Mat gm = new Gemm.Mat(g, U1, IN + 1);
        rows.add(new Row("gemm, weight gradient of layer 1", "512x128 . 128x785",
                "cblas_sgemm (direct)", time(rounds, 20, () -> Gemm.gemm(dzm, xm, gm, false, false, 1, 0)),
                "Nd4j.gemm", time(rounds, 20, () -> Nd4j.gemm(dz, x, g, false, false, 1, 0))));

        // element-wise, 512 x 128 (layer 1's activation)
        int n = U1 * B;
        Kernels k = new Kernels();
        INDArray h = rand(rng, U1, B);
        FloatBuffer hf = Natives.floats(h);
        INDArray tmp = Natives.zeros(U1, B);
        INDArray dh = rand(rng, U1, B);
        FloatBuffer dhf = Natives.floats(dh);
        float[] d = new float[n];
        org.nd4j.linalg.api.rng.Random ndRng = Nd4j.getRandom();
        Kernels.Mask mask = Kernels.Mask.of(Dropout.key(1, 0, 0), P);
        int[] bits = new int[Kernels.CHUNK];
        rows.add(new Row("ReLU + dropout, forward", "512x128", "Kernels (fused, counter-based mask)",
                time(rounds, 200, () -> k.forward(Activation.RELU, hf, n, null, mask)),
                "Transforms.relu + DropOutInverted, in place", time(rounds, 200, () -> {
                    Transforms.relu(h, false);
                    Nd4j.getExecutioner().exec(new DropOutInverted(h, h, 1 - P), ndRng);
                })));
        rows.add(new Row("dropout mask alone", "512x128", "Dropout.maskBits (chunks)",
                time(rounds, 200, () -> {
                    for (int off = 0; off < n; off += Kernels.CHUNK) {
                        Dropout.maskBits(mask.key(), off, Kernels.CHUNK, mask.threshold(), mask.scale(), bits);
                    }
                }),
                "BernoulliDistribution into an array", time(rounds, 200,
                () -> Nd4j.getExecutioner().exec(new BernoulliDistribution(tmp, 1 - P), ndRng))));
        rows.add(new Row("ReLU + dropout, backward", "512x128", "Kernels (dh * [h>0] * scale)",
                time(rounds, 200, () -> k.backward(dhf, hf, n, null, 1.25f)),
                "Step + muli + muli, in place", time(rounds, 200, () -> {
                    Nd4j.getExecutioner().exec(new Step(h, tmp, 0.0));
                    dh.muli(tmp).muli(1.25);
                })));
        rows.add(new Row("tanh + derivative, forward", "512x128", "Kernels (rational tanh, 1 - t^2 stored)",
                time(rounds, 200, () -> k.forward(Activation.TANH, hf, n, d, null)),
                "Transforms.tanh + TanhDerivative, in place", time(rounds, 200, () -> {
                    Nd4j.getExecutioner().exec(new TanhDerivative(h, tmp));
                    Transforms.tanh(h, false);
                })));
        rows.add(new Row("sigmoid, forward", "512x128", "Kernels (with derivative)",
                time(rounds, 200, () -> k.forward(Activation.SIGMOID, hf, n, d, null)),
                "Transforms.sigmoid, in place", time(rounds, 200, () -> Transforms.sigmoid(h, false))));
        rows.add(new Row("ELU, forward", "512x128", "Kernels (with derivative)",
                time(rounds, 200, () -> k.forward(Activation.ELU, hf, n, d, null)),
                "Transforms.elu, in place", time(rounds, 200, () -> Transforms.elu(h, false))));
        rows.add(new Row("GELU, forward", "512x128", "Kernels (tanh form, with derivative)",
                time(rounds, 200, () -> k.forward(Activation.GELU, hf, n, d, null)),
                "Nd4j.exec(GELU) (sigmoid form), in place", time(rounds, 200,
                () -> Nd4j.exec(new GELU(h, h)))));
        rows.add(new Row("leaky ReLU, forward", "512x128", "Kernels (with derivative)",
                time(rounds, 200, () -> k.forward(Activation.LEAKY_RELU, hf, n, d, null)),
                "Transforms.leakyRelu, in place", time(rounds, 200, () -> Transforms.leakyRelu(h, 0.01, false))));

        // softmax cross-entropy of the 10 x 128 logits
        Network small = new Network(IN, List.of(new LayerSpec(U1, Activation.RELU, 0, null),
                new LayerSpec(256, Activation.RELU, 0, null)), 10);
        Workspace ws = new Workspace(small, B, true);
        Workspace.Views v = ws.views(B);
        int[] y = new int[B];
        for (int j = 0; j < B; j++) {
            y[j] = j % 10;
        }
        float[] logits = new float[10 * B];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) rng.nextDouble(-3, 3);
        }
        INDArray pre = Nd4j.create(DataType.FLOAT, B, 10);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, B, 10);
        for (int j = 0; j < B; j++) {
            labels.putScalar(j, y[j], 1f);
        }
        LossMCXENT loss = new LossMCXENT();
        ActivationSoftmax softmax = new ActivationSoftmax();
        rows.add(new Row("softmax + cross-entropy + gradient", "10x128", "Workspace.softmaxCrossEntropy",
                time(rounds, 200, () -> {
                    ws.lf.put(0, logits);
                    ws.softmaxCrossEntropy(v, y, true, null, null, 0);
                }),
                "LossMCXENT.computeGradientAndScore", time(rounds, 200,
                () -> loss.computeGradientAndScore(labels, pre, softmax, null, true))));

        // AdamW over every parameter of the recipe
        small.allocateGradients();
        fill(small.pf, rng);
        fill(small.gradf, rng);
        OptimizerSpec adamw = new OptimizerSpec(OptimizerType.ADAMW, 1e-3, 0, false, 1e-4, 0.9, 0.999, 0.99, 1e-8,
                0, ScheduleSpec.CONSTANT);
        Optimizer engineAdam = Optimizer.of(adamw, small);
        long params = small.paramCount;
        INDArray ndParams = rand(rng, 1, params);
        INDArray ndGrad = rand(rng, 1, params);
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, new Adam().stateSize(params));
        GradientUpdater ndAdam = new Adam(1e-3, 0.9, 0.999, 1e-8).instantiate(state, true);
        WeightDecay decay = new WeightDecay(1e-4, true);
        int[] it = {0};
        rows.add(new Row("AdamW update", params + " parameters", "AdamOptimizer (one pass)",
                time(rounds, 10, () -> engineAdam.step(small, 1e-3f, 1f)),
                "AdamUpdater + WeightDecay + subi", time(rounds, 10, () -> {
                    ndAdam.applyUpdater(ndGrad, it[0]++, 0);
                    decay.apply(ndParams, ndGrad, 1e-3, it[0], 0);
                    ndParams.subi(ndGrad);
                })));
        rows.add(new Row("gradient norm (clipNorm > 0 only)", params + " parameters", "Optimizer.gradientNorm",
                time(rounds, 10, () -> Optimizer.gradientNorm(small)),
                "norm2Number", time(rounds, 10, () -> ndGrad.norm2Number())));

        print(rows, omp);
    }

    private static void print(List<Row> rows, String omp) {
        System.out.println();
        System.out.println("| kernel | shape | engine | us (min / median) | ND4J alternative | us (min / median) "
                + "| ND4J / engine (median) |");
        System.out.println("|---|---|---|---|---|---|---|");
        StringBuilder json = new StringBuilder("[");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f / %.1f | %s | %.1f / %.1f | %.1f |%n", r.kernel(),
                    r.shape(), r.engine(), r.engineUs()[0], r.engineUs()[1], r.nd4j(), r.nd4jUs()[0], r.nd4jUs()[1],
                    r.nd4jUs()[1] / r.engineUs()[1]);
            json.append(json.length() == 1 ? "" : ", ").append(String.format(Locale.ROOT,
                    "{\"kernel\": \"%s\", \"engine\": \"%s\", \"engine_us\": [%.2f, %.2f], \"nd4j\": \"%s\", "
                            + "\"nd4j_us\": [%.2f, %.2f]}", r.kernel(), r.engine(), r.engineUs()[0], r.engineUs()[1],
                    r.nd4j(), r.nd4jUs()[0], r.nd4jUs()[1]));
        }
        System.out.println("ND4J_TABLE {\"omp_num_threads\": " + (omp == null ? "null" : "\"" + omp + "\"")
                + ", \"rows\": " + json.append(']') + "}");
    }

    /** Microseconds per call, minimum and median over {@code rounds} rounds of {@code calls} calls (after warm-up). */
    private static double[] time(int rounds, int calls, Runnable r) {
        for (int i = 0; i < 3 * calls; i++) {
            r.run();
        }
        double[] us = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            for (int c = 0; c < calls; c++) {
                r.run();
            }
            us[i] = (System.nanoTime() - t0) / 1e3 / calls;
        }
        Arrays.sort(us);
        return new double[] {us[0], us[rounds / 2]};
    }

    private static INDArray rand(SplittableRandom rng, long rows, long cols) {
        INDArray a = Natives.zeros(rows, cols);
        fill(Natives.floats(a), rng);
        return a;
    }

    private static void fill(FloatBuffer f, SplittableRandom rng) {
        for (int i = 0; i < f.capacity(); i++) {
            f.put(i, (float) (rng.nextDouble() * 0.2 - 0.1));
        }
    }
}
