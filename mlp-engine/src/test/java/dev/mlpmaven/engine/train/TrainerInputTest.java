package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.EarlyStoppingSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.InputScaling;

import org.junit.jupiter.api.Test;

/** Input scaling, the validation split and the messages for data the trainer cannot use. */
class TrainerInputTest {
    private static final LoadedDataset TINY = TestData.tiny(200, 40, 4, 4);

    private static Experiment small(Normalization norm, double validationSplit) {
        Experiment e = TestData.experiment(1, TestData.hidden(Activation.RELU, 0, 8), TestData.sgd(0.1), 32, 1,
                validationSplit, null, 1);
        return new Experiment(e.version(), e.name(), e.seed(), e.dataset(), new ModelSpec(e.model().layers(), norm),
                e.optimizer(), e.training(), e.source());
    }

    @Test
    void standardize_uses_the_training_pixels_mean_and_deviation() {
        double sum = 0;
        double sq = 0;
        byte[] px = TINY.train().images().pixels();
        for (byte p : px) {
            sum += (p & 0xFF) / 255.0;
        }
        double mean = sum / px.length;
        for (byte p : px) {
            double d = (p & 0xFF) / 255.0 - mean;
            sq += d * d;
        }
        double std = Math.sqrt(sq / px.length);
        InputScaling s = new Trainer(small(Normalization.STANDARDIZE, 0), TrainingListener.NONE).train(TINY).model()
                .scaling();
        assertThat(s.kind()).isEqualTo("standardize");
        assertThat((double) s.mean()).isCloseTo(mean, within(1e-6));
        assertThat((double) s.std()).isCloseTo(std, within(1e-6));
    }

    @Test
    void scale_is_the_unit_scaling() {
        assertThat(new Trainer(small(Normalization.SCALE, 0), TrainingListener.NONE).train(TINY).model().scaling())
                .isEqualTo(InputScaling.UNIT);
    }

    @Test
    void validation_split_is_stratified_seeded_and_disjoint() {
        IdxLabels labels = TINY.train().labels();
        ValidationSplit a = ValidationSplit.of(labels, 4, 0.2, new java.util.SplittableRandom(3));
        ValidationSplit b = ValidationSplit.of(labels, 4, 0.2, new java.util.SplittableRandom(3));
        assertThat(a.validation()).containsExactly(b.validation());
        assertThat(a.validation()).hasSize(40);
        assertThat(a.train()).hasSize(160);
        int[] perClass = new int[4];
        for (int i : a.validation()) {
            perClass[labels.label(i)]++;
        }
        assertThat(perClass).containsExactly(10, 10, 10, 10);
        assertThat(java.util.Arrays.stream(a.train()).boxed().toList())
                .doesNotContainAnyElementsOf(java.util.Arrays.stream(a.validation()).boxed().toList());
    }

