package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.LoadedDataset;
import org.bytedeco.javacpp.Pointer;

import java.util.List;
import java.util.Locale;

/**
 * What a network will take before any of it is allocated, compared with what this JVM may use, so that a network
 * too large fails at once with both numbers instead of growing the process until the kernel or ND4J kills it.
 *
 * <p>The estimate follows what {@link Trainer} allocates (float32, 4 bytes a value; {@code P} the parameters,
 * {@code B} the batch, {@code E} the evaluation batch, {@code u_l} the units of hidden layer l):
 * <ul>
 *   <li>off the heap (ND4J): the weights {@code P} (one array, each layer aligned); their gradients {@code P}
 *       (none for plain SGD, fused into the gemm); the training workspace {@code B (in+1) + sum 2 (u_l + 1) B + C B}
 *       and the evaluation one {@code E (in+1) + sum (u_l + 1) E + C E}; the converted training inputs
 *       {@code n (in+1)} when they take at most {@link ScaledInputs#MAX_BYTES};</li>
 *   <li>on the heap: the optimizer's state ({@code 2P} for adam and adamw, {@code P} for rmsprop and for sgd with
 *       momentum), the best weights kept for early stopping ({@code P}), the derivative of each activation but ReLU
 *       ({@code u_l B}) and the largest layer once more while it is initialised.</li>
 * </ul>
 */
public final class MemoryBudget {
    /** The most values one array (and one ND4J buffer, indexed by int) can hold. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /**
     * Arguments: need, weights, gradients, optimizer state, batch, activations, converted inputs, allowed, heap free,
     * -Xmx, off-heap free, the suggested size.
     */
    public static final String TOO_LARGE = "model: found a network that needs about %s (weights %s, gradients %s,"
            + " optimizer state %s, activations for a batch of %d %s, converted inputs %s), expected at most %s,"
            + " what this JVM may use (heap %s free of -Xmx %s, off-heap %s) - give the fork more memory with"
            + " -Dmlp.forkMaxHeap=%s (its -Xmx and off-heap limit), or use smaller layers (model.hidden) or a"
            + " smaller training.batchSize";
    /** Argument: the parameters. */
    public static final String NETWORK_NEVER_FITS = "model: found a network of %d parameters, expected at most "
            + MAX_ARRAY + " - its weights are one array, which no JVM can hold that large; use smaller layers"
            + " (model.hidden)";
    /** Arguments: layer number, units, inputs, values. */
    public static final String NEVER_FITS = "model: found layer %d with %d units after %d inputs, whose weights are"
            + " %d values in one array, expected at most " + MAX_ARRAY + " - no JVM can hold that array; use"
            + " smaller layers (model.hidden)";

    private static final long FLOAT = Float.BYTES;

    /**
     * Bytes a training needs.
     *
     * @param weights        the network's parameters (off-heap)
     * @param gradients      their gradients (off-heap)
     * @param optimizerState optimizer moments, early-stopping copy, masks, initialisation (heap)
     * @param activations    both workspaces (off-heap; masks are counted in optimizerState)
     * @param inputs         the converted training inputs (off-heap)
     * @param batch          the training batch
     */
    public record Estimate(long weights, long gradients, long optimizerState, long activations, long inputs,
                           int batch) {
        public long heap() {
            return optimizerState;
        }

        public long offHeap() {
            return weights + gradients + activations + inputs;
        }

        public long total() {
            return heap() + offHeap();
        }
    }

    /**
     * What this JVM may still use.
     *
     * @param heapFree    the heap not yet used, up to -Xmx
     * @param maxHeap     -Xmx
     * @param offHeapFree ND4J's off-heap room: JavaCPP's limit ({@code org.bytedeco.javacpp.maxbytes}, by default
     *                    -Xmx) less what it holds now, and never more than the machine's free memory
     */
    public record Limits(long heapFree, long maxHeap, long offHeapFree) {
        public long total() {
            return heapFree + offHeapFree;
        }

