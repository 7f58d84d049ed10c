package dev.mlpmaven.engine.train;

import java.util.List;
import java.util.Locale;

import dev.mlpmaven.config.UserException;

/**
 * The training loss of a batch became NaN, infinite, or larger than {@link #limit(int)}: the run stops at once.
 * Carries the epochs completed before. The test loss of the final weights is checked the same way
 * ({@link #afterTraining}).
 *
 * <p>Why a limit and not only NaN: with ReLU, a huge step usually kills every unit instead of overflowing, and the
 * loss then stays finite but enormous while accuracy sits at chance level (the reference blog post's "sometimes
 * fails"). A uniform guess costs ln(classes); a batch that costs {@value #LIMIT_FACTOR} times that has diverged.
 */
public class TrainingDivergedException extends UserException {
    /** A batch loss above this many times ln(classes) counts as diverged. */
    public static final double LIMIT_FACTOR = 100;

    /** Arguments: epoch, batch, batches per epoch, the loss, the limit, the learning rate of the epoch. */
    public static final String MESSAGE = "training, epoch %d, batch %d of %d: found a loss of %.6g, expected a finite "
            + "loss below %.1f (100 x the loss of a uniform guess) - the training diverged; lower "
            + "optimizer.learningRate (this epoch used %s)";

    /**
     * The test loss after the last epoch, checked the same way (the last steps have no batch after them to show it):
     * arguments: the last epoch, the loss, the limit, the learning rate of that epoch.
     */
    public static final String AFTER_TRAINING = "training, after epoch %d: found a test loss of %.6g, expected a finite"
            + " loss below %.1f (100 x the loss of a uniform guess) - the last steps of the training diverged; lower"
            + " optimizer.learningRate (this epoch used %s)";

    private final int epoch;
    private final int batch;
    private final transient List<EpochResult> epochsDone;

    public TrainingDivergedException(int epoch, int batch, int batches, double loss, double limit, double learningRate,
                                     List<EpochResult> epochsDone) {
        this(String.format(Locale.ROOT, MESSAGE, epoch, batch, batches, loss, limit, learningRate), epoch, batch,
                epochsDone);
    }

    private TrainingDivergedException(String message, int epoch, int batch, List<EpochResult> epochsDone) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.epochsDone = List.copyOf(epochsDone);
    }

    /**
     * The test loss of the final weights is NaN, infinite or above the limit: the last steps diverged after the last
     * batch loss was checked. {@link #batch()} is then the epoch's last batch, and every epoch counts as done.
     */
    public static TrainingDivergedException afterTraining(int batches, double testLoss, double limit,
                                                          List<EpochResult> epochs) {
        EpochResult last = epochs.get(epochs.size() - 1);
        return new TrainingDivergedException(String.format(Locale.ROOT, AFTER_TRAINING, last.epoch(), testLoss, limit,
                last.learningRate()), last.epoch(), batches, epochs);
    }

    /** The largest mean batch loss that does not count as diverged, for {@code classes} classes. */
    public static double limit(int classes) {
        return LIMIT_FACTOR * Math.log(Math.max(2, classes));
    }

    /** 1-based epoch in which the loss diverged. */
    public int epoch() {
        return epoch;
    }

    /** 1-based batch of that epoch. */
    public int batch() {
        return batch;
    }

    /** The epochs completed before the divergence. */
    public List<EpochResult> epochsDone() {
        return epochsDone;
    }
}
