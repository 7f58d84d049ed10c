package dev.mlpmaven.engine.train;

/** Progress of a training run. Called on the training thread. */
public interface TrainingListener {
    /** After each epoch. */
    void onEpoch(EpochResult epoch);

    /** After each batch; cheap implementations only. */
    default void onBatch(int epoch, int batch, int batches) {
    }

    TrainingListener NONE = e -> { };
}
