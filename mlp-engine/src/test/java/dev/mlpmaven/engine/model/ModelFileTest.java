package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Scaling;
import dev.mlpmaven.runtime.TableInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.mlpmaven.engine.model.HostileModelFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's side of the model file: writing (format v2, atomically) and reading back with the provenance
 * checked. The reader's own checks of hostile files are tested in mlp-runtime-tests ({@code ModelReaderTest}).
 */
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
    void round_trip_keeps_input_architecture_weights_class_names_and_provenance() {
        Path f = dir.resolve("model.mlp");
        TrainedModel m = GoldenModelGenerator.model()
                .withInput(ImageInput.of(4, 4, 1, true, ImageInput.Resize.BILINEAR, Scaling.standardize(0.25f, 0.5f)));
        ModelFile.write(m, GoldenModelGenerator.provenance(), f);
        LoadedModel back = ModelFile.read(f);
        assertThat(back.formatVersion()).isEqualTo(2);
        assertThat(back.model().input()).isEqualTo(m.input());
        assertThat(back.model().scaling()).isEqualTo(new InputScaling("standardize", 0.25f, 0.5f));
        assertThat(back.model().classNames()).isEqualTo(m.classNames());
        for (int l = 0; l < m.layers().size(); l++) {
            assertThat(back.model().layers().get(l).weights()).containsExactly(m.layers().get(l).weights());
            assertThat(back.model().layers().get(l).bias()).containsExactly(m.layers().get(l).bias());
            assertThat(back.model().layers().get(l).activation()).isEqualTo(m.layers().get(l).activation());
        }
        assertThat(back.provenance()).isEqualTo(GoldenModelGenerator.provenance());
    }

    @Test
    void round_trip_keeps_a_table_input_and_an_image_input_without_a_size() {
        TableInput table = new TableInput(List.of(new TableInput.Numeric("a", 0.5f, 2f),
                new TableInput.Categorical("b", List.of("x", "y", "z"))), TableInput.Unseen.ZERO, TableInput.Missing.MEAN);
        TrainedModel t = tinyModel().withInput(table);
        ModelFile.write(t, GoldenModelGenerator.provenance(), dir.resolve("t.mlp"));
        assertThat(ModelFile.read(dir.resolve("t.mlp")).model().input()).isEqualTo(table);
        ModelFile.write(tinyModel(), GoldenModelGenerator.provenance(), dir.resolve("u.mlp"));
        assertThat(ModelFile.read(dir.resolve("u.mlp")).model().input()).isEqualTo(ImageInput.unsized(4, Scaling.UNIT));
    }

    @Test
    void round_trip_keeps_awkward_floats_bit_for_bit() {
        float[] w = {Float.MIN_VALUE, -0f, 0.1f, 1e-38f, Float.MAX_VALUE, -3.4028235e38f};
        TrainedModel m = new TrainedModel(3, List.of(new DenseLayer(3, 2, "softmax", w,
                new float[]{0.3f, Math.nextUp(1f)})), new InputScaling("standardize", 0.2860402f, 0.3530239f),
                List.of("ä", "\"quoted\""));
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
    void write_starts_with_magic_version_2_and_manifest_length() {
        byte[] b = valid();
        assertThat(new String(b, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("MLPMODEL");
        assertThat(java.nio.ByteBuffer.wrap(b).getInt(8)).isEqualTo(2);
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
        TrainedModel m = new TrainedModel(4, tinyModel().layers(), InputScaling.UNIT, List.of("one"));
        assertThatThrownBy(() -> ModelFile.write(m, GoldenModelGenerator.provenance(), dir.resolve("x.mlp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class names: found 1, expected 2 (the output width)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void reader_failures_are_user_exceptions_with_the_runtime_readers_message() throws IOException {
        Path missing = dir.resolve("nope.mlp");
        assertThatThrownBy(() -> ModelFile.read(missing)).isInstanceOf(UserException.class)
                .hasMessage(missing + ": model file not found - check the path (mlp:train writes target/mlp/<name>/model.mlp)");
        byte[] v = valid();
        assertRejected(java.util.Arrays.copyOf(v, v.length - 5), "truncated: the tensor table needs 92 weight bytes "
                + "but 87 follow the manifest - the file was cut short; write it again");
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
    void reader_ignores_unknown_manifest_fields() throws IOException {
        Path f = file(withManifest(valid(), m -> m.put("comment", "added by a later v2 writer")));
        assertThat(ModelFile.read(f).model().numClasses()).isEqualTo(2);
    }
}
