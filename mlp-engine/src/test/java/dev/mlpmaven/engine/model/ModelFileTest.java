package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static dev.mlpmaven.engine.model.HostileModelFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {
    private static final String DAMAGED = " - the file is damaged or was not written by mlp-maven";

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("model.mlp");
        Files.write(f, bytes);
        return f;
    }

    private void assertRejected(byte[] bytes, String messageAfterPath) throws IOException {
        Path f = file(bytes);
        assertThatThrownBy(() -> ModelFile.read(f))
                .isInstanceOf(UserException.class)
                .hasMessage(f + ": " + messageAfterPath);
    }

    @Test
    void round_trip_keeps_architecture_weights_scaling_class_names_and_provenance() {
        Path f = dir.resolve("model.mlp");
        TrainedModel m = GoldenModelGenerator.model();
        ModelFile.write(m, GoldenModelGenerator.provenance(), f);
        LoadedModel back = ModelFile.read(f);
        assertThat(back.formatVersion()).isEqualTo(1);
        assertThat(back.model().inputSize()).isEqualTo(m.inputSize());
        assertThat(back.model().scaling()).isEqualTo(m.scaling());
        assertThat(back.model().classNames()).isEqualTo(m.classNames());
        for (int l = 0; l < m.layers().size(); l++) {
            assertThat(back.model().layers().get(l).weights()).containsExactly(m.layers().get(l).weights());
            assertThat(back.model().layers().get(l).bias()).containsExactly(m.layers().get(l).bias());
            assertThat(back.model().layers().get(l).activation()).isEqualTo(m.layers().get(l).activation());
        }
        assertThat(back.provenance()).isEqualTo(GoldenModelGenerator.provenance());
    }

    @Test
    void round_trip_keeps_awkward_floats_bit_for_bit() {
        float[] w = {Float.MIN_VALUE, -0f, 0.1f, 1e-38f, Float.MAX_VALUE, -3.4028235e38f};
        TrainedModel m = new TrainedModel(3, java.util.List.of(new DenseLayer(3, 2, "softmax", w,
                new float[]{0.3f, Math.nextUp(1f)})), new InputScaling("standardize", 0.2860402f, 0.3530239f),
                java.util.List.of("ä", "\"quoted\""));
        Path f = dir.resolve("m.mlp");
        ModelFile.write(m, GoldenModelGenerator.provenance(), f);
        LoadedModel back = ModelFile.read(f);
        DenseLayer l = back.model().layers().get(0);
        for (int i = 0; i < w.length; i++) {
            assertThat(Float.floatToRawIntBits(l.weights()[i])).isEqualTo(Float.floatToRawIntBits(w[i]));
        }
        assertThat(l.bias()).containsExactly(0.3f, Math.nextUp(1f));
        assertThat(back.model().scaling()).isEqualTo(m.scaling());
        assertThat(back.model().classNames()).containsExactly("ä", "\"quoted\"");
    }

    @Test
    void write_replaces_an_old_file_and_leaves_no_temporary_file() throws IOException {
        Path f = dir.resolve("model.mlp");
        Files.writeString(f, "old");
        ModelFile.write(tinyModel(), GoldenModelGenerator.provenance(), f);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
        assertThat(Files.readAllBytes(f)).isEqualTo(valid());
    }

    @Test
    void write_starts_with_magic_version_and_manifest_length() {
        byte[] b = valid();
        assertThat(new String(b, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("MLPMODEL");
        assertThat(java.nio.ByteBuffer.wrap(b).getInt(8)).isEqualTo(1);
        assertThat(b.length).isEqualTo(16 + manifestLength(b) + 92);
    }

    @Test
    void weights_sha256_is_the_manifest_checksum_and_tells_weights_apart() {
        assertThat(ModelFile.weightsSha256(tinyModel())).isEqualTo(manifest(valid()).get("weightsSha256").asText());
        TrainedModel m = tinyModel();
        m.layers().get(1).bias()[1] = Math.nextUp(m.layers().get(1).bias()[1]);
        assertThat(ModelFile.weightsSha256(m)).isNotEqualTo(ModelFile.weightsSha256(tinyModel()));
    }

    @Test
    void write_rejects_an_inconsistent_model() {
        TrainedModel m = new TrainedModel(4, tinyModel().layers(), InputScaling.UNIT, java.util.List.of("one"));
        assertThatThrownBy(() -> ModelFile.write(m, GoldenModelGenerator.provenance(), dir.resolve("x.mlp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class names: found 1, expected 2 (the output width)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void reader_rejects_a_missing_file() {
        Path f = dir.resolve("nope.mlp");
        assertThatThrownBy(() -> ModelFile.read(f)).isInstanceOf(UserException.class)
                .hasMessage(f + ": model file not found - check the path (mlp:train writes target/mlp/<name>/model.mlp)");
    }

    @Test
    void reader_rejects_bad_magic() throws IOException {
        assertRejected(withMagic(valid(), "\u0089PNG\r\n\u001a\n"), "not an mlp-maven model file: found first bytes "
                + "89504e470d0a1a0a, expected \"MLPMODEL\" (4d4c504d4f44454c) - pass a model.mlp written by mlp:train");
    }

    @Test
    void reader_rejects_a_short_text_file_as_not_a_model() throws IOException {
        assertRejected("hi".getBytes(StandardCharsets.US_ASCII), "not an mlp-maven model file: found first bytes "
                + "6869, expected \"MLPMODEL\" (4d4c504d4f44454c) - pass a model.mlp written by mlp:train");
    }

    @Test
    void reader_rejects_an_empty_file_as_truncated() throws IOException {
        assertRejected(new byte[0], "truncated: found 0 bytes, expected at least 16 (magic, format version, "
                + "manifest length) - the file was cut short; write it again");
    }

    @Test
    void reader_rejects_a_truncated_header() throws IOException {
        assertRejected(truncated(valid(), 11), "truncated: found 11 bytes, expected at least 16 (magic, format version, "
                + "manifest length) - the file was cut short; write it again");
    }

    @Test
    void reader_rejects_a_newer_format_with_an_upgrade_hint() throws IOException {
        assertRejected(withVersion(valid(), 2), "this file was written by a newer mlp-maven (format 2); "
                + "this plugin reads format 1 - upgrade the plugin");
    }

    @Test
    void reader_reads_the_version_as_unsigned() throws IOException {
        assertRejected(withVersion(valid(), -1), "this file was written by a newer mlp-maven (format 4294967295); "
                + "this plugin reads format 1 - upgrade the plugin");
    }

    @Test
    void reader_rejects_version_zero() throws IOException {
        assertRejected(withVersion(valid(), 0), "format version: found 0, expected 1 - the file is damaged");
    }

    @Test
    void reader_rejects_a_zero_manifest_length() throws IOException {
        assertRejected(withManifestLength(valid(), 0),
                "manifest length: found 0 bytes, expected 2 to 16777216 - the file is damaged");
    }

    @Test
    void reader_rejects_a_huge_manifest_length_before_allocating() throws IOException {
        assertRejected(withManifestLength(valid(), -16), "manifest length: found 4294967280 bytes, "
                + "expected 2 to 16777216 - the file is damaged");
        assertRejected(withManifestLength(valid(), 16 * 1024 * 1024 + 1), "manifest length: found 16777217 bytes, "
                + "expected 2 to 16777216 - the file is damaged");
    }

    @Test
    void reader_rejects_a_manifest_cut_short() throws IOException {
        byte[] v = valid();
        assertRejected(truncated(v, 100), "truncated: the manifest needs " + manifestLength(v)
                + " bytes but 84 follow the header - the file was cut short; write it again");
    }

    @Test
    void reader_rejects_a_manifest_that_is_not_utf8() throws IOException {
        assertRejected(withRawManifest(valid(), new byte[]{'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                "manifest: found bytes that are not UTF-8, expected UTF-8 JSON - the file is damaged");
    }

    @Test
    void reader_rejects_a_manifest_that_is_not_json() throws IOException {
        assertRejected(withRawManifest(valid(), "{\n  \"inputSize\": ,\n}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 2, column 16, expected a JSON object - the file is damaged");
    }

    @Test
    void reader_rejects_deeply_nested_json_without_overflowing_the_stack() throws IOException {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertRejected(withRawManifest(valid(), deep.getBytes(StandardCharsets.UTF_8)),
                "manifest: found JSON beyond the reader's limits (Document nesting depth (1001) exceeds the maximum allowed "
                        + "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)), expected a model manifest - "
                        + "the file is damaged or hostile");
    }

    @Test
    void reader_rejects_duplicate_keys() throws IOException {
        assertRejected(withRawManifest(valid(), "{\"inputSize\": 4, \"inputSize\": 5}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 1, column 29, expected a JSON object - the file is damaged");
    }

    @Test
    void reader_rejects_content_after_the_json_object() throws IOException {
        assertRejected(withRawManifest(valid(), "{} {}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 1, column 5, expected a JSON object - the file is damaged");
    }

    @Test
    void reader_rejects_a_manifest_that_is_not_an_object() throws IOException {
        assertRejected(withRawManifest(valid(), "[1, 2]".getBytes(StandardCharsets.UTF_8)),
                "manifest field '(manifest)': found an array of 2, expected an object" + DAMAGED);
    }

    @Test
    void reader_rejects_a_missing_field() throws IOException {
        assertRejected(withManifest(valid(), m -> m.remove("layers")), "manifest field 'layers' is missing" + DAMAGED);
    }

    @Test
    void reader_rejects_a_field_of_the_wrong_type() throws IOException {
        assertRejected(withManifest(valid(), m -> m.put("inputSize", "4")),
                "manifest field 'inputSize': found \"4\", expected an integer from 1 to 16777216" + DAMAGED);
    }

    @Test
    void reader_rejects_a_negative_layer_size() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("layers").get(0)).put("out", -3)),
                "manifest field 'layers[0].out': found -3, expected an integer from 1 to 16777216" + DAMAGED);
    }

    @Test
    void reader_rejects_a_layer_too_big_for_an_array() throws IOException {
        assertRejected(withManifest(valid(), m -> {
            m.put("inputSize", 1 << 24);
            ((ObjectNode) m.get("layers").get(0)).put("in", 1 << 24).put("out", 1 << 24);
        }), "manifest field 'layers[0].out': found 16777216, expected at most 127 (in x out must fit a Java array)" + DAMAGED);
    }

    @Test
    void reader_rejects_an_overflowing_tensor_length() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("tensors").get(0))
                        .put("byteLength", new java.math.BigInteger("99999999999999999999"))),
                "manifest field 'tensors[0].byteLength': found 99999999999999999999, expected an integer from 0 to "
                        + Long.MAX_VALUE + DAMAGED);
    }

    @Test
    void reader_rejects_layers_that_do_not_chain() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("layers").get(1)).put("in", 4)),
                "manifest field 'layers[1].in': found 4, expected 3 (the out of layers[0])" + DAMAGED);
    }

    @Test
    void reader_rejects_an_unknown_activation() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("layers").get(0)).put("activation", "swish")),
                "manifest field 'layers[0].activation': found \"swish\", expected one of relu, leaky_relu, elu, "
                        + "gelu, tanh, sigmoid" + DAMAGED);
    }

    @Test
    void reader_rejects_an_output_layer_without_softmax() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("layers").get(1)).put("activation", "relu")),
                "manifest field 'layers[1].activation': found \"relu\", expected \"softmax\" (the output layer)" + DAMAGED);
    }

    @Test
    void reader_rejects_class_names_that_do_not_match_the_output_width() throws IOException {
        assertRejected(withManifest(valid(), m -> m.withArray("classNames").add("maybe")),
                "manifest field 'classNames': found an array of 3, expected 2 names (the out of the last layer)" + DAMAGED);
    }

    @Test
    void reader_rejects_a_bad_input_scaling() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("inputScaling")).put("std", 0.0)),
                "manifest field 'inputScaling.std': found 0.0, expected a number > 0" + DAMAGED);
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("inputScaling")).put("kind", "log")),
                "manifest field 'inputScaling.kind': found \"log\", expected \"scale\" or \"standardize\"" + DAMAGED);
    }

    @Test
    void reader_rejects_a_tensor_shape_that_does_not_match_its_layer() throws IOException {
        assertRejected(withManifest(valid(), m -> {
            ObjectNode t = (ObjectNode) m.get("tensors").get(0);
            t.putArray("shape").add(3).add(5);
        }), "manifest field 'tensors[0].shape': found [3,5], expected [3,4] (layer 0: in 4, out 3)" + DAMAGED);
    }

    @Test
    void reader_rejects_tensors_out_of_order() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("tensors").get(1)).put("name", "layers.1.weights")),
                "manifest field 'tensors[1].name': found \"layers.1.weights\", expected \"layers.0.bias\" "
                        + "(weights then bias, layer by layer)" + DAMAGED);
    }

    @Test
    void reader_rejects_a_gap_or_overlap_between_tensors() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("tensors").get(1)).put("offset", 40)),
                "manifest field 'tensors[1].offset': found 40, expected 48 (tensors are stored back to back in table order)" + DAMAGED);
    }

    @Test
    void reader_rejects_a_tensor_length_that_does_not_match_its_shape() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("tensors").get(0)).put("byteLength", 44)),
                "manifest field 'tensors[0].byteLength': found 44, expected 48 (4 bytes per float32 of shape [3,4])" + DAMAGED);
    }

    @Test
    void reader_rejects_truncated_weights() throws IOException {
        byte[] v = valid();
        assertRejected(truncated(v, v.length - 5), "truncated: the tensor table needs 92 weight bytes but 87 follow "
                + "the manifest - the file was cut short; write it again");
    }

    @Test
    void reader_rejects_trailing_bytes() throws IOException {
        assertRejected(withTrailingBytes(valid(), 3), "found 3 bytes after the last tensor, expected none - the file "
                + "is damaged or something was appended to it");
    }

    @Test
    void reader_rejects_a_weights_checksum_mismatch() throws IOException {
        byte[] v = valid();
        String expected = manifest(v).get("weightsSha256").asText();
        byte[] bad = withFlippedWeightBit(v, 10);
        String found = CanonicalJson.sha256(java.util.Arrays.copyOfRange(bad, bad.length - 92, bad.length));
        assertRejected(bad, "weights checksum: found SHA-256 " + found + ", expected " + expected
                + " (from the manifest) - the file is damaged; write it again");
    }

    @Test
    void reader_rejects_a_bad_provenance_field() throws IOException {
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("provenance")).put("experimentSha256", "abc")),
                "manifest field 'provenance.experimentSha256': found \"abc\", expected 64 lower-case hex digits (SHA-256)" + DAMAGED);
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("provenance")).put("startTime", "yesterday")),
                "manifest field 'provenance.startTime': found \"yesterday\", expected an ISO-8601 UTC time such as "
                        + "2026-01-31T12:00:00Z" + DAMAGED);
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("provenance")).remove("seed")),
                "manifest field 'provenance.seed' is missing" + DAMAGED);
    }

    @Test
    void reader_ignores_unknown_manifest_fields_added_later_in_v1() throws IOException {
        Path f = file(withManifest(valid(), m -> m.put("comment", "added by a later v1 writer")));
        assertThat(ModelFile.read(f).model().numClasses()).isEqualTo(2);
    }
}
