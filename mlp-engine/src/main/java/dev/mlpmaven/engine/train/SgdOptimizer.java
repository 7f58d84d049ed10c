package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * SGD with optional momentum, Nesterov momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD}
 * (dampening 0): {@code g += wd*w; v = mu*v + g; w -= lr * (nesterov ? g + mu*v : v)} (with {@code mu = 0}:
 * {@code w -= lr*g}).
 */
final class SgdOptimizer extends Optimizer {
    private final float[][] velocity;

    SgdOptimizer(OptimizerSpec spec, Network net) {
        super(spec);
        velocity = new float[net.layers.length][];
        if (spec.momentum() > 0) {
            for (int l = 0; l < net.layers.length; l++) {
                velocity[l] = new float[net.layers[l].size()];
            }
        }
    }

    @Override
    protected void update(int l, FloatBuffer w, FloatBuffer g, int n, float lr) {
        float wd = (float) spec.weightDecay();
        float mu = (float) spec.momentum();
        boolean nesterov = spec.nesterov();
        float[] v = velocity[l];
        for (int i = 0; i < n; i++) {
            float wi = w.get(i);
            float gi = g.get(i) + wd * wi;
            if (v != null) {
                float vi = mu * v[i] + gi;
                v[i] = vi;
                gi = nesterov ? gi + mu * vi : vi;
            }
            w.put(i, wi - lr * gi);
        }
    }

    @Override
    public String toString() {
        return "SGD(momentum=" + spec.momentum() + ", nesterov=" + spec.nesterov() + ", weightDecay="
                + spec.weightDecay() + ")";
    }
}
