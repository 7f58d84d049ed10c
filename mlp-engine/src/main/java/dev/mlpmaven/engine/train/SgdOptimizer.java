package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * SGD with optional momentum, Nesterov momentum and L2 weight decay, as PyTorch's {@code torch.optim.SGD}
 * (dampening 0): {@code g += wd*w; v = mu*v + g; w -= lr * (nesterov ? g + mu*v : v)} (with {@code mu = 0}:
 * {@code w -= lr*g}). Each combination has its own loop so that every loop vectorises.
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
        if (wd != 0f) {
            for (int i = 0; i < len; i++) {
                g[i] = g[i] + wd * w[i];
            }
        }
        if (velocity == null) {
            for (int i = 0; i < len; i++) {
                w[i] = w[i] - lr * g[i];
            }
            return;
        }
        float[] v = velocity[c];
        if (spec.nesterov()) {
            for (int i = 0; i < len; i++) {
                float vi = mu * v[i] + g[i];
                v[i] = vi;
                w[i] = w[i] - lr * (g[i] + mu * vi);
            }
        } else {
            for (int i = 0; i < len; i++) {
                float vi = mu * v[i] + g[i];
                v[i] = vi;
                w[i] = w[i] - lr * vi;
            }
        }
    }

    @Override
    public String toString() {
        return "SGD(momentum=" + spec.momentum() + ", nesterov=" + spec.nesterov() + ", weightDecay="
                + spec.weightDecay() + ")";
    }
}
