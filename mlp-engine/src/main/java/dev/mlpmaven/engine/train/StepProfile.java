package dev.mlpmaven.engine.train;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of each phase of the training step, summed over every step of a run: what the benchmark prints as the
 * per-phase profile. The trainer marks the end of each phase with {@link #mark}; the time since the previous mark
 * is added to that phase. Off (no profile given to the trainer) nothing is measured. Not thread-safe: one trainer.
 */
public final class StepProfile {
    /** The phases of one training step, in the order they run. */
    public enum Phase {
        /** Shuffle and copying the batch's inputs and labels into the workspace. */
        GATHER,
        /** The forward products {@code W . x} (bias included). */
        FORWARD_GEMM,
        /** Activation (with the dropout mask and the activation's local derivative where they are fused in). */
        ACTIVATION,
        /** The dropout mask, where it is a pass of its own. */
        DROPOUT,
        /** Softmax, loss and its gradient with respect to the logits. */
        LOSS,
        /** The backward products: the gradient flowing down and the weight gradients (or the fused SGD update). */
        BACKWARD_GEMM,
        /** The gradient through each activation (and dropout mask). */
        ACTIVATION_BACKWARD,
        /** The global gradient norm, when clipping is on. */
        CLIP,
        /** The optimizer's update of every parameter (not for plain SGD, fused into the backward products). */
        OPTIMIZER,
    }

    private final long[] nanos = new long[Phase.values().length];
    private long last;
    private long steps;

    /** Starts timing (the time until the next {@link #mark} belongs to the phase that mark names). */
    void start() {
        last = System.nanoTime();
    }

    /** Ends phase {@code p}. */
    void mark(Phase p) {
        long now = System.nanoTime();
        nanos[p.ordinal()] += now - last;
        last = now;
    }

    void step() {
        steps++;
    }

    /** Steps counted. */
    public long steps() {
        return steps;
    }

    /** Seconds spent in each phase. */
    public Map<Phase, Double> seconds() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, nanos[p.ordinal()] / 1e9);
        }
        return m;
    }

    /** The phases as a JSON object of seconds, e.g. {@code {"gather": 0.051, ...}}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        for (Phase p : Phase.values()) {
            sb.append(sb.length() == 1 ? "" : ", ").append('"').append(p.name().toLowerCase(Locale.ROOT))
                    .append("\": ").append(String.format(Locale.ROOT, "%.4f", nanos[p.ordinal()] / 1e9));
        }
        return sb.append('}').toString();
    }
}
