package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) and AdamW (Loshchilov and Hutter,
 * "Decoupled Weight Decay Regularization", ICLR 2019), as PyTorch's {@code torch.optim.Adam} / {@code AdamW}
 * (step {@code t} from 1):
 * <pre>
 *   adam:  g += wd*w                 adamw: w *= 1 - lr*wd
 *   m = b1*m + (1-b1)*g;  v = b2*v + (1-b2)*g^2
 *   w -= (lr / (1-b1^t)) * m / (sqrt(v) / sqrt(1-b2^t) + eps)
 * </pre>
 * The moments of every parameter are updated in the same pass as the parameter.
 */
final class AdamOptimizer extends Optimizer {
    private final boolean decoupled;
    private final float[][] m;
    private final float[][] v;
    private final float b1;
    private final float b2;
    private final float eps;
    private final float wd;
    private float stepSize;
    private float sqrtC2;
    private float decay;

    AdamOptimizer(OptimizerSpec spec, Network net, boolean decoupled) {
        super(spec, net);
        this.decoupled = decoupled;
        m = state();
        v = state();
        b1 = (float) spec.beta1();
        b2 = (float) spec.beta2();
        eps = (float) spec.epsilon();
        wd = (float) spec.weightDecay();
    }

    @Override
    protected void begin(float lr) {
        double c1 = 1 - StrictMath.pow(spec.beta1(), t);
        double c2 = 1 - StrictMath.pow(spec.beta2(), t);
        stepSize = (float) (lr / c1);
        sqrtC2 = (float) Math.sqrt(c2);
        decay = (float) (1 - (double) lr * spec.weightDecay());
    }

    @Override
    protected void update(int c, float[] w, float[] g, int len) {
        float[] mc = m[c];
        float[] vc = v[c];
        // one loop for both: adam decays through the gradient (l2 = wd, decay = 1), adamw the weight (l2 = 0);
        // multiplying by exactly 1 and adding exactly 0 change nothing
        float l2 = decoupled ? 0f : wd;
        float keep = decoupled ? decay : 1f;
        float ib1 = 1 - b1;
        float ib2 = 1 - b2;
        float step = stepSize;
        float sc2 = sqrtC2;
        for (int i = 0; i < len; i++) {
            float wi = w[i];
            float gi = g[i] + l2 * wi;
            float mi = b1 * mc[i] + ib1 * gi;
            float vi = b2 * vc[i] + ib2 * gi * gi;
            mc[i] = mi;
            vc[i] = vi;
            w[i] = wi * keep - step * (mi / ((float) Math.sqrt(vi) / sc2 + eps));
        }
    }

    @Override
    public String toString() {
        return (decoupled ? "AdamW" : "Adam") + "(beta1=" + spec.beta1() + ", beta2=" + spec.beta2() + ", epsilon="
                + spec.epsilon() + ", weightDecay=" + spec.weightDecay() + ")";
    }
}
