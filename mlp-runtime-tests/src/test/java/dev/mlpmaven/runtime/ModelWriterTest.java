package dev.mlpmaven.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelWriterTest {
    static MlpModel roundTrip(InputSpec input, List<Layer> layers, List<String> names) {
        return MlpModel.load(new ByteArrayInputStream(ModelWriter.encode(input, layers, names, GoldenModels.PROVENANCE)));
    }

    @Test
    void a_v2_file_starts_with_magic_version_and_manifest_length() {
        byte[] b = HostileModelFiles.valid();
        assertThat(new String(b, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("MLPMODEL");
        assertThat(ByteBuffer.wrap(b).getInt(8)).isEqualTo(2);
        assertThat(b.length).isEqualTo(16 + HostileModelFiles.manifestLength(b) + 92);
        String manifest = new String(b, 16, HostileModelFiles.manifestLength(b), StandardCharsets.UTF_8);
        assertThat(manifest).startsWith("{\n  \"inputSize\": 4,\n  \"input\": {\n    \"kind\": \"image\",\n    \"height\": 2,");
        assertThat(manifest).contains("\"shape\": [3, 4]");
    }

    @Test
    void round_trip_keeps_every_kind_of_input() {
        for (InputSpec input : List.of(GoldenModels.imageInput(), GoldenModels.tableInput(),
                ImageInput.unsized(16, Scaling.standardize(0.1f, 0.3f)),
                ImageInput.of(2, 2, 3, false, ImageInput.Resize.NONE, Scaling.UNIT).withScaling(Scaling.UNIT))) {
            List<Layer> layers = input.size() == 16 ? GoldenModels.layers() : List.of(new Layer(12, 3, Activation.SOFTMAX,
                    new float[36], new float[3]));
            MlpModel m = roundTrip(input, layers, GoldenModels.CLASS_NAMES);
            assertThat(m.input()).as("%s", input).isEqualTo(input);
            assertThat(m.weightsSha256()).isEqualTo(ModelWriter.weightsSha256(layers));
        }
    }

    @Test
    void round_trip_keeps_awkward_floats_bit_for_bit() {
        float[] w = {Float.MIN_VALUE, -0f, 0.1f, 1e-38f, Float.MAX_VALUE, -3.4028235e38f};
        Scaling s = Scaling.standardize(0.2860402f, 0.3530239f);
        TableInput t = new TableInput(List.of(new TableInput.Numeric("a", Float.MIN_VALUE, 1e-30f),
                new TableInput.Numeric("b", -3.4e38f, Math.nextUp(1f)), new TableInput.Numeric("c", 0.1f, 7f)),
                TableInput.Unseen.ERROR, TableInput.Missing.ERROR);
        Layer l = new Layer(3, 2, Activation.SOFTMAX, w, new float[] {0.3f, Math.nextUp(1f)});
        for (InputSpec input : List.of(t, ImageInput.of(1, 1, 3, true, ImageInput.Resize.BILINEAR, s))) {
            MlpModel m = roundTrip(input, List.of(l), List.of("ä", "\"quoted\""));
            Layer back = m.layers().get(0);
            for (int i = 0; i < w.length; i++) {
                assertThat(Float.floatToRawIntBits(back.weights()[i])).isEqualTo(Float.floatToRawIntBits(w[i]));
            }
            assertThat(back.bias()).containsExactly(0.3f, Math.nextUp(1f));
            assertThat(m.input()).isEqualTo(input);
            assertThat(m.classNames()).containsExactly("ä", "\"quoted\"");
        }
    }

    @Test
    void the_provenance_is_written_as_given() {
        MlpModel m = roundTrip(GoldenModels.imageInput(), GoldenModels.layers(), GoldenModels.CLASS_NAMES);
        assertThat(m.provenance().get("experimentSha256"))
                .isEqualTo("f0618ab20482bb0c72441a1583d7a441655e14e7414b0a18955d0da271fe4658");
        assertThatThrownBy(() -> ModelWriter.encode(GoldenModels.imageInput(), GoldenModels.layers(),
                GoldenModels.CLASS_NAMES, "[1]")).hasMessage("provenance: found an array of 1, expected a JSON object");
        assertThatThrownBy(() -> ModelWriter.encode(GoldenModels.imageInput(), GoldenModels.layers(),
                GoldenModels.CLASS_NAMES, "{"))
                .hasMessage("provenance: found invalid JSON (unexpected end of the text at line 1, column 2), expected a JSON object");
    }

    @Test
    void writer_refuses_an_inconsistent_model() {
        assertThatThrownBy(() -> ModelWriter.encode(ImageInput.unsized(15, Scaling.UNIT), GoldenModels.layers(),
                GoldenModels.CLASS_NAMES, "{}")).hasMessage("layer 0: found input width 16, expected 15");
        assertThatThrownBy(() -> ModelWriter.encode(GoldenModels.imageInput(), GoldenModels.layers(), List.of("a"), "{}"))
                .hasMessage("class names: found 1, expected 3 (the output width)");
    }
}
