package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.EarlyStoppingSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.LoadedDataset;

import org.junit.jupiter.api.Test;

/** A dataset with a separate validation set: validation metrics and early stopping use it, not a split. */
class ValidationSetTrainingTest {
    private static final LoadedDataset TINY = TestData.tiny(256, 64, 4, 4);

    private static LoadedDataset withValidation(DataSplit validation) {
        return new LoadedDataset(TINY.name(), TINY.train(), TINY.test(), TINY.classNames(), TINY.contentSha256(),
                TINY.origin(), validation);
    }

    private static Experiment experiment(double validationSplit, EarlyStoppingSpec es, int epochs) {
        return TestData.experiment(5, TestData.hidden(Activation.RELU, 0, 8), TestData.sgd(0.1), 32, epochs,
                validationSplit, es, 1);
    }

    @Test
    void validation_metrics_come_from_the_validation_set() {
        // the validation set is the test set: the last epoch's validation metrics are the test metrics
        TrainingOutcome out = new Trainer(experiment(0, null, 3), TrainingListener.NONE)
                .train(withValidation(TINY.test()));
        EpochResult last = out.epochs().get(out.epochs().size() - 1);
        assertThat(last.validationAccuracy()).isEqualTo(out.test().accuracy());
        assertThat(last.validationLoss()).isEqualTo(out.test().loss());
        assertThat(out.epochs()).allSatisfy(r -> assertThat(r.validationAccuracy()).isNotNaN());
    }

    @Test
    void with_a_validation_set_every_training_sample_trains() {
        // the same run without a validation set and with split 0 trains on the same samples in the same order
        TrainingOutcome separate = new Trainer(experiment(0, null, 2), TrainingListener.NONE)
                .train(withValidation(TINY.test()));
        TrainingOutcome noValidation = new Trainer(experiment(0, null, 2), TrainingListener.NONE).train(TINY);
        for (int l = 0; l < separate.model().layers().size(); l++) {
            assertThat(separate.model().layers().get(l).weights())
                    .containsExactly(noValidation.model().layers().get(l).weights());
        }
        assertThat(noValidation.epochs().get(0).validationAccuracy()).isNaN();
    }

    @Test
    void early_stopping_watches_the_validation_set_and_keeps_its_best_weights() {
        EarlyStoppingSpec es = new EarlyStoppingSpec(Trainer.METRIC_LOSS, 2, 0.0);
        TrainingOutcome out = new Trainer(experiment(0, es, 8), TrainingListener.NONE)
                .train(withValidation(TINY.test()));
        // the restored weights are those of the best epoch, scored on the same images as the test
        EpochResult best = out.epochs().get(out.bestEpoch() - 1);
        assertThat(out.test().loss()).isEqualTo(best.validationLoss());
        assertThat(out.epochs()).allSatisfy(r -> assertThat(r.validationLoss()).isGreaterThanOrEqualTo(
                best.validationLoss()));
    }

    @Test
    void early_stopping_without_a_split_needs_the_validation_set() {
        EarlyStoppingSpec es = new EarlyStoppingSpec(Trainer.METRIC_ACCURACY, 2, 0.0);
        assertThatThrownBy(() -> new Trainer(experiment(0, es, 2), TrainingListener.NONE).train(TINY))
                .isInstanceOf(UserException.class)
                .hasMessage("training.earlyStopping: found training.validationSplit 0.0, expected a split > 0 - early"
                        + " stopping watches a validation metric; set training.validationSplit, e.g. 0.1");
    }

    @Test
    void validation_set_together_with_a_split_is_rejected() {
        assertThatThrownBy(() -> new Trainer(experiment(0.25, null, 1), TrainingListener.NONE)
                .train(withValidation(TINY.test())))
                .isInstanceOf(UserException.class)
                .hasMessage("training.validationSplit: found 0.25 with a separate validation set, expected 0 - remove"
                        + " training.validationSplit or the dataset's validation files");
    }

    @Test
    void validation_labels_beyond_the_classes_are_rejected() {
        DataSplit test = TINY.test();
        byte[] labels = test.labels().labels().clone();
        labels[3] = 7;
        DataSplit bad = new DataSplit(test.images(), new IdxLabels(labels.length, labels));
        assertThatThrownBy(() -> new Trainer(experiment(0, null, 1), TrainingListener.NONE)
                .train(withValidation(bad)))
                .isInstanceOf(UserException.class)
                .hasMessage("dataset validation labels: found label 7 at sample 3, expected 0..3 - the dataset names"
                        + " 4 classes");
    }

    @Test
    void validation_images_of_another_size_are_rejected() {
        DataSplit other = TestData.tinySplit(16, 5, 4, 3);
        assertThatThrownBy(() -> new Trainer(experiment(0, null, 1), TrainingListener.NONE)
                .train(withValidation(other)))
                .isInstanceOf(UserException.class)
                .hasMessage("dataset: found validation images of 25 pixels, expected 16 like the training images - use"
                        + " a validation set of the same image size");
    }
}
