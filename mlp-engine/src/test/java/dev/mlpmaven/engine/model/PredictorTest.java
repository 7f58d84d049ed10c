package dev.mlpmaven.engine.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PredictorTest {

    @Test
    void activations_match_their_formulas_at_known_points() {
        assertThat(Predictor.activate("relu", -2.0)).isEqualTo(0.0);
        assertThat(Predictor.activate("relu", 1.5)).isEqualTo(1.5);
        assertThat(Predictor.activate("leaky_relu", -2.0)).isEqualTo(-0.02);
        assertThat(Predictor.activate("leaky_relu", 3.0)).isEqualTo(3.0);
        assertThat(Predictor.activate("elu", -1.0)).isCloseTo(Math.exp(-1) - 1, within(1e-15));
        assertThat(Predictor.activate("elu", 2.0)).isEqualTo(2.0);
        // tanh approximation of GELU, not the erf form: gelu(1) = 0.8411919906 (erf form: 0.8413447461)
        assertThat(Predictor.activate("gelu", 1.0)).isCloseTo(0.8411919906, within(1e-9));
        assertThat(Predictor.activate("gelu", -3.0)).isCloseTo(-0.0036373920817, within(1e-11));
        assertThat(Predictor.activate("tanh", 0.5)).isCloseTo(0.46211715726, within(1e-10));
        assertThat(Predictor.activate("sigmoid", 0.0)).isEqualTo(0.5);
        assertThat(Predictor.activate("sigmoid", 2.0)).isCloseTo(0.88079707797, within(1e-10));
    }

    @Test
    void forward_pass_agrees_with_a_plain_double_reference() {
        TrainedModel m = GoldenModelGenerator.model();
        Predictor p = new Predictor(m);
        for (byte[] pixels : GoldenModelGenerator.inputs()) {
            double[] x = new double[16];
            for (int i = 0; i < 16; i++) {
                x[i] = ((pixels[i] & 0xFF) / 255.0 - 0.25) / 0.5;
            }
            for (DenseLayer layer : m.layers()) {
                double[] z = new double[layer.out()];
                for (int o = 0; o < layer.out(); o++) {
                    z[o] = layer.bias()[o];
                    for (int i = 0; i < layer.in(); i++) {
                        z[o] += layer.weights()[o * layer.in() + i] * x[i];
                    }
                }
                if (layer.activation().equals("softmax")) {
                    double sum = 0;
                    for (double v : z) {
                        sum += Math.exp(v);
                    }
                    for (int o = 0; o < z.length; o++) {
                        z[o] = Math.exp(z[o]) / sum;
                    }
                } else {
                    for (int o = 0; o < z.length; o++) {
                        z[o] = Predictor.activate(layer.activation(), z[o]);
                    }
                }
                x = z;
            }
            float[] got = p.probabilities(pixels, 0);
            for (int c = 0; c < 3; c++) {
                assertThat((double) got[c]).isCloseTo(x[c], within(1e-5));
            }
            assertThat(got[0] + got[1] + got[2]).isCloseTo(1f, within(1e-6f));
        }
    }

    @Test
    void probabilities_of_idx_images_are_those_of_each_image() {
        byte[][] inputs = GoldenModelGenerator.inputs();
        byte[] all = new byte[4 * 16];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(inputs[i], 0, all, 16 * i, 16);
        }
        Predictor p = new Predictor(GoldenModelGenerator.model());
        float[][] out = p.probabilities(new dev.mlpmaven.engine.data.IdxImages(4, 4, 4, all));
        for (int i = 0; i < 4; i++) {
            assertThat(out[i]).containsExactly(p.probabilities(inputs[i], 0));
        }
        assertThat(Predictor.argmax(out[2])).isEqualTo(1);
        assertThatThrownBy(() -> p.probabilities(new dev.mlpmaven.engine.data.IdxImages(1, 3, 3, new byte[9])))
                .hasMessage("images: found 9 pixels per image, expected 16 (the model's input size)");
    }

    @Test
    void softmax_is_stable_for_huge_logits() {
        DenseLayer out = new DenseLayer(1, 2, "softmax", new float[]{1000f, -1000f}, new float[]{0f, 0f});
        Predictor p = new Predictor(new TrainedModel(1, List.of(out), InputScaling.UNIT, List.of("a", "b")));
        assertThat(p.forward(new float[]{1f})).containsExactly(1f, 0f);
        assertThat(Predictor.argmax(new float[]{0.2f, 0.5f, 0.5f})).isEqualTo(1);
    }

    @Test
    void predictor_rejects_a_hidden_softmax_and_a_wrong_input_length() {
        DenseLayer hidden = new DenseLayer(2, 2, "softmax", new float[4], new float[2]);
        DenseLayer out = new DenseLayer(2, 2, "softmax", new float[4], new float[2]);
        assertThatThrownBy(() -> new Predictor(new TrainedModel(2, List.of(hidden, out), InputScaling.UNIT, List.of("a", "b"))))
                .hasMessage("layer 0: found activation 'softmax', expected one of " + Predictor.HIDDEN_ACTIVATIONS);
        Predictor p = new Predictor(new TrainedModel(2, List.of(out), InputScaling.UNIT, List.of("a", "b")));
        assertThatThrownBy(() -> p.forward(new float[3])).hasMessage("input: found 3 values, expected 2");
        assertThatThrownBy(() -> p.probabilities(new byte[3], 2))
                .hasMessage("pixels: found 1 bytes from offset 2, expected at least 2");
    }
}
