package dev.mlpmaven.runtime;

/**
 * The {@code model.mlp} file format (docs/model-format.md): its constants and the exact messages of the reader.
 *
 * <pre>
 * offset  size  content
 * 0       8     magic, ASCII "MLPMODEL"
 * 8       4     format version, unsigned 32-bit big-endian (1 or 2)
 * 12      4     manifest length N in bytes, unsigned 32-bit big-endian (2 .. 16 MiB)
 * 16      N     manifest, UTF-8 JSON object
 * 16+N    W     weights: IEEE-754 float32 little-endian, tensors back to back in the manifest's table order
 * </pre>
 * Version 2 adds the manifest's {@code "input"} object (how a raw input becomes the network's input) in place of
 * v1's {@code "inputScaling"}. Every message below starts with the file (or stream) name; a
 * {@link ModelFileException} carries it.
 */
public final class ModelFormat {
    /** The first 8 bytes of every model file. */
    public static final String MAGIC = "MLPMODEL";
    /** The format version written now. */
    public static final int VERSION = 2;
    /** The oldest format version read. */
    public static final int OLDEST_VERSION = 1;
    /** The largest manifest accepted. */
    public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    /** The largest layer width (and input size) accepted. */
    public static final int MAX_WIDTH = InputSpec.MAX_SIZE;
    /** The largest weights area accepted: the weights live in Java arrays. */
    public static final long MAX_WEIGHT_BYTES = Integer.MAX_VALUE - 8;
    /** Magic, version and manifest length. */
    public static final int HEADER_BYTES = 16;

    public static final String NOT_FOUND =
            "%s: model file not found - check the path (mlp:train writes target/mlp/<name>/model.mlp)";
    public static final String RESOURCE_NOT_FOUND =
            "%s: model resource not found on the class path - check the name (mlp:train with copyToClasses puts the "
                    + "model at mlp/<name>.mlp in the jar)";
    public static final String NOT_A_MODEL =
            "%s: not an mlp-maven model file: found first bytes %s, expected \"MLPMODEL\" (%s) - pass a model.mlp written by mlp:train";
    public static final String TRUNCATED_HEADER =
            "%s: truncated: found %d bytes, expected at least 16 (magic, format version, manifest length) - the file was cut short; write it again";
    public static final String NEWER_FORMAT =
            "%s: this file was written by a newer mlp-maven (format %d); this reader reads formats 1 and 2 - upgrade mlp-maven";
    public static final String BAD_VERSION =
            "%s: format version: found %d, expected 1 or 2 - the file is damaged";
    public static final String MANIFEST_LENGTH =
            "%s: manifest length: found %d bytes, expected 2 to 16777216 - the file is damaged";
    public static final String TRUNCATED_MANIFEST =
            "%s: truncated: the manifest needs %d bytes but %d follow the header - the file was cut short; write it again";
    public static final String MANIFEST_NOT_UTF8 =
            "%s: manifest: found bytes that are not UTF-8, expected UTF-8 JSON - the file is damaged";
    public static final String MANIFEST_NOT_JSON =
            "%s: manifest: found invalid JSON at line %d, column %d (%s), expected a JSON object - the file is damaged";
    public static final String MANIFEST_LIMITS =
            "%s: manifest: found JSON beyond the reader's limits (%s at line %d, column %d), expected a model manifest - the file is damaged or hostile";
    public static final String FIELD_MISSING =
            "%s: manifest field '%s' is missing - the file is damaged or was not written by mlp-maven";
    public static final String FIELD_INVALID =
            "%s: manifest field '%s': found %s, expected %s - the file is damaged or was not written by mlp-maven";
    public static final String TRUNCATED_WEIGHTS =
            "%s: truncated: the tensor table needs %d weight bytes but %d follow the manifest - the file was cut short; write it again";
    public static final String TRAILING_BYTES =
            "%s: found %d bytes after the last tensor, expected none - the file is damaged or something was appended to it";
    public static final String TOO_LARGE =
            "%s: the tensor table needs %d weight bytes, expected at most 2147483639 - this reader keeps the weights in one Java array";
    public static final String CHECKSUM_MISMATCH =
            "%s: weights checksum: found SHA-256 %s, expected %s (from the manifest) - the file is damaged; write it again";
    public static final String WEIGHT_NOT_FINITE =
            "%s: tensor '%s': found %s at index %d, expected finite weights - the training diverged; train the model again "
                    + "(a lower learning rate helps)";

    private ModelFormat() {
    }
}