        /** This JVM's limits now. */
        public static Limits ofThisJvm() {
            Natives.init(); // JavaCPP's native memory counters
            Runtime rt = Runtime.getRuntime();
            long maxHeap = rt.maxMemory();
            long heapFree = maxHeap - (rt.totalMemory() - rt.freeMemory());
            long offHeap = Long.MAX_VALUE;
            long max = Pointer.maxBytes();
            if (max > 0) {
                offHeap = Math.max(0, max - Pointer.totalBytes());
            }
            long physical = Pointer.availablePhysicalBytes();
            if (physical > 0) {
                offHeap = Math.min(offHeap, physical);
            }
            return new Limits(heapFree, maxHeap, offHeap);
        }
    }

    private MemoryBudget() {
    }

    /** The estimate for training {@code experiment} on {@code data}; a {@link UserException} for a layer too wide. */
    public static Estimate estimate(Experiment experiment, LoadedDataset data) {
        List<LayerSpec> hidden = experiment.model().layers();
        int in0 = data.inputSize();
        int classes = data.numClasses();
        long params = 0;
        long largest = 0;
        long in = in0;
        for (int l = 0; l <= hidden.size(); l++) {
            long out = l < hidden.size() ? hidden.get(l).units() : classes;
            long values = out * (in + 1);
            if (values > MAX_ARRAY) {
                throw new UserException(String.format(Locale.ROOT, NEVER_FITS, l + 1, out, in, values));
            }
            params += (values + Network.ALIGN - 1) / Network.ALIGN * Network.ALIGN;
            largest = Math.max(largest, values);
            in = out;
        }
        if (params > MAX_ARRAY) {
            throw new UserException(String.format(Locale.ROOT, NETWORK_NEVER_FITS, params));
        }
        int trainCount = data.train().size();
        int validation = data.hasValidationSet() ? data.validation().size()
                : (int) Math.round(experiment.training().validationSplit() * trainCount);
        long n = Math.max(1, trainCount - (data.hasValidationSet() ? 0 : validation));
        long b = Math.min(experiment.training().batchSize(), n);
        long e = Math.min(Trainer.EVAL_BATCH, Math.max(1, Math.max(validation, data.test().size())));
        long trainWs = b * (in0 + 1L) + (long) classes * b;
        long evalWs = e * (in0 + 1L) + (long) classes * e;
        long masks = 0;
        for (LayerSpec s : hidden) {
            long u = s.units();
            trainWs += 2 * (u + 1) * b;
            evalWs += (u + 1) * e;
            if (s.activation() != dev.mlpmaven.config.Activation.RELU) {
                masks += u * b;
            }
        }
        OptimizerSpec os = experiment.optimizer();
        long state = switch (os.type()) {
            case ADAM, ADAMW -> 2 * params;
            case RMSPROP -> params;
            case SGD -> os.momentum() > 0 ? params : 0;
        };
        if (experiment.training().earlyStopping() != null) {
            state += params;
        }
        long converted = (long) trainCount * (in0 + 1L) * FLOAT;
        return new Estimate(params * FLOAT, Optimizer.isPlainSgd(os) ? 0 : params * FLOAT,
                (state + masks + largest) * FLOAT, (trainWs + evalWs) * FLOAT,
                converted <= ScaledInputs.MAX_BYTES ? converted : 0, (int) b);
    }

    /** Fails with {@link #TOO_LARGE} when the estimate does not fit the limits, before anything is allocated. */
    public static void check(Experiment experiment, LoadedDataset data, Limits limits) {
        Estimate est = estimate(experiment, data);
        if (est.heap() > limits.heapFree() || est.offHeap() > limits.offHeapFree()) {
            long suggest = Math.max(1, (long) Math.ceil(est.total() * 1.25 / (1L << 30)));
            throw new UserException(String.format(Locale.ROOT, TOO_LARGE, bytes(est.total()), bytes(est.weights()),
                    bytes(est.gradients()), bytes(est.optimizerState()), est.batch(), bytes(est.activations()),
                    bytes(est.inputs()), bytes(limits.total()), bytes(limits.heapFree()), bytes(limits.maxHeap()),
                    bytes(limits.offHeapFree()), suggest + "g"));
        }
    }

    /** "1.5 GiB", "320 MiB", "12 KiB", "0 B"; "unlimited" for Long.MAX_VALUE. */
    public static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "unlimited";
        }
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MiB", Math.round(b / (double) (1L << 20)));
        }
        if (b >= 1L << 10) {
            return String.format(Locale.ROOT, "%d KiB", Math.round(b / 1024.0));
        }
        return b + " B";
    }
}
