package dev.mlpmaven.engine.train;

import java.util.List;

import dev.mlpmaven.engine.model.TrainedModel;

/**
 * What a training run produced.
 *
 * @param model        the trained network (with early stopping: the weights of {@code bestEpoch})
 * @param epochs       one result per epoch run
 * @param evaluation   evaluation of {@code model} on the test split, with each sample's prediction
 * @param stoppedEarly true when early stopping ended the run before the configured epochs
 * @param bestEpoch    1-based epoch whose weights {@code model} holds (the last epoch without early stopping)
 * @param evaluateSeconds wall seconds of the evaluation on the test split
 */
public record TrainingOutcome(TrainedModel model, List<EpochResult> epochs, Evaluation evaluation, boolean stoppedEarly,
                              int bestEpoch, double evaluateSeconds) {
    public TrainingOutcome {
        epochs = List.copyOf(epochs);
    }

    /** Accuracy, loss and confusion matrix on the test split. */
    public TestResult test() {
        return evaluation.result();
    }
}
