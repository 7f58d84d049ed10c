package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * Updates every layer's {@code W} (weights and bias) from its gradient {@code g}, in place, keeping its state
 * in preallocated arrays. Call order per step: gradients computed, {@link #clip} (optional), then {@link #step}.
 * Each update follows PyTorch's definition of the same optimizer so that results are comparable.
 */
abstract class Optimizer {
    protected final OptimizerSpec spec;
    /** Steps taken so far (1-based inside {@link #step}). */
    protected long t;

    Optimizer(OptimizerSpec spec) {
        this.spec = spec;
    }

    static Optimizer of(OptimizerSpec spec, Network net) {
        Optimizer o = switch (spec.type()) {
            case SGD -> new SgdOptimizer(spec, net);
            case ADAM -> new AdamOptimizer(spec, net, false);
            case ADAMW -> new AdamOptimizer(spec, net, true);
            case RMSPROP -> new RmsPropOptimizer(spec, net);
        };
        for (Network.Layer layer : net.layers) {
            layer.allocateGradient();
        }
        return o;
    }

    /**
     * True when the update is plain SGD ({@code W -= lr * g}, no momentum, decay or clipping): the trainer then
     * fuses it into the gemm that computes the gradient and no optimizer is created.
     */
    static boolean isPlainSgd(OptimizerSpec spec) {
        return spec.type() == dev.mlpmaven.config.OptimizerType.SGD && spec.momentum() == 0
                && spec.weightDecay() == 0 && spec.clipNorm() == 0;
    }

    /** Applies one update with learning rate {@code lr} to every layer of {@code net}. */
    final void step(Network net, float lr) {
        t++;
        for (int l = 0; l < net.layers.length; l++) {
            Network.Layer layer = net.layers[l];
            update(l, layer.wf, layer.gf, layer.size(), lr);
        }
    }

    /** Updates {@code n} parameters {@code w} of layer {@code l} from gradient {@code g}. */
    protected abstract void update(int l, FloatBuffer w, FloatBuffer g, int n, float lr);

    /**
     * Scales every gradient by {@code maxNorm / norm} when their global L2 norm exceeds {@code maxNorm}
     * ({@code maxNorm <= 0}: no clipping). Returns the norm before clipping.
     */
    static double clip(Network net, double maxNorm) {
        double sq = 0;
        for (Network.Layer layer : net.layers) {
            FloatBuffer g = layer.gf;
            for (int i = 0, n = layer.size(); i < n; i++) {
                float v = g.get(i);
                sq += v * v;
            }
        }
        double norm = Math.sqrt(sq);
        if (maxNorm > 0 && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Network.Layer layer : net.layers) {
                FloatBuffer g = layer.gf;
                for (int i = 0, n = layer.size(); i < n; i++) {
                    g.put(i, g.get(i) * scale);
                }
            }
        }
        return norm;
    }
}
