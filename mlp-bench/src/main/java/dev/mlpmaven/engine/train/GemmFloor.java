package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import dev.mlpmaven.engine.train.Gemm.Mat;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic floor of a workload: only the matrix products of one epoch's training steps, with the engine's
 * shapes, transposes and BLAS ({@link Gemm}), nothing else. In the engine's package (inside mlp-bench) because
 * {@link Gemm} is package-private.
 */
public final class GemmFloor {
    /** Seconds per epoch of gemm-only work, min and median over the repeats. */
    public record Result(double minSeconds, double medianSeconds) {
    }

    private GemmFloor() {
    }

    /**
     * Textbook floating-point operations per training sample of an MLP with these layer widths ({@code units[0]}
     * inputs ... {@code units[last]} classes): forward {@code 2 in out} per layer, weight gradient the same, input
     * gradient {@code 2 in out} for every layer but the first. The same count is used for every system compared.
     */
    public static double flopPerSample(int[] units) {
        double f = 0;
        for (int l = 0; l + 1 < units.length; l++) {
            double io = (double) units[l] * units[l + 1];
            f += 4 * io + (l > 0 ? 2 * io : 0);
        }
        return f;
    }

    /** Times {@code repeats} epochs of {@code samples} samples in batches of {@code batch}. */
    public static Result measure(int[] units, int batch, int samples, int repeats) {
        Natives.init();
        int layers = units.length - 1;
        INDArray[] owned = new INDArray[4 * layers + 1];
        Mat[] w = new Mat[layers];
        Mat[] g = new Mat[layers];
        INDArray[] act = new INDArray[layers]; // act[l]: (units[l+1]+1) x batch (z / h / logits)
        INDArray[] grad = new INDArray[layers];
        SplittableRandom rng = new SplittableRandom(1);
        INDArray x = Natives.zeros(batch, units[0] + 1L);
        fill(Natives.floats(x), rng);
        owned[0] = x;
        for (int l = 0; l < layers; l++) {
            INDArray wa = Natives.zeros(units[l + 1], units[l] + 1L);
            fill(Natives.floats(wa), rng);
            INDArray ga = Natives.zeros(units[l + 1], units[l] + 1L);
            act[l] = Natives.zeros(units[l + 1] + 1L, batch);
            grad[l] = Natives.zeros(units[l + 1] + 1L, batch);
            fill(Natives.floats(act[l]), rng);
            fill(Natives.floats(grad[l]), rng);
            w[l] = new Mat(wa, units[l + 1], units[l] + 1);
            g[l] = new Mat(ga, units[l + 1], units[l] + 1);
            owned[1 + 4 * l] = wa;
            owned[2 + 4 * l] = ga;
            owned[3 + 4 * l] = act[l];
            owned[4 + 4 * l] = grad[l];
        }
        try {
            double[] secs = new double[repeats];
            for (int r = -1; r < repeats; r++) { // r = -1: warm-up
                long t0 = System.nanoTime();
                for (int start = 0; start < samples; start += batch) {
                    step(units, Math.min(batch, samples - start), x, w, g, act, grad);
                }
                if (r >= 0) {
                    secs[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            Arrays.sort(secs);
            return new Result(secs[0], secs[repeats / 2]);
        } finally {
            Natives.release(owned);
        }
    }

    private static void step(int[] units, int b, INDArray x, Mat[] w, Mat[] g, INDArray[] act, INDArray[] grad) {
        int layers = w.length;
        Mat a = new Mat(x, b, units[0] + 1);
        boolean transB = true;
        for (int l = 0; l < layers; l++) {
            Mat out = new Mat(act[l], units[l + 1], b);
            Gemm.gemm(w[l], a, out, false, transB, 1.0, 0.0);
            a = new Mat(act[l], units[l + 1] + 1, b);
            transB = false;
        }
        for (int l = layers - 1; l >= 0; l--) {
            Mat dz = new Mat(grad[l], units[l + 1], b);
            if (l > 0) {
                Gemm.gemm(w[l], dz, new Mat(grad[l - 1], units[l] + 1, b), true, false, 1.0, 0.0);
            }
            Mat in = l == 0 ? new Mat(x, b, units[0] + 1) : new Mat(act[l - 1], units[l] + 1, b);
            Gemm.gemm(dz, in, g[l], false, l > 0, 1.0, 0.0);
        }
    }

    private static void fill(FloatBuffer f, SplittableRandom rng) {
        for (int i = 0; i < f.capacity(); i++) {
            f.put(i, (float) (rng.nextDouble() * 0.1 - 0.05));
        }
    }
}
