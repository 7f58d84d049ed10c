package dev.mlpmaven.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mlpmaven.runtime.HostileModelFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader refuses every broken or hostile file with its exact message (docs/model-format.md, "Reading a model
 * file safely"), from a file and from a stream alike.
 */
class ModelReaderTest {
    private static final String DAMAGED = " - the file is damaged or was not written by mlp-maven";

    @TempDir
    Path dir;

    private void assertRejected(byte[] bytes, String messageAfterName) throws IOException {
        Path f = dir.resolve("model.mlp");
        Files.write(f, bytes);
        assertThatThrownBy(() -> MlpModel.load(f))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(f + ": " + messageAfterName);
        assertThatThrownBy(() -> MlpModel.load(new ByteArrayInputStream(bytes), "upload.mlp"))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("upload.mlp: " + messageAfterName);
    }

    private MlpModel load(byte[] bytes) {
        return MlpModel.load(new ByteArrayInputStream(bytes));
    }

    @Test
    void valid_v2_and_v1_files_load() {
        MlpModel v2 = load(valid());
        assertThat(v2.formatVersion()).isEqualTo(2);
        assertThat(v2.input()).isEqualTo(TINY_INPUT);
        MlpModel v1 = load(validV1());
        assertThat(v1.formatVersion()).isEqualTo(1);
        assertThat(v1.input()).isEqualTo(ImageInput.unsized(4, Scaling.UNIT));
        assertThat(v1.predict(new float[] {1, 0, 0.5f, 0}).probabilities())
                .containsExactly(v2.predict(new float[] {1, 0, 0.5f, 0}).probabilities());
    }

    @Test
    void reader_rejects_a_missing_file() {
        Path f = dir.resolve("nope.mlp");
        assertThatThrownBy(() -> MlpModel.load(f)).isInstanceOf(ModelFileException.class)
                .hasMessage(f + ": model file not found - check the path (mlp:train writes target/mlp/<name>/model.mlp)");
    }

    @Test
    void reader_rejects_a_missing_class_path_resource() {
        assertThatThrownBy(() -> MlpModel.loadResource("/mlp/nope.mlp")).isInstanceOf(ModelFileException.class)
                .hasMessage("classpath:mlp/nope.mlp: model resource not found on the class path - check the name "
                        + "(mlp:train with copyToClasses puts the model at mlp/<name>.mlp in the jar)");
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
        assertRejected(withVersion(valid(), 3), "this file was written by a newer mlp-maven (format 3); "
                + "this reader reads formats 1 and 2 - upgrade mlp-maven");
    }

    @Test
    void reader_reads_the_version_as_unsigned() throws IOException {
        assertRejected(withVersion(valid(), -1), "this file was written by a newer mlp-maven (format 4294967295); "
                + "this reader reads formats 1 and 2 - upgrade mlp-maven");
    }

    @Test
    void reader_rejects_version_zero() throws IOException {
        assertRejected(withVersion(valid(), 0), "format version: found 0, expected 1 or 2 - the file is damaged");
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
    void reader_rejects_a_large_claimed_manifest_of_a_short_stream_in_bounded_memory() throws IOException {
        byte[] v = withManifestLength(truncated(valid(), 40), 16 * 1024 * 1024);
        assertRejected(v, "truncated: the manifest needs 16777216 bytes but 24 follow the header - the file was cut "
                + "short; write it again");
    }

    @Test
    void reader_rejects_a_manifest_that_is_not_utf8() throws IOException {
        assertRejected(withRawManifest(valid(), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                "manifest: found bytes that are not UTF-8, expected UTF-8 JSON - the file is damaged");
    }

    @Test
    void reader_rejects_a_manifest_that_is_not_json_naming_line_and_column() throws IOException {
        assertRejected(withRawManifest(valid(), "{\n  \"inputSize\": ,\n}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 2, column 16 (unexpected ','), expected a JSON object - the file "
                        + "is damaged");
    }

    @Test
    void reader_rejects_deeply_nested_json_without_overflowing_the_stack() throws IOException {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertRejected(withRawManifest(valid(), deep.getBytes(StandardCharsets.UTF_8)),
                "manifest: found JSON beyond the reader's limits (nesting deeper than 1000 levels at line 1, column "
                        + "1005), expected a model manifest - the file is damaged or hostile");
    }

    @Test
    void reader_rejects_a_number_longer_than_1000_characters() throws IOException {
        String longNumber = "{\"inputSize\": " + "9".repeat(1001) + "}";
        assertRejected(withRawManifest(valid(), longNumber.getBytes(StandardCharsets.UTF_8)),
                "manifest: found JSON beyond the reader's limits (a number of 1001 characters (at most 1000) at line 1, "
                        + "column 15), expected a model manifest - the file is damaged or hostile");
    }

    @Test
    void reader_rejects_duplicate_keys() throws IOException {
        assertRejected(withRawManifest(valid(), "{\"inputSize\": 4, \"inputSize\": 5}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 1, column 18 (duplicate key \"inputSize\"), expected a JSON object "
                        + "- the file is damaged");
    }

    @Test
    void reader_rejects_content_after_the_json_object() throws IOException {
        assertRejected(withRawManifest(valid(), "{} {}".getBytes(StandardCharsets.UTF_8)),
                "manifest: found invalid JSON at line 1, column 4 (content after the JSON value), expected a JSON "
                        + "object - the file is damaged");
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
        assertRejected(withManifest(valid(), m -> m.put("inputSize", 4.0)),
                "manifest field 'inputSize': found 4.0, expected an integer from 1 to 16777216" + DAMAGED);
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
            input(m).put("height", 4096).put("width", 4096);
            ((ObjectNode) m.get("layers").get(0)).put("in", 1 << 24).put("out", 1 << 24);
        }), "manifest field 'layers[0].out': found 16777216, expected at most 31 (4 bytes x in x out must fit a Java "
                + "array)" + DAMAGED);
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
        assertRejected(withManifest(valid(), m -> ((ObjectNode) m.get("layers").get(0)).put("activation", "softmax")),
                "manifest field 'layers[0].activation': found \"softmax\", expected one of relu, leaky_relu, elu, "
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
        assertRejected(withManifest(valid(), m -> m.withArray("classNames").set(1, 7)),
                "manifest field 'classNames[1]': found 7, expected a string" + DAMAGED);
    }

    @Test
    void reader_rejects_a_bad_v1_input_scaling() throws IOException {
        assertRejected(withManifest(validV1(), m -> ((ObjectNode) m.get("inputScaling")).put("std", 0.0)),
                "manifest field 'inputScaling.std': found 0.0, expected a number > 0" + DAMAGED);
        assertRejected(withManifest(validV1(), m -> ((ObjectNode) m.get("inputScaling")).put("kind", "log")),
                "manifest field 'inputScaling.kind': found \"log\", expected \"scale\" or \"standardize\"" + DAMAGED);
        assertRejected(withManifest(validV1(), m -> m.remove("inputScaling")),
                "manifest field 'inputScaling' is missing" + DAMAGED);
    }

    @Test
    void reader_rejects_a_v2_file_without_its_input() throws IOException {
        assertRejected(withManifest(valid(), m -> m.remove("input")), "manifest field 'input' is missing" + DAMAGED);
    }

    @Test
    void reader_rejects_a_bad_image_input() throws IOException {
        assertRejected(withManifest(valid(), m -> input(m).put("kind", "audio")),
                "manifest field 'input.kind': found \"audio\", expected \"image\" or \"table\"" + DAMAGED);
        assertRejected(withManifest(valid(), m -> input(m).put("channels", 4)),
                "manifest field 'input.channels': found 4, expected 1 (gray) or 3 (RGB)" + DAMAGED);
        assertRejected(withManifest(valid(), m -> input(m).put("resize", "bicubic")),
                "manifest field 'input.resize': found \"bicubic\", expected \"none\" or \"bilinear\"" + DAMAGED);
        assertRejected(withManifest(valid(), m -> input(m).put("invert", "no")),
                "manifest field 'input.invert': found \"no\", expected true or false" + DAMAGED);
        assertRejected(withManifest(valid(), m -> input(m).put("height", 0)),
                "manifest field 'input.height': found 0, expected an integer from 1 to 65536" + DAMAGED);
        assertRejected(withManifest(valid(), m -> ((ObjectNode) input(m).get("scaling")).put("std", -1.0)),
                "manifest field 'input.scaling.std': found -1.0, expected a number > 0" + DAMAGED);
    }

    @Test
    void reader_rejects_an_image_input_whose_size_is_not_the_input_size() throws IOException {
        assertRejected(withManifest(valid(), m -> input(m).put("width", 3)),
                "manifest field 'input': found 2x3x1 = 6 values (height x width x channels), expected 4 (inputSize)" + DAMAGED);
    }

    @Test
    void reader_reads_an_image_input_without_a_size_as_unsized() throws IOException {
        MlpModel m = load(withManifest(valid(), x -> input(x).putNull("height").putNull("width")));
        assertThat(m.input()).isEqualTo(ImageInput.unsized(4, Scaling.UNIT));
        assertRejected(withManifest(valid(), x -> input(x).putNull("height").putNull("width").put("channels", 3)),
                "manifest field 'input.channels': found 3, expected 1 (an image input without a size is gray)" + DAMAGED);
    }

    @Test
    void reader_rejects_a_bad_table_input() throws IOException {
        byte[] table = ModelWriter.encode(new TableInput(List.of(new TableInput.Numeric("a", 0f, 1f),
                        new TableInput.Categorical("b", List.of("x", "y", "z"))), TableInput.Unseen.ERROR, TableInput.Missing.ERROR),
                tinyLayers(), List.of("no", "yes"), GoldenModels.PROVENANCE);
        assertThat(load(table).input()).isInstanceOf(TableInput.class);
        assertRejected(withManifest(table, m -> ((ObjectNode) input(m).get("features").get(1)).put("name", "a")),
                "manifest field 'input.features[1].name': found \"a\", expected a name not used by an earlier feature" + DAMAGED);
        assertRejected(withManifest(table, m -> ((ObjectNode) input(m).get("features").get(0)).put("type", "date")),
                "manifest field 'input.features[0].type': found \"date\", expected \"numeric\" or \"categorical\"" + DAMAGED);
        assertRejected(withManifest(table, m -> ((ObjectNode) input(m).get("features").get(0)).put("std", 0.0)),
                "manifest field 'input.features[0].std': found 0.0, expected a number > 0 that fits a float" + DAMAGED);
        assertRejected(withManifest(table, m -> ((ObjectNode) input(m).get("features").get(1)).withArray("categories").add("x")),
                "manifest field 'input.features[1].categories[3]': found \"x\", expected a category not listed before" + DAMAGED);
        assertRejected(withManifest(table, m -> ((ObjectNode) input(m).get("features").get(1)).withArray("categories").add("w")),
                "manifest field 'input': found 5 values (the encoded width of the features), expected 4 (inputSize)" + DAMAGED);
        assertRejected(withManifest(table, m -> input(m).put("missing", "median")),
                "manifest field 'input.missing': found \"median\", expected \"error\" or \"mean\"" + DAMAGED);
        assertRejected(withManifest(table, m -> input(m).put("unseenCategory", "ignore")),
                "manifest field 'input.unseenCategory': found \"ignore\", expected \"error\" or \"zero\"" + DAMAGED);
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
    void reader_rejects_a_bad_weights_checksum_field() throws IOException {
        assertRejected(withManifest(valid(), m -> m.put("weightsSha256", "ABC")),
                "manifest field 'weightsSha256': found \"ABC\", expected 64 lower-case hex digits (SHA-256)" + DAMAGED);
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
        String found = ModelWriter.sha256(java.util.Arrays.copyOfRange(bad, bad.length - 92, bad.length));
        assertRejected(bad, "weights checksum: found SHA-256 " + found + ", expected " + expected
                + " (from the manifest) - the file is damaged; write it again");
    }

    @Test
    void reader_rejects_nan_and_infinite_weights() throws Exception {
        assertRejected(withWeight(valid(), 5, Float.NaN), "tensor 'layers.0.weights': found NaN at index 5, expected "
                + "finite weights - the training diverged; train the model again (a lower learning rate helps)");
        assertRejected(withWeight(valid(), 13, Float.POSITIVE_INFINITY), "tensor 'layers.0.bias': found Infinity at "
                + "index 1, expected finite weights - the training diverged; train the model again (a lower learning "
                + "rate helps)");
        assertRejected(withWeight(valid(), 22, Float.NEGATIVE_INFINITY), "tensor 'layers.1.bias': found -Infinity at "
                + "index 1, expected finite weights - the training diverged; train the model again (a lower learning "
                + "rate helps)");
    }

    @Test
    void reader_rejects_a_provenance_that_is_missing_or_not_an_object() throws IOException {
        assertRejected(withManifest(valid(), m -> m.remove("provenance")), "manifest field 'provenance' is missing" + DAMAGED);
        assertRejected(withManifest(valid(), m -> m.put("provenance", "none")),
                "manifest field 'provenance': found \"none\", expected an object" + DAMAGED);
    }

    @Test
    void reader_ignores_unknown_manifest_fields_added_later_in_a_version() {
        assertThat(load(withManifest(valid(), m -> m.put("comment", "added by a later v2 writer"))).numClasses()).isEqualTo(2);
    }

    @Test
    void reader_keeps_awkward_class_names() {
        byte[] bytes = ModelWriter.encode(TINY_INPUT, tinyLayers(), List.of("ä \"q\"", "tab\there\u0001"), "{}");
        assertThat(load(bytes).classNames()).containsExactly("ä \"q\"", "tab\there\u0001");
    }
}
