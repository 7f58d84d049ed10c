package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Model file format v1 ({@code model.mlp}); the byte layout is documented in docs/model-format.md.
 *
 * <pre>
 * offset  size  content
 * 0       8     magic, ASCII "MLPMODEL"
 * 8       4     format version, unsigned 32-bit big-endian (1)
 * 12      4     manifest length N in bytes, unsigned 32-bit big-endian (2 .. 16 MiB)
 * 16      N     manifest, UTF-8 JSON object
 * 16+N    W     weights: IEEE-754 float32 little-endian, tensors back to back in the manifest's table order
 * </pre>
 * The file ends right after the weights. Reading checks every header field, every manifest field, every size
 * against the file length (before allocating) and the SHA-256 of the weights; every failure is a
 * {@link UserException} whose message is one of the constants below.
 */
public final class ModelFile {
    /** The first 8 bytes of every model file. */
    public static final String MAGIC = "MLPMODEL";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The largest manifest accepted. */
    public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
    /** The largest layer width (and input size) accepted. */
    public static final int MAX_WIDTH = 1 << 24;
    static final int HEADER_BYTES = 16;

    public static final String NOT_FOUND =
            "%s: model file not found - check the path (mlp:train writes target/mlp/<name>/model.mlp)";
    public static final String NOT_A_MODEL =
            "%s: not an mlp-maven model file: found first bytes %s, expected \"MLPMODEL\" (%s) - pass a model.mlp written by mlp:train";
    public static final String TRUNCATED_HEADER =
            "%s: truncated: found %d bytes, expected at least 16 (magic, format version, manifest length) - the file was cut short; write it again";
    public static final String NEWER_FORMAT =
            "%s: this file was written by a newer mlp-maven (format %d); this plugin reads format 1 - upgrade the plugin";
    public static final String BAD_VERSION =
            "%s: format version: found %d, expected 1 - the file is damaged";
    public static final String MANIFEST_LENGTH =
            "%s: manifest length: found %d bytes, expected 2 to 16777216 - the file is damaged";
    public static final String TRUNCATED_MANIFEST =
            "%s: truncated: the manifest needs %d bytes but %d follow the header - the file was cut short; write it again";
    public static final String MANIFEST_NOT_UTF8 =
            "%s: manifest: found bytes that are not UTF-8, expected UTF-8 JSON - the file is damaged";
    public static final String MANIFEST_NOT_JSON =
            "%s: manifest: found invalid JSON at line %d, column %d, expected a JSON object - the file is damaged";
    public static final String MANIFEST_LIMITS =
            "%s: manifest: found JSON beyond the reader's limits (%s), expected a model manifest - the file is damaged or hostile";
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

