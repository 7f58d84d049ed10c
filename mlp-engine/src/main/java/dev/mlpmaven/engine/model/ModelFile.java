package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.ModelFileException;
import dev.mlpmaven.runtime.ModelFormat;
import dev.mlpmaven.runtime.ModelWriter;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's side of the model file ({@code model.mlp}; format in docs/model-format.md): writing a
 * {@link TrainedModel} with its {@link Provenance} (format v2, atomically), and reading one back with its
 * provenance checked field by field. The bytes are encoded and decoded by {@code mlp-runtime}
 * ({@link ModelWriter}, {@link MlpModel#load(Path)}), the one reader of the format; its messages are the constants
 * of {@link ModelFormat}, repeated here for the engine's code and tests.
 */
public final class ModelFile {
    /** The first 8 bytes of every model file. */
    public static final String MAGIC = ModelFormat.MAGIC;
    /** The format version this code writes. */
    public static final int FORMAT_VERSION = ModelFormat.VERSION;
    /** The largest manifest accepted. */
    public static final int MAX_MANIFEST_BYTES = ModelFormat.MAX_MANIFEST_BYTES;
    /** The largest layer width (and input size) accepted. */
    public static final int MAX_WIDTH = ModelFormat.MAX_WIDTH;

    public static final String NOT_FOUND = ModelFormat.NOT_FOUND;
    public static final String NOT_A_MODEL = ModelFormat.NOT_A_MODEL;
    public static final String TRUNCATED_HEADER = ModelFormat.TRUNCATED_HEADER;
    public static final String NEWER_FORMAT = ModelFormat.NEWER_FORMAT;
    public static final String BAD_VERSION = ModelFormat.BAD_VERSION;
    public static final String MANIFEST_LENGTH = ModelFormat.MANIFEST_LENGTH;
    public static final String TRUNCATED_MANIFEST = ModelFormat.TRUNCATED_MANIFEST;
    public static final String MANIFEST_NOT_UTF8 = ModelFormat.MANIFEST_NOT_UTF8;
    public static final String MANIFEST_NOT_JSON = ModelFormat.MANIFEST_NOT_JSON;
    public static final String MANIFEST_LIMITS = ModelFormat.MANIFEST_LIMITS;
    public static final String FIELD_MISSING = ModelFormat.FIELD_MISSING;
    public static final String FIELD_INVALID = ModelFormat.FIELD_INVALID;
    public static final String TRUNCATED_WEIGHTS = ModelFormat.TRUNCATED_WEIGHTS;
    public static final String TRAILING_BYTES = ModelFormat.TRAILING_BYTES;
    public static final String TOO_LARGE = ModelFormat.TOO_LARGE;
    public static final String CHECKSUM_MISMATCH = ModelFormat.CHECKSUM_MISMATCH;
    public static final String WEIGHT_NOT_FINITE = ModelFormat.WEIGHT_NOT_FINITE;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFile() {
    }

    /**
     * Writes {@code model} with its provenance to {@code file} atomically ({@link AtomicFiles}: a temporary file in
     * the same folder, flushed to disk, then moved over {@code file}).
     *
     * @throws IllegalArgumentException when the model is inconsistent (a programming error)
     * @throws UncheckedIOException     when the file cannot be written
     */
    public static void write(TrainedModel model, Provenance provenance, Path file) {
        AtomicFiles.write(file, encode(model, provenance));
    }

    /**
     * SHA-256 (lower-case hex) of the model's weights as stored in a model file (every layer's weights then bias,
     * float32 little-endian): the manifest's {@code weightsSha256}. Two runs gave bit-identical weights exactly
     * when these are equal; the files themselves differ in their provenance times.
     */
    public static String weightsSha256(TrainedModel model) {
        return ModelWriter.weightsSha256(model.runtimeLayers());
    }

    /** The bytes of a model file (format v2) for {@code model}. */
    static byte[] encode(TrainedModel model, Provenance provenance) {
        return ModelWriter.encode(model.input(), model.runtimeLayers(), model.classNames(),
                ProvenanceJson.compact(provenance));
    }

    /**
     * Reads a model file, checking everything: the bytes through {@link MlpModel#load(Path)}, then the provenance
     * fields ({@link ProvenanceJson#fromJson}).
     *
     * @throws UserException        with one of the {@link ModelFormat} messages when the file is missing, not a
     *                              model, of another version, damaged or truncated, or a provenance field is wrong
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static LoadedModel read(Path file) {
        MlpModel model;
        try {
            model = MlpModel.load(file);
        } catch (ModelFileException e) {
            throw new UserException(e.getMessage(), e);
        }
        return of(model, file);
    }

    /** The engine's view of a loaded runtime model; {@code file} names it in provenance messages. */
    public static LoadedModel of(MlpModel model, Path file) {
        List<DenseLayer> layers = model.layers().stream().map(DenseLayer::of).toList();
        JsonNode provenance = MAPPER.valueToTree(model.provenance());
        return new LoadedModel(new TrainedModel(model.input(), layers, model.classNames()),
                ProvenanceJson.fromJson(provenance, file, "provenance"), model.formatVersion());
    }
}
