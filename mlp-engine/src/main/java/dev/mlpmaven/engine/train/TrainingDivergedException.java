package dev.mlpmaven.engine.train;

import java.util.List;
import java.util.Locale;

import dev.mlpmaven.config.UserException;

/** The training loss became NaN or infinite: the run stops at once. Carries the epochs completed before. */
public class TrainingDivergedException extends UserException {
    /** Arguments: epoch, batch, batches per epoch, the loss, the learning rate of the epoch. */
    public static final String MESSAGE = "training, epoch %d, batch %d of %d: found a loss of %s, expected a finite "
            + "loss - the training diverged; lower optimizer.learningRate (this epoch used %s)";

    private final int epoch;
    private final int batch;
    private final transient List<EpochResult> epochsDone;

    public TrainingDivergedException(int epoch, int batch, int batches, double loss, double learningRate,
                                     List<EpochResult> epochsDone) {
        super(String.format(Locale.ROOT, MESSAGE, epoch, batch, batches, loss, learningRate));
        this.epoch = epoch;
        this.batch = batch;
        this.epochsDone = List.copyOf(epochsDone);
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
