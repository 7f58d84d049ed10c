package dev.mlpmaven.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MlpModelTest {
    static final List<String> TEN = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");

    /** 64 -> 16 -> 12 of {@code activation} -> softmax 10; weights uniform in +-2.5/sqrt(fan-in). */
    static MlpModel randomModel(Activation activation, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] widths = {64, 16, 12, 10};
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            double a = 2.5 / Math.sqrt(widths[l]);
            float[] w = new float[widths[l] * widths[l + 1]];
            float[] b = new float[widths[l + 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) rnd.nextDouble(-a, a);
            }
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) rnd.nextDouble(-0.5, 0.5);
            }
            layers.add(new Layer(widths[l], widths[l + 1], l + 2 == widths.length ? Activation.SOFTMAX : activation, w, b));
        }
        return MlpModel.of(ImageInput.of(8, 8, 1, false, ImageInput.Resize.NONE, Scaling.standardize(0.286f, 0.353f)),
                layers, TEN);
    }

    /** Random network inputs; every third row has runs of zeros (whole groups of four are skipped). */
    static float[][] inputs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] x = new float[n][64];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 64; i++) {
                x[r][i] = r % 3 == 0 && (i / 4) % 2 == 0 ? 0f : (float) rnd.nextDouble(-1.5, 2.5);
            }
        }
        return x;
    }

    @Test
    void activations_match_their_formulas_at_known_points() {
        assertThat(Activation.RELU.apply(-2.0)).isEqualTo(0.0);
        assertThat(Activation.RELU.apply(1.5)).isEqualTo(1.5);
        assertThat(Activation.LEAKY_RELU.apply(-2.0)).isEqualTo(-0.02);
        assertThat(Activation.LEAKY_RELU.apply(3.0)).isEqualTo(3.0);
        assertThat(Activation.ELU.apply(-1.0)).isCloseTo(Math.exp(-1) - 1, within(1e-15));
        assertThat(Activation.ELU.apply(2.0)).isEqualTo(2.0);
        // tanh approximation of GELU, not the erf form: gelu(1) = 0.8411919906 (erf form: 0.8413447461)
        assertThat(Activation.GELU.apply(1.0)).isCloseTo(0.8411919906, within(1e-9));
        assertThat(Activation.GELU.apply(-3.0)).isCloseTo(-0.0036373920817, within(1e-11));
        assertThat(Activation.TANH.apply(0.5)).isCloseTo(0.46211715726, within(1e-10));
        assertThat(Activation.SIGMOID.apply(0.0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.apply(2.0)).isCloseTo(0.88079707797, within(1e-10));
        assertThatThrownBy(() -> Activation.SOFTMAX.apply(1.0)).hasMessage("softmax applies to a whole layer");
        assertThat(Activation.of("leaky_relu")).isEqualTo(Activation.LEAKY_RELU);
        assertThat(Activation.of("swish")).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void float_forward_pass_agrees_with_the_double_reference(Activation activation) {
        MlpModel m = randomModel(activation, activation.ordinal() * 7919L);
        float[][] x = inputs(40, 11);
        float[][] p = m.probabilities(x);
        for (int r = 0; r < x.length; r++) {
            float[] ref = ReferenceForward.probabilities(m.layers(), x[r]);
            for (int c = 0; c < 10; c++) {
                assertThat(p[r][c]).as("%s row %d class %d", activation, r, c).isCloseTo(ref[c], within(2e-6f));
            }
            float sum = 0;
            for (float v : p[r]) {
                sum += v;
            }
            assertThat(sum).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void a_batch_gives_the_same_bits_as_one_input_at_a_time() {
        MlpModel m = randomModel(Activation.GELU, 5);
        float[][] x = inputs(37, 3);
        float[][] batch = m.probabilities(x);
        List<Prediction> predictions = m.predict(x);
        for (int r = 0; r < x.length; r++) {
            assertThat(batch[r]).containsExactly(m.probabilities(x[r]));
            assertThat(predictions.get(r).probabilities()).containsExactly(batch[r]);
        }
        assertThat(m.probabilities(new float[0][])).isEmpty();
    }

    @Test
    void many_threads_share_one_model() throws Exception {
        MlpModel m = randomModel(Activation.TANH, 9);
        float[][] x = inputs(100, 4);
        float[][] expected = m.probabilities(x);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> m.probabilities(x)));
            }
            for (Future<float[][]> f : results) {
                assertThat(f.get()).isDeepEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void softmax_is_stable_for_huge_logits() {
        Layer out = new Layer(1, 2, Activation.SOFTMAX, new float[] {1000f, -1000f}, new float[] {0f, 0f});
        MlpModel m = MlpModel.of(ImageInput.unsized(1, Scaling.UNIT), List.of(out), List.of("a", "b"));
        assertThat(m.probabilities(new float[] {1f})).containsExactly(1f, 0f);
    }

    @Test
    void prediction_names_the_most_probable_class_and_ranks_the_top_k() {
        Layer out = new Layer(1, 4, Activation.SOFTMAX, new float[] {0f, 0f, 0f, 0f},
                new float[] {0.1f, 2f, 0.1f, 1f});
        MlpModel m = MlpModel.of(ImageInput.unsized(1, Scaling.UNIT), List.of(out), List.of("a", "b", "c", "d"));
        Prediction p = m.predict(new float[] {1f});
        assertThat(p.index()).isEqualTo(1);
        assertThat(p.className()).isEqualTo("b");
        assertThat(p.probability()).isEqualTo(p.probabilities()[1]);
        assertThat(p.top(3)).extracting(Prediction.Scored::name).containsExactly("b", "d", "a");
        assertThat(p.top(10)).extracting(Prediction.Scored::index).containsExactly(1, 3, 0, 2);
        assertThat(p.top(0)).isEmpty();
        assertThat(p.top(2).get(0).probability()).isGreaterThan(p.top(2).get(1).probability());
        assertThatThrownBy(() -> p.top(-1)).hasMessage("top: found k = -1, expected k >= 0");
        float[] copy = p.probabilities();
        copy[1] = 0;
        assertThat(p.probability()).isGreaterThan(0.4f);
        Layer tie = new Layer(1, 2, Activation.SOFTMAX, new float[2], new float[2]);
        assertThat(MlpModel.of(ImageInput.unsized(1, Scaling.UNIT), List.of(tie), List.of("x", "y"))
                .predict(new float[] {0f}).className()).isEqualTo("x");
    }

    @Test
    void inputs_are_checked_before_any_work() {
        MlpModel m = randomModel(Activation.RELU, 1);
        assertThatThrownBy(() -> m.predict(new float[3])).isInstanceOf(InvalidInputException.class)
                .hasMessage("input: found 3 values, expected 64 (the model's input size)");
        float[] nan = new float[64];
        nan[7] = Float.NaN;
        assertThatThrownBy(() -> m.predict(nan)).hasMessage("input[7]: found NaN, expected a finite number");
        float[][] batch = inputs(3, 1);
        batch[2] = new float[65];
        assertThatThrownBy(() -> m.predict(batch)).isInstanceOf(InvalidInputException.class)
                .hasMessage("inputs[2]: found 65 values, expected 64 (the model's input size)");
        batch[2] = null;
        assertThatThrownBy(() -> m.predict(batch)).hasMessage("inputs[2]: found null, expected 64 values");
        batch[2] = new float[64];
        batch[1][63] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> m.probabilities(batch)).hasMessage("inputs[1][63]: found -Infinity, expected a finite number");
    }

    @Test
    void an_image_model_predicts_images_and_pixels_alike_and_refuses_rows() {
        MlpModel m = randomModel(Activation.ELU, 2);
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[64];
        for (int i = 0; i < 64; i++) {
            px[i] = (byte) (i * 4);
            img.getRaster().setSample(i % 8, i / 8, 0, i * 4);
        }
        assertThat(m.predictImage(img).probabilities()).containsExactly(m.predictPixels(px).probabilities());
        assertThat(m.predictPixels(px).probabilities()).containsExactly(m.predict(((ImageInput) m.input()).features(px, 0)).probabilities());
        assertThatThrownBy(() -> m.predictRow("1", "2")).isInstanceOf(InvalidInputException.class)
                .hasMessage("the model's input is an image 8x8x1 (height x width x channels), invert false, resize none, "
                        + "Scaling[kind=standardize, mean=0.286, std=0.353], expected a table input - use predictImage or "
                        + "predictPixels for an image model");
    }

    @Test
    void a_table_model_predicts_rows_and_refuses_images() {
        TableInput t = new TableInput(List.of(new TableInput.Numeric("a", 1f, 2f),
                new TableInput.Categorical("b", List.of("x", "y", "z"))), TableInput.Unseen.ERROR, TableInput.Missing.ERROR);
        Layer out = new Layer(4, 2, Activation.SOFTMAX, new float[] {1, 0, 0, 0, 0, 1, 1, 1}, new float[2]);
        MlpModel m = MlpModel.of(t, List.of(out), List.of("no", "yes"));
        assertThat(m.predictRow("3", "y").probabilities()).containsExactly(m.predict(new float[] {1, 0, 1, 0}).probabilities());
        assertThat(m.predictRow(Map.of("b", "y", "a", "3", "label", "no")).probabilities())
                .containsExactly(m.predictRow("3", "y").probabilities());
        assertThatThrownBy(() -> m.predictImage(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the model's input is a table of 2 features (a, b), 4 inputs, unseenCategory error, missing "
                        + "error, expected an image input - use predictRow for a table model");
        assertThatThrownBy(() -> m.predictRow("3", "w")).hasMessage("feature 'b': found \"w\", expected one of \"x\", "
                + "\"y\", \"z\" (the categories seen in training) - the model was trained with unseenCategory: error");
    }

    @Test
    void a_model_is_checked_when_made_and_keeps_its_own_copy_of_the_weights() {
        Layer hidden = new Layer(2, 2, Activation.SOFTMAX, new float[4], new float[2]);
        Layer out = new Layer(2, 2, Activation.SOFTMAX, new float[] {1, 2, 3, 4}, new float[2]);
        ImageInput two = ImageInput.unsized(2, Scaling.UNIT);
        assertThatThrownBy(() -> MlpModel.of(two, List.of(hidden, out), List.of("a", "b")))
                .hasMessage("layer 0: found activation 'softmax', expected one of relu, leaky_relu, elu, gelu, tanh, sigmoid");
        assertThatThrownBy(() -> MlpModel.of(ImageInput.unsized(3, Scaling.UNIT), List.of(out), List.of("a", "b")))
                .hasMessage("layer 0: found input width 2, expected 3");
        assertThatThrownBy(() -> MlpModel.of(two, List.of(out), List.of("a")))
                .hasMessage("class names: found 1, expected 2 (the output width)");
        assertThatThrownBy(() -> MlpModel.of(two, List.of(), List.of("a")))
                .hasMessage("model: found no layers, expected at least the output layer");
        MlpModel m = MlpModel.of(two, List.of(out), List.of("a", "b"));
        float[] before = m.probabilities(new float[] {1, 1});
        out.weights()[0] = 100;
        m.layers().get(0).weights()[1] = 100;
        assertThat(m.probabilities(new float[] {1, 1})).containsExactly(before);
        assertThat(m.layers().get(0).weights()).containsExactly(1, 2, 3, 4);
        assertThat(m.toString()).isEqualTo("MlpModel[2-2, 2 classes, format 2]");
        assertThat(m.provenance()).isEmpty();
    }
}
