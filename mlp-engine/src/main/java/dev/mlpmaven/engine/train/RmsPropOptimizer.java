package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * RMSprop (Hinton, Coursera lecture 6e), as PyTorch's {@code torch.optim.RMSprop} without momentum:
 * {@code g += wd*w; s = rho*s + (1-rho)*g^2; w -= lr * g / (sqrt(s) + eps)}.
 */
final class RmsPropOptimizer extends Optimizer {
    private final float[][] square;
    private final float rho;
    private final float eps;
    private final float wd;
    private float lr;

    RmsPropOptimizer(OptimizerSpec spec, Network net) {
        super(spec, net);
        square = state();
        rho = (float) spec.rho();
        eps = (float) spec.epsilon();
        wd = (float) spec.weightDecay();
    }

    @Override
    protected void begin(float lr) {
        this.lr = lr;
    }

    @Override
    protected void update(int c, float[] w, float[] g, int len) {
        float[] s = square[c];
        float irho = 1 - rho;
        float rate = lr;
        for (int i = 0; i < len; i++) {
            float gi = g[i] + wd * w[i]; // adding exactly 0 without decay
            float si = rho * s[i] + irho * gi * gi;
            s[i] = si;
            w[i] = w[i] - rate * (gi / ((float) Math.sqrt(si) + eps));
        }
    }

    @Override
    public String toString() {
        return "RMSprop(rho=" + spec.rho() + ", epsilon=" + spec.epsilon() + ", weightDecay=" + spec.weightDecay()
                + ")";
    }
}
