package dev.mlpmaven.engine.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
    private final ThreadMXBean cpu;
    private long last;
    private long steps;

    /** Wall time. */
    public StepProfile() {
        this(false);
    }

    /**
     * {@code threadCpu}: the training thread's CPU time instead of wall time (about 1 us a phase): robust against
     * other processes on the machine for the single-threaded phases, but a gemm's share run by OpenBLAS's other
     * threads is not counted.
     */
    public StepProfile(boolean threadCpu) {
        this.cpu = threadCpu ? ManagementFactory.getThreadMXBean() : null;
    }

    /** Whether this profile counts thread CPU time. */
    public boolean threadCpu() {
        return cpu != null;
    }

    private long now() {
        return cpu == null ? System.nanoTime() : cpu.getCurrentThreadCpuTime();
    }

    /** Starts timing (the time until the next {@link #mark} belongs to the phase that mark names). */
    void start() {
        last = now();
    }

    /** Ends phase {@code p}. */
    void mark(Phase p) {
        long now = now();
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
