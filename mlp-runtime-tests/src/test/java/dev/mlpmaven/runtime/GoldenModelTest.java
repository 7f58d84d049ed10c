package dev.mlpmaven.runtime;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The golden files (see {@link GoldenModels}) must load and predict exactly these values forever. Never regenerate
 * them.
 */
class GoldenModelTest {
    /**
     * Pinned on 2026-11-27 with format v1 by the engine's double-accumulating Predictor; exact float32 values.
     * {@link ReferenceForward} (that algorithm) must still give these bits: the v1 file reads back the same weights.
     */
    static final float[][] V1_DOUBLE_PINS = {
            {0.09302888f, 0.13577741f, 0.7711937f},
            {0.068603076f, 0.5183648f, 0.41303214f},
            {0.012500413f, 0.901266f, 0.08623358f},
            {0.08647527f, 0.14837112f, 0.7651536f},
    };
    /** The runtime's float forward pass on the v1 file (pinned with format v2's runtime, 2026-12-01). */
    static final float[][] V1_FLOAT_PINS = {
            {0.09302887f, 0.13577744f, 0.7711937f},
            {0.068603076f, 0.5183648f, 0.4130321f},
            {0.012500412f, 0.90126604f, 0.08623357f},
            {0.086475275f, 0.1483711f, 0.76515365f},
    };
    /** The v2 image file on {@link GoldenModels#pixels()} (inverted, so input 0 is the v1 file's input 1). */
    static final float[][] V2_IMAGE_PINS = {
            {0.068603076f, 0.5183648f, 0.4130321f},
            {0.09302887f, 0.13577744f, 0.7711937f},
            {0.10015063f, 0.10751255f, 0.7923368f},
            {0.086717054f, 0.1501305f, 0.7631525f},
    };
    /** The v2 table file on {@link GoldenModels#rows()}. */
    static final float[][] V2_TABLE_PINS = {
            {0.08916064f, 0.17425857f, 0.7365808f},
            {0.100417905f, 0.1102465f, 0.7893356f},
            {0.086451836f, 0.14820878f, 0.7653394f},
            {0.05478561f, 0.04053692f, 0.90467745f},
    };

    static Path golden(String name) throws URISyntaxException {
        return Path.of(GoldenModelTest.class.getResource(name).toURI());
    }

    static void assertBits(float[] actual, float[] pinned, String what) {
        assertThat(actual).hasSize(pinned.length);
        for (int c = 0; c < pinned.length; c++) {
            assertThat(Float.floatToIntBits(actual[c])).as("%s class %d: %s, pinned %s", what, c, actual[c], pinned[c])
                    .isEqualTo(Float.floatToIntBits(pinned[c]));
        }
    }

