package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;

/**
 * Updates every parameter of a network (all layers' {@code W} and biases, contiguous in {@link Network#params})
 * from its gradient ({@link Network#grads}), in place, in one pass. Call order per step: gradients computed,
 * {@link #gradientNorm} when clipping, then {@link #step} with the clipping factor, which is applied to the
 * gradient inside the same pass. Each update follows PyTorch's definition of the same optimizer (the order of its
 * float operations too) so that results are comparable.
 *
 * <p>The pass goes over {@link Kernels#CHUNK} parameters at a time: they and their gradients are copied into Java
 * arrays, updated with the optimizer's state (Java arrays of the same chunking), and the parameters copied back,
 * because HotSpot vectorises loops over arrays and not over ND4J's direct memory (see {@link Kernels}).
 */
abstract class Optimizer {
    static final int CHUNK = Kernels.CHUNK;

    protected final OptimizerSpec spec;
    /** Steps taken so far (1-based inside {@link #update}). */
    protected long t;
    private final float[] w = new float[CHUNK];
    private final float[] g = new float[CHUNK];
    private final int chunks;

    Optimizer(OptimizerSpec spec, Network net) {
        this.spec = spec;
        this.chunks = (net.paramCount + CHUNK - 1) / CHUNK;
    }

    static Optimizer of(OptimizerSpec spec, Network net) {
        net.allocateGradients();
        return switch (spec.type()) {
            case SGD -> new SgdOptimizer(spec, net);
            case ADAM -> new AdamOptimizer(spec, net, false);
            case ADAMW -> new AdamOptimizer(spec, net, true);
            case RMSPROP -> new RmsPropOptimizer(spec, net);
        };
    }

    /**
     * True when the update is plain SGD ({@code W -= lr * g}, no momentum, decay or clipping): the trainer then
     * fuses it into the gemm that computes the gradient and no optimizer is created.
     */
    static boolean isPlainSgd(OptimizerSpec spec) {
        return spec.type() == OptimizerType.SGD && spec.momentum() == 0 && spec.weightDecay() == 0
                && spec.clipNorm() == 0;
    }

    /** State arrays of the optimizer: one float per parameter, in chunks. */
    protected final float[][] state() {
        return new float[chunks][CHUNK];
    }

    /**
     * Applies one update with learning rate {@code lr} to every parameter of {@code net}, the gradient multiplied
     * by {@code gradScale} first (the clipping factor; exactly 1 when not clipping, and then not applied).
     */
    final void step(Network net, float lr, float gradScale) {
        t++;
        begin(lr);
        FloatBuffer pf = net.pf;
        FloatBuffer gf = net.gradf;
        int n = net.paramCount;
        for (int c = 0; c < chunks; c++) {
            int off = c * CHUNK;
            int len = Math.min(CHUNK, n - off);
            pf.get(off, w, 0, len);
            gf.get(off, g, 0, len);
            if (gradScale != 1f) {
                for (int i = 0; i < len; i++) {
                    g[i] *= gradScale;
                }
            }
            update(c, w, g, len);
            pf.put(off, w, 0, len);
        }
    }

    /** Per-step constants (bias corrections and the like) for learning rate {@code lr}. */
    protected abstract void begin(float lr);

    /** Updates {@code len} parameters {@code w} of chunk {@code c} from their gradient {@code g}. */
    protected abstract void update(int c, float[] w, float[] g, int len);

    /**
     * The global L2 norm of every gradient of {@code net}, in a fixed order so the same gradients give the same
     * bits: squares are added into {@link Kernels#CHUNK} float lanes, lane {@code i} taking the elements
     * {@code i mod CHUNK} (a loop C2 vectorises: no reduction inside it), and the lanes summed in double at the end.
     */
    static double gradientNorm(Network net) {
        FloatBuffer gf = net.gradf;
        float[] g = new float[CHUNK];
        float[] lanes = new float[CHUNK];
        int n = net.paramCount;
        for (int off = 0; off < n; off += CHUNK) {
            int len = Math.min(CHUNK, n - off);
            gf.get(off, g, 0, len);
            squaresInto(lanes, g, len);
        }
        double sq = 0;
        for (float lane : lanes) {
            sq += lane;
        }
        return Math.sqrt(sq);
    }

    private static void squaresInto(float[] lanes, float[] g, int len) {
        for (int i = 0; i < len; i++) {
            lanes[i] += g[i] * g[i];
        }
    }

    /**
     * The factor that brings a gradient of global norm {@code norm} down to {@code maxNorm}, as PyTorch's
     * {@code clip_grad_norm_}: {@code maxNorm / (norm + 1e-6)} when {@code norm > maxNorm}, else exactly 1.
     */
    static float clipScale(double norm, double maxNorm) {
        return maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
    }
}
