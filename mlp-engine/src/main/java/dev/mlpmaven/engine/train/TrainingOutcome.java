package dev.mlpmaven.engine.train;

import java.util.List;

import dev.mlpmaven.engine.model.TrainedModel;

/**
 * What a training run produced.
 *
 * @param model        the trained network (with early stopping: the weights of {@code bestEpoch})
 * @param epochs       one result per epoch run
 * @param test         evaluation of {@code model} on the test split
 * @param stoppedEarly true when early stopping ended the run before the configured epochs
 * @param bestEpoch    1-based epoch whose weights {@code model} holds (the last epoch without early stopping)
 */
public record TrainingOutcome(TrainedModel model, List<EpochResult> epochs, TestResult test, boolean stoppedEarly,
                              int bestEpoch) {
    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }
}