    private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        Predictor.check(model);
        checkScaling(model.scaling());
        AtomicFiles.write(file, encode(model, provenance));
    }

    /**
     * SHA-256 (lower-case hex) of the model's weights as stored in a v1 file (every layer's weights then bias,
     * float32 little-endian): the manifest's {@code weightsSha256}. Two runs gave bit-identical weights exactly
     * when these are equal; the files themselves differ in their provenance times.
     */
    public static String weightsSha256(TrainedModel model) {
        ByteBuffer weights = ByteBuffer.allocate(4 * model.layers().stream()
                .mapToInt(l -> l.weights().length + l.bias().length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        for (DenseLayer l : model.layers()) {
            for (float v : l.weights()) {
                weights.putFloat(v);
            }
            for (float v : l.bias()) {
                weights.putFloat(v);
            }
        }
        return CanonicalJson.sha256(weights.array());
    }

    /** The bytes of a v1 file for {@code model}. */
    static byte[] encode(TrainedModel model, Provenance provenance) {
        List<DenseLayer> layers = model.layers();
        long weightBytes = 0;
        for (DenseLayer l : layers) {
            weightBytes += 4L * (l.weights().length + l.bias().length);
        }
        if (weightBytes > Integer.MAX_VALUE - 64L * 1024 * 1024) {
            throw new IllegalArgumentException("model: found " + weightBytes + " weight bytes, expected less than 2 GB");
        }
        ByteBuffer weights = ByteBuffer.allocate((int) weightBytes).order(ByteOrder.LITTLE_ENDIAN);
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("inputSize", model.inputSize());
        ObjectNode scaling = manifest.putObject("inputScaling");
        scaling.put("kind", model.scaling().kind());
        scaling.put("mean", (double) model.scaling().mean());
        scaling.put("std", (double) model.scaling().std());
        ArrayNode names = manifest.putArray("classNames");
        model.classNames().forEach(names::add);
        ArrayNode layerArray = manifest.putArray("layers");
        ArrayNode tensors = manifest.putArray("tensors");
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer l = layers.get(i);
            layerArray.addObject().put("in", l.in()).put("out", l.out()).put("activation", l.activation());
            addTensor(tensors, "layers." + i + ".weights", new int[]{l.out(), l.in()}, l.weights(), weights);
            addTensor(tensors, "layers." + i + ".bias", new int[]{l.out()}, l.bias(), weights);
        }
        manifest.put("weightsSha256", CanonicalJson.sha256(weights.array()));
        manifest.set("provenance", ProvenanceJson.toJson(provenance));
        byte[] json;
        try {
            json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write manifest", e);
        }
        if (json.length > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("manifest: found " + json.length + " bytes, expected at most "
                    + MAX_MANIFEST_BYTES + " - use fewer class names or a smaller experiment");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + json.length + weights.capacity()).order(ByteOrder.BIG_ENDIAN);
        out.put(MAGIC_BYTES).putInt(FORMAT_VERSION).putInt(json.length).put(json).put(weights.array());
        return out.array();
    }

    private static void addTensor(ArrayNode tensors, String name, int[] shape, float[] values, ByteBuffer weights) {
        ObjectNode t = tensors.addObject();
        t.put("name", name);
        ArrayNode s = t.putArray("shape");
        for (int d : shape) {
            s.add(d);
        }
        t.put("offset", weights.position());
        t.put("byteLength", 4L * values.length);
        for (float v : values) {
            weights.putFloat(v);
        }
    }

    /**
     * Reads a model file, checking everything.
     *
     * @throws UserException        with one of this class's messages when the file is missing, not a model,
     *                              of another version, damaged or truncated
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static LoadedModel read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, ch);
        } catch (NoSuchFileException e) {
            throw new UserException(String.format(NOT_FOUND, file), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e, e);
        }
    }

    private static LoadedModel read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer header = readFully(ch, (int) Math.min(size, HEADER_BYTES));
        byte[] first = new byte[Math.min(header.limit(), MAGIC_BYTES.length)];
        header.get(0, first);
        for (int i = 0; i < first.length; i++) {
            if (first[i] != MAGIC_BYTES[i]) {
                throw new UserException(String.format(NOT_A_MODEL, file, HexFormat.of().formatHex(first),
                        HexFormat.of().formatHex(MAGIC_BYTES)));
            }
        }
        if (size < HEADER_BYTES) {
            throw new UserException(String.format(TRUNCATED_HEADER, file, size));
        }
        long version = Integer.toUnsignedLong(header.getInt(8));
        if (version > FORMAT_VERSION) {
            throw new UserException(String.format(NEWER_FORMAT, file, version));
        }
        if (version != FORMAT_VERSION) {
            throw new UserException(String.format(BAD_VERSION, file, version));
        }
        long manifestLength = Integer.toUnsignedLong(header.getInt(12));
        if (manifestLength < 2 || manifestLength > MAX_MANIFEST_BYTES) {
            throw new UserException(String.format(MANIFEST_LENGTH, file, manifestLength));
        }
        if (manifestLength > size - HEADER_BYTES) {
            throw new UserException(String.format(TRUNCATED_MANIFEST, file, manifestLength, size - HEADER_BYTES));
        }
        ByteBuffer manifestBytes = readFully(ch, (int) manifestLength);
        JsonNode manifest = parseManifest(file, manifestBytes);
        Layout layout = Layout.read(file, manifest);
        if (layout.weightBytes > Integer.MAX_VALUE - 8) {
            throw new UserException(String.format(TOO_LARGE, file, layout.weightBytes));
        }
        long available = size - HEADER_BYTES - manifestLength;
        if (layout.weightBytes > available) {
            throw new UserException(String.format(TRUNCATED_WEIGHTS, file, layout.weightBytes, available));
        }
        if (layout.weightBytes < available) {
            throw new UserException(String.format(TRAILING_BYTES, file, available - layout.weightBytes));
        }
        ByteBuffer weights = readFully(ch, (int) layout.weightBytes);
        String actual = CanonicalJson.sha256(weights.array());
        if (!actual.equals(layout.sha256)) {
            throw new UserException(String.format(CHECKSUM_MISMATCH, file, actual, layout.sha256));
        }
        weights.order(ByteOrder.LITTLE_ENDIAN);
        List<DenseLayer> layers = new ArrayList<>();
        for (LayerShape l : layout.layers) {
            float[] w = new float[l.in * l.out];
            float[] b = new float[l.out];
            weights.asFloatBuffer().get(w);
            weights.position(weights.position() + 4 * w.length);
            weights.asFloatBuffer().get(b);
            weights.position(weights.position() + 4 * b.length);
            layers.add(new DenseLayer(l.in, l.out, l.activation, w, b));
        }
        Provenance provenance = ProvenanceJson.fromJson(
                new ManifestFields(file).object(manifest, "", "provenance"), file, "provenance");
        return new LoadedModel(new TrainedModel(layout.inputSize, layers, layout.scaling, layout.classNames),
                provenance, (int) version);
    }

    private static ByteBuffer readFully(FileChannel ch, int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException("file shrank while reading");
            }
        }
        return buf.flip();
    }

    private static JsonNode parseManifest(Path file, ByteBuffer bytes) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw new UserException(String.format(MANIFEST_NOT_UTF8, file));
        }
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(text.toString())) {
            node = MAPPER.readTree(p);
            if (node != null && p.nextToken() != null) {
                throw new JsonParseException(p, "trailing content");
            }
        } catch (StreamConstraintsException e) {
            throw new UserException(String.format(MANIFEST_LIMITS, file, e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new UserException(String.format(MANIFEST_NOT_JSON, file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ManifestFields(file).wrong("(manifest)", node, "an object");
        }
        return node;
    }

    private static void checkScaling(InputScaling s) {
        if (!("scale".equals(s.kind()) || "standardize".equals(s.kind()))
                || !Float.isFinite(s.mean()) || !Float.isFinite(s.std()) || !(s.std() > 0)) {
            throw new IllegalArgumentException("input scaling: found " + s
                    + ", expected kind scale or standardize, a finite mean and a finite std > 0");
        }
    }

    private record LayerShape(int in, int out, String activation) {
    }

    /** The manifest's architecture and tensor table, checked against each other. */
    private record Layout(int inputSize, InputScaling scaling, List<String> classNames, List<LayerShape> layers,
                          long weightBytes, String sha256) {
        static Layout read(Path file, JsonNode m) {
            ManifestFields f = new ManifestFields(file);
            int inputSize = (int) f.integer(m, "", "inputSize", 1, MAX_WIDTH);

            JsonNode s = f.object(m, "", "inputScaling");
            String kind = f.string(s, "inputScaling", "kind");
            if (!kind.equals("scale") && !kind.equals("standardize")) {
                throw f.wrong("inputScaling.kind", s.get("kind"), "\"scale\" or \"standardize\"");
            }
            float mean = (float) f.finiteNumber(s, "inputScaling", "mean");
            float std = (float) f.finiteNumber(s, "inputScaling", "std");
            if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
                throw f.wrong("inputScaling.std", s.get("std"), "a number > 0");
            }

            JsonNode layerArray = f.array(m, "", "layers");
            if (layerArray.isEmpty()) {
                throw f.wrong("layers", layerArray, "at least 1 layer");
            }
            List<LayerShape> layers = new ArrayList<>();
            int width = inputSize;
            for (int i = 0; i < layerArray.size(); i++) {
                String at = "layers[" + i + "]";
                JsonNode l = layerArray.get(i);
                if (!l.isObject()) {
                    throw f.wrong(at, l, "an object");
                }
                int in = (int) f.integer(l, at, "in", 1, MAX_WIDTH);
                if (in != width) {
                    throw f.wrong(at + ".in", l.get("in"), width + " (" + (i == 0 ? "inputSize" : "the out of layers[" + (i - 1) + "]") + ")");
                }
                int out = (int) f.integer(l, at, "out", 1, MAX_WIDTH);
                if ((long) in * out > Integer.MAX_VALUE - 8) {
                    throw f.wrong(at + ".out", l.get("out"), "at most " + ((Integer.MAX_VALUE - 8) / in) + " (in x out must fit a Java array)");
                }
                String activation = f.string(l, at, "activation");
                boolean last = i == layerArray.size() - 1;
                if (last ? !activation.equals(Predictor.OUTPUT_ACTIVATION) : !Predictor.HIDDEN_ACTIVATIONS.contains(activation)) {
                    throw f.wrong(at + ".activation", l.get("activation"), last ? "\"softmax\" (the output layer)"
                            : "one of relu, leaky_relu, elu, gelu, tanh, sigmoid");
                }
                layers.add(new LayerShape(in, out, activation));
                width = out;
            }

            JsonNode names = f.array(m, "", "classNames");
            if (names.size() != width) {
                throw f.wrong("classNames", names, width + " names (the out of the last layer)");
            }
            List<String> classNames = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).isTextual()) {
                    throw f.wrong("classNames[" + i + "]", names.get(i), "a string");
                }
                classNames.add(names.get(i).textValue());
            }

            JsonNode tensors = f.array(m, "", "tensors");
            if (tensors.size() != 2 * layers.size()) {
                throw f.wrong("tensors", tensors, (2 * layers.size()) + " tensors (weights and bias of each layer)");
            }
            long offset = 0;
            for (int i = 0; i < tensors.size(); i++) {
                LayerShape layer = layers.get(i / 2);
                boolean isWeights = i % 2 == 0;
                String expectedName = "layers." + (i / 2) + (isWeights ? ".weights" : ".bias");
                List<Long> expectedShape = isWeights ? List.of((long) layer.out, (long) layer.in) : List.of((long) layer.out);
                String at = "tensors[" + i + "]";
                JsonNode t = tensors.get(i);
                if (!t.isObject()) {
                    throw f.wrong(at, t, "an object");
                }
                String name = f.string(t, at, "name");
                if (!name.equals(expectedName)) {
                    throw f.wrong(at + ".name", t.get("name"), '"' + expectedName + "\" (weights then bias, layer by layer)");
                }
                JsonNode shapeNode = f.array(t, at, "shape");
                List<Long> shape = new ArrayList<>();
                for (int d = 0; d < shapeNode.size(); d++) {
                    shape.add(f.integer(shapeNode.get(d), at + ".shape[" + d + "]", 1, MAX_WIDTH));
                }
                if (!shape.equals(expectedShape)) {
                    throw f.wrong(at + ".shape", shape.toString().replace(" ", ""),
                            expectedShape.toString().replace(" ", "") + " (layer " + (i / 2) + ": in " + layer.in + ", out " + layer.out + ")");
                }
                long tensorOffset = f.integer(t, at, "offset", 0, Long.MAX_VALUE);
                if (tensorOffset != offset) {
                    throw f.wrong(at + ".offset", t.get("offset"), offset + " (tensors are stored back to back in table order)");
                }
                long expectedLength = 4L * (isWeights ? (long) layer.in * layer.out : layer.out);
                long length = f.integer(t, at, "byteLength", 0, Long.MAX_VALUE);
                if (length != expectedLength) {
                    throw f.wrong(at + ".byteLength", t.get("byteLength"), expectedLength + " (4 bytes per float32 of shape "
                            + expectedShape.toString().replace(" ", "") + ")");
                }
                offset += length;
            }
            String sha = f.string(m, "", "weightsSha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw f.wrong("weightsSha256", m.get("weightsSha256"), "64 lower-case hex digits (SHA-256)");
            }
            return new Layout(inputSize, new InputScaling(kind, mean, std), classNames, layers, offset, sha);
        }
    }
}
