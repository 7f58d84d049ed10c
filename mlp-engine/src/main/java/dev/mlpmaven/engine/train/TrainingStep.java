package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.OptimizerSpec;

/**
 * One training step on the batch gathered into a workspace: forward (with dropout), softmax cross-entropy and its
 * gradient ({@link #forward}), then backward, clipping and the update ({@link #update}). The trainer checks the
 * loss for divergence in between. Plain SGD is fused into the backward products; every other optimizer updates
 * the whole parameter buffer in one pass, the clipping factor (when {@code clipNorm > 0}, else no norm pass at
 * all) applied inside that pass.
 */
final class TrainingStep {
    final Network net;
    final Workspace ws;
    final OptimizerSpec spec;
    final boolean fused;
    /** Null for plain SGD (fused). */
    final Optimizer optimizer;
    private final long dropoutSeed;
    private final boolean dropout;
    /** Steps begun so far: the dropout masks' counter. */
    long steps;

    TrainingStep(Network net, Workspace ws, OptimizerSpec spec, long dropoutSeed) {
        this.net = net;
        this.ws = ws;
        this.spec = spec;
        this.fused = Optimizer.isPlainSgd(spec);
        this.optimizer = fused ? null : Optimizer.of(spec, net);
        this.dropoutSeed = dropoutSeed;
        this.dropout = net.hasDropout();
    }

    /**
     * Forward pass and loss of the batch in {@code v} with labels {@code y}; leaves {@code dLoss/dlogits} in the
     * workspace. Returns the summed loss of the batch.
     */
    double forward(Workspace.Views v, int[] y) {
        ws.forward(v, dropoutSeed, dropout ? steps : -1);
        steps++;
        double loss = ws.softmaxCrossEntropy(v, y, true, null, null, 0);
        mark(StepProfile.Phase.LOSS);
        return loss;
    }

    /** Backward pass and update with learning rate {@code lr}, after {@link #forward}. */
    void update(Workspace.Views v, double lr) {
        ws.backward(v, fused, lr);
        if (!fused) {
            float scale = 1f;
            if (spec.clipNorm() > 0) {
                scale = Optimizer.clipScale(Optimizer.gradientNorm(net), spec.clipNorm());
                mark(StepProfile.Phase.CLIP);
            }
            optimizer.step(net, (float) lr, scale);
            mark(StepProfile.Phase.OPTIMIZER);
        }
    }

    private void mark(StepProfile.Phase p) {
        if (ws.profile != null) {
            ws.profile.mark(p);
        }
    }
}