    @Test
    void golden_v1_file_reads_back_the_generated_network_and_the_old_pins_bit_for_bit() throws Exception {
        MlpModel m = MlpModel.load(golden("golden-v1.mlp"));
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.input()).isEqualTo(ImageInput.unsized(16, GoldenModels.SCALING));
        assertThat(m.classNames()).isEqualTo(GoldenModels.CLASS_NAMES);
        List<Layer> expected = GoldenModels.layers();
        assertThat(m.layers()).hasSize(7);
        for (int l = 0; l < 7; l++) {
            Layer a = m.layers().get(l);
            assertThat(a.activation()).isEqualTo(GoldenModels.ACTIVATIONS[l]);
            assertThat(a.in()).isEqualTo(expected.get(l).in());
            assertThat(a.weights()).containsExactly(expected.get(l).weights());
            assertThat(a.bias()).containsExactly(expected.get(l).bias());
        }
        byte[][] inputs = GoldenModels.pixels();
        for (int i = 0; i < inputs.length; i++) {
            assertBits(ReferenceForward.probabilities(m.layers(), ReferenceForward.scale(inputs[i], GoldenModels.SCALING)),
                    V1_DOUBLE_PINS[i], "reference, input " + i);
        }
    }

    @Test
    void golden_v1_file_predicts_its_float_pins_exactly_and_the_old_pins_within_1e_6() throws Exception {
        MlpModel m = MlpModel.load(golden("golden-v1.mlp"));
        byte[][] inputs = GoldenModels.pixels();
        for (int i = 0; i < inputs.length; i++) {
            Prediction p = m.predictPixels(inputs[i]);
            assertBits(p.probabilities(), V1_FLOAT_PINS[i], "input " + i);
            for (int c = 0; c < 3; c++) {
                assertThat(p.probability(c)).isCloseTo(V1_DOUBLE_PINS[i][c], within(1e-6f));
            }
        }
    }

    @Test
    void golden_v1_provenance_reads_as_plain_values() throws Exception {
        Map<String, Object> p = MlpModel.load(golden("golden-v1.mlp")).provenance();
        assertThat(p.get("seed")).isEqualTo(7L);
        assertThat(p.get("gitDirty")).isEqualTo(false);
        assertThat(p).containsEntry("endTime", "2026-01-01T00:00:01Z").containsEntry("cpuModel", "golden CPU");
        @SuppressWarnings("unchecked")
        Map<String, Object> experiment = (Map<String, Object>) p.get("experiment");
        assertThat(experiment.get("name")).isEqualTo("golden");
        assertThat(((Map<?, ?>) experiment.get("training")).get("validationSplit")).isEqualTo(0.25);
    }

    @Test
    void golden_v2_image_file_predicts_its_pins_from_pixels_and_from_an_image() throws Exception {
        MlpModel m = MlpModel.load(golden("golden-v2-image.mlp"));
        assertThat(m.formatVersion()).isEqualTo(2);
        assertThat(m.input()).isEqualTo(GoldenModels.imageInput());
        assertThat(m.weightsSha256()).isEqualTo(MlpModel.load(golden("golden-v1.mlp")).weightsSha256());
        byte[][] inputs = GoldenModels.pixels();
        for (int i = 0; i < inputs.length; i++) {
            assertBits(m.predictPixels(inputs[i]).probabilities(), V2_IMAGE_PINS[i], "input " + i);
            BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
            for (int k = 0; k < 16; k++) {
                img.getRaster().setSample(k % 4, k / 4, 0, inputs[i][k] & 0xFF);
            }
            assertBits(m.predictImage(img).probabilities(), V2_IMAGE_PINS[i], "image " + i);
        }
        assertThat(m.provenance()).isEqualTo(MlpModel.load(golden("golden-v1.mlp")).provenance());
    }

    @Test
    void golden_v2_table_file_predicts_its_pins() throws Exception {
        MlpModel m = MlpModel.load(golden("golden-v2-table.mlp"));
        assertThat(m.input()).isEqualTo(GoldenModels.tableInput());
        String[][] rows = GoldenModels.rows();
        for (int i = 0; i < rows.length; i++) {
            assertBits(m.predictRow(rows[i]).probabilities(), V2_TABLE_PINS[i], "row " + i);
        }
    }

    @Test
    void golden_files_load_the_same_from_a_stream_and_from_the_class_path() throws Exception {
        for (String name : List.of("golden-v1.mlp", "golden-v2-image.mlp", "golden-v2-table.mlp")) {
            MlpModel fromFile = MlpModel.load(golden(name));
            MlpModel fromResource = MlpModel.loadResource("dev/mlpmaven/runtime/" + name);
            MlpModel fromStream;
            try (InputStream in = GoldenModelTest.class.getResourceAsStream(name)) {
                fromStream = MlpModel.load(in);
            }
            for (MlpModel other : List.of(fromResource, fromStream)) {
                assertThat(other.weightsSha256()).isEqualTo(fromFile.weightsSha256());
                assertThat(other.input()).isEqualTo(fromFile.input());
                assertThat(other.provenance()).isEqualTo(fromFile.provenance());
            }
        }
    }
}
