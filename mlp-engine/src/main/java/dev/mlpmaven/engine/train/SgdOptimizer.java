package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * SGD with optional momentum, Nesterov momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD}
 * (dampening 0): {@code g += wd*w; v = mu*v + g; w -= lr * (nesterov ? g + mu*v : v)} (with {@code mu = 0}:
 * {@code w -= lr*g}). With and without momentum and Nesterov each have their own loop (the decay term is
 * added as exactly 0 without weight decay), so that every loop vectorises.
 */
final class SgdOptimizer extends Optimizer {
    private final float[][] velocity;
    private final float wd;
    private final float mu;
    private float lr;

    SgdOptimizer(OptimizerSpec spec, Network net) {
        super(spec, net);
        velocity = spec.momentum() > 0 ? state() : null;
        wd = (float) spec.weightDecay();
        mu = (float) spec.momentum();
    }

    @Override
    protected void begin(float lr) {
        this.lr = lr;
    }

    @Override
    protected void update(int c, float[] w, float[] g, int len) {
        float rate = lr;
        float m = mu;
        float l2 = wd; // adding exactly 0 without decay
        if (velocity == null) {
            for (int i = 0; i < len; i++) {
                w[i] = w[i] - rate * (g[i] + l2 * w[i]);
            }
            return;
        }
        float[] v = velocity[c];
        if (spec.nesterov()) {
            for (int i = 0; i < len; i++) {
                float gi = g[i] + l2 * w[i];
                float vi = m * v[i] + gi;
                v[i] = vi;
                w[i] = w[i] - rate * (gi + m * vi);
            }
        } else {
            for (int i = 0; i < len; i++) {
                float vi = m * v[i] + (g[i] + l2 * w[i]);
                v[i] = vi;
                w[i] = w[i] - rate * vi;
            }
        }
    }

    @Override
    public String toString() {
        return "SGD(momentum=" + spec.momentum() + ", nesterov=" + spec.nesterov() + ", weightDecay="
                + spec.weightDecay() + ")";
    }
}
