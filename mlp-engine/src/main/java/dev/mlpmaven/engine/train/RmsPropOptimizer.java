package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * RMSprop (Hinton, Coursera lecture 6e), as PyTorch's {@code torch.optim.RMSprop} without momentum:
 * {@code g += wd*w; s = rho*s + (1-rho)*g^2; w -= lr * g / (sqrt(s) + eps)}.
 */
final class RmsPropOptimizer extends Optimizer {
    private final float[][] square;

    RmsPropOptimizer(OptimizerSpec spec, Network net) {
        super(spec);
        square = new float[net.layers.length][];
        for (int l = 0; l < net.layers.length; l++) {
            square[l] = new float[net.layers[l].size()];
        }
    }

    @Override
    protected void update(int l, FloatBuffer w, FloatBuffer g, int n, float lr) {
        float rho = (float) spec.rho();
        float eps = (float) spec.epsilon();
        float wd = (float) spec.weightDecay();
        float[] s = square[l];
        for (int i = 0; i < n; i++) {
            float wi = w.get(i);
            float gi = g.get(i) + wd * wi;
            float si = rho * s[i] + (1 - rho) * gi * gi;
            s[i] = si;
            w.put(i, wi - lr * gi / ((float) Math.sqrt(si) + eps));
        }
    }

    @Override
    public String toString() {
        return "RMSprop(rho=" + spec.rho() + ", epsilon=" + spec.epsilon() + ", weightDecay=" + spec.weightDecay()
                + ")";
    }
}