    @Test
    void validation_metrics_are_those_of_the_epochs_weights_on_the_held_out_samples() {
        Experiment e = small(Normalization.SCALE, 0.2);
        TrainingOutcome out = new Trainer(e, TrainingListener.NONE).train(TINY);
        // the held-out samples: the trainer's third split of the seed's generator (init, shuffle, split)
        java.util.SplittableRandom root = new java.util.SplittableRandom(e.seed());
        root.split();
        root.split();
        int[] held = ValidationSplit.of(TINY.train().labels(), 4, 0.2, root.split()).validation();
        // the one epoch's weights are the final ones: score them here, in double, independently of the trainer
        int correct = 0;
        double loss = 0;
        for (int i : held) {
            double[] a = new double[TINY.inputSize()];
            for (int k = 0; k < a.length; k++) {
                a[k] = (TINY.train().images().pixels()[i * a.length + k] & 0xFF) / 255.0;
            }
            for (dev.mlpmaven.engine.model.DenseLayer layer : out.model().layers()) {
                double[] z = new double[layer.out()];
                for (int o = 0; o < layer.out(); o++) {
                    double sum = layer.bias()[o];
                    for (int k = 0; k < layer.in(); k++) {
                        sum += layer.weights()[o * layer.in() + k] * a[k];
                    }
                    z[o] = layer.activation().equals("relu") ? Math.max(0, sum) : sum;
                }
                a = z;
            }
            double max = java.util.Arrays.stream(a).max().orElseThrow();
            double norm = 0;
            for (double v : a) {
                norm += Math.exp(v - max);
            }
            int label = TINY.train().labels().label(i);
            loss += -(a[label] - max - Math.log(norm));
            int best = 0;
            for (int c = 1; c < a.length; c++) {
                best = a[c] > a[best] ? c : best;
            }
            correct += best == label ? 1 : 0;
        }
        assertThat(held).hasSize(40);
        assertThat(out.epochs().get(0).validationAccuracy()).isEqualTo(correct / 40.0);
        assertThat(out.epochs().get(0).validationLoss()).isCloseTo(loss / 40, within(1e-4));
        TrainingOutcome none = new Trainer(small(Normalization.SCALE, 0), TrainingListener.NONE).train(TINY);
        assertThat(none.epochs().get(0).validationAccuracy()).isNaN();
    }

    @Test
    void label_outside_the_classes_is_rejected() {
        byte[] labels = TINY.train().labels().labels().clone();
        labels[7] = 9;
        LoadedDataset bad = new LoadedDataset("tiny", new DataSplit(TINY.train().images(),
                new IdxLabels(labels.length, labels)), TINY.test(), TINY.classNames(), Map.of(), Map.of());
        assertThatThrownBy(() -> new Trainer(small(Normalization.SCALE, 0), TrainingListener.NONE).train(bad))
                .isInstanceOf(UserException.class)
                .hasMessage("dataset train labels: found label 9 at sample 7, expected 0..3 - the dataset names 4 "
                        + "classes");
    }

    @Test
    void test_images_of_another_size_are_rejected() {
        DataSplit test = new DataSplit(new IdxImages(2, 3, 3, new byte[18]), new IdxLabels(2, new byte[2]));
        LoadedDataset bad = new LoadedDataset("tiny", TINY.train(), test, TINY.classNames(), Map.of(), Map.of());
        assertThatThrownBy(() -> new Trainer(small(Normalization.SCALE, 0), TrainingListener.NONE).train(bad))
                .isInstanceOf(UserException.class)
                .hasMessage("dataset: found test images of 9 pixels, expected 16 like the training images - use a "
                        + "test set of the same image size");
    }

    @Test
    void unknown_early_stopping_metric_is_rejected() {
        Experiment e = TestData.experiment(1, TestData.hidden(Activation.RELU, 0, 8), TestData.sgd(0.1), 32, 1, 0.2,
                new EarlyStoppingSpec("accuracy", 2, 0), 1);
        assertThatThrownBy(() -> new Trainer(e, TrainingListener.NONE).train(TINY))
                .isInstanceOf(UserException.class)
                .hasMessage("training.earlyStopping.metric: found \"accuracy\", expected validation_accuracy or "
                        + "validation_loss");
    }

    @Test
    void evaluator_rejects_images_of_another_size() {
        TrainingOutcome out = new Trainer(small(Normalization.SCALE, 0), TrainingListener.NONE).train(TINY);
        DataSplit other = new DataSplit(new IdxImages(1, 2, 2, new byte[4]), new IdxLabels(1, new byte[1]));
        assertThatThrownBy(() -> Evaluator.evaluate(out.model(), other))
                .isInstanceOf(UserException.class)
                .hasMessage("evaluation data: found images of 4 pixels, expected 16 (the model's input size) - "
                        + "evaluate with images shaped like the training images");
        assertThat(List.of(out.model().inputSize())).containsExactly(16);
    }
}
