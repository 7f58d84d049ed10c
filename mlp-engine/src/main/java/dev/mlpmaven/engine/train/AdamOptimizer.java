package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) and AdamW (Loshchilov and Hutter,
 * "Decoupled Weight Decay Regularization", ICLR 2019), as PyTorch's {@code torch.optim.Adam} / {@code AdamW}:
 * <pre>
 *   adam:  g += wd*w                 adamw: w -= lr*wd*w
 *   m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2
 *   w -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
 * </pre>
 */
final class AdamOptimizer extends Optimizer {
    private final boolean decoupled;
    private final float[][] m;
    private final float[][] v;

    AdamOptimizer(OptimizerSpec spec, Network net, boolean decoupled) {
        super(spec);
        this.decoupled = decoupled;
        m = new float[net.layers.length][];
        v = new float[net.layers.length][];
        for (int l = 0; l < net.layers.length; l++) {
            m[l] = new float[net.layers[l].size()];
            v[l] = new float[net.layers[l].size()];
        }
    }

    @Override
    protected void update(int l, FloatBuffer w, FloatBuffer g, int n, float lr) {
        float b1 = (float) spec.beta1();
        float b2 = (float) spec.beta2();
        float eps = (float) spec.epsilon();
        float wd = (float) spec.weightDecay();
        float c1 = (float) (1 - Math.pow(spec.beta1(), t));
        float c2 = (float) (1 - Math.pow(spec.beta2(), t));
        float[] ml = m[l];
        float[] vl = v[l];
        for (int i = 0; i < n; i++) {
            float wi = w.get(i);
            float gi = g.get(i);
            if (decoupled) {
                wi -= lr * wd * wi;
            } else {
                gi += wd * wi;
            }
            float mi = b1 * ml[i] + (1 - b1) * gi;
            float vi = b2 * vl[i] + (1 - b2) * gi * gi;
            ml[i] = mi;
            vl[i] = vi;
            w.put(i, wi - lr * (mi / c1) / ((float) Math.sqrt(vi / c2) + eps));
        }
    }

    @Override
    public String toString() {
        return (decoupled ? "AdamW" : "Adam") + "(beta1=" + spec.beta1() + ", beta2=" + spec.beta2() + ", epsilon="
                + spec.epsilon() + ", weightDecay=" + spec.weightDecay() + ")";
    }
}
