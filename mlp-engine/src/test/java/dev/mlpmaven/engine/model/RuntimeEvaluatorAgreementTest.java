package dev.mlpmaven.engine.model;

import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.Evaluator;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Prediction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pure-Java runtime ({@link MlpModel}: model files, anywhere) and the ND4J {@link Evaluator} (the run's test
 * metrics) must compute the same network: for every hidden activation and both input scalings, a small model with random
 * weights (no training) gives the same predicted classes and class probabilities within {@link #TOLERANCE}.
 *
 * <p>The Evaluator only reports the probability of the predicted class (confidence) and the mean loss
 * {@code -log p[label]}; evaluating one image with label {@code c} therefore yields {@code p[c] = exp(-loss)}, so
 * the whole probability vector of each image is compared.
 */
class RuntimeEvaluatorAgreementTest {
    static final double TOLERANCE = 1e-5;
    static final int SIDE = 8;
    static final int PIXELS = SIDE * SIDE;
    static final int CLASSES = 10;
    static final int IMAGES = 12;
    static final List<String> NAMES = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
    static final InputScaling STANDARDIZE = new InputScaling("standardize", 0.2860f, 0.3530f);

    static Stream<Arguments> activationsAndScalings() {
        List<Arguments> all = new ArrayList<>();
        for (String activation : List.of("relu", "leaky_relu", "elu", "gelu", "tanh", "sigmoid")) {
            all.add(Arguments.of(activation, InputScaling.UNIT));
            all.add(Arguments.of(activation, STANDARDIZE));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("activationsAndScalings")
    void runtime_and_evaluator_give_the_same_classes_and_probabilities(String activation, InputScaling scaling) {
        TrainedModel model = randomModel(activation, scaling, activation.hashCode() * 31L + scaling.kind().hashCode());
        byte[] pixels = pixels();
        byte[] labels = new byte[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = (byte) (i % CLASSES);
        }
        MlpModel runtime = MlpModel.of(model.input(), model.runtimeLayers(), model.classNames());
        float[][] expected = new float[IMAGES][];
        int[] classes = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            Prediction p = runtime.predict(((ImageInput) runtime.input()).features(pixels, i * PIXELS));
            expected[i] = p.probabilities();
            classes[i] = p.index();
        }

        Evaluation all = Evaluator.evaluate(model, split(pixels, labels));

        double worst = 0;
        String where = "";
        double lossSum = 0;
        for (int i = 0; i < IMAGES; i++) {
            int cls = classes[i];
            assertThat(all.predicted()[i]).as("%s/%s: predicted class of image %d", activation, scaling.kind(), i)
                    .isEqualTo(cls);
            double d = Math.abs(all.confidence()[i] - expected[i][cls]);
            if (d > worst) {
                worst = d;
                where = String.format(Locale.ROOT, "image %d confidence: evaluator %.8f, runtime %.8f", i,
                        all.confidence()[i], expected[i][cls]);
            }
            lossSum += -Math.log(expected[i][labels[i]]);
            for (int c = 0; c < CLASSES; c++) {
                byte[] one = new byte[PIXELS];
                System.arraycopy(pixels, i * PIXELS, one, 0, PIXELS);
                double p = Math.exp(-Evaluator.evaluate(model, split(one, new byte[] {(byte) c})).result().loss());
                d = Math.abs(p - expected[i][c]);
                if (d > worst) {
                    worst = d;
                    where = String.format(Locale.ROOT, "image %d p[%d]: evaluator %.8f, runtime %.8f", i, c, p,
                            expected[i][c]);
                }
            }
        }
        assertThat(worst).as("%s/%s: largest probability difference (%s)", activation, scaling.kind(), where)
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(all.result().loss()).as("%s/%s: mean test loss", activation, scaling.kind())
                .isCloseTo(lossSum / IMAGES, within(1e-4));
    }

    /**
     * Hidden layers 64 -> 16 -> 12 of {@code activation}, softmax output of 10; weights uniform in
     * +-2.5/sqrt(fan-in) so pre-activations reach well into the non-linear range (negative for elu/gelu/leaky,
     * saturating for tanh/sigmoid).
     */
    static TrainedModel randomModel(String activation, InputScaling scaling, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] widths = {PIXELS, 16, 12, CLASSES};
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double a = 2.5 / Math.sqrt(in);
            float[] w = new float[in * out];
            float[] b = new float[out];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) rnd.nextDouble(-a, a);
            }
            for (int k = 0; k < out; k++) {
                b[k] = (float) rnd.nextDouble(-0.5, 0.5);
            }
            layers.add(new DenseLayer(in, out, l + 2 == widths.length ? "softmax" : activation, w, b));
        }
        return new TrainedModel(PIXELS, layers, scaling, NAMES);
    }

    /** Ten random images, one black and one white. */
    static byte[] pixels() {
        SplittableRandom rnd = new SplittableRandom(2024);
        byte[] px = new byte[IMAGES * PIXELS];
        for (int i = 0; i < (IMAGES - 2) * PIXELS; i++) {
            px[i] = (byte) rnd.nextInt(256);
        }
        java.util.Arrays.fill(px, (IMAGES - 1) * PIXELS, IMAGES * PIXELS, (byte) 255);
        return px;
    }

    static DataSplit split(byte[] pixels, byte[] labels) {
        return new DataSplit(new IdxImages(labels.length, SIDE, SIDE, pixels), new IdxLabels(labels.length, labels));
    }
}
