package dev.mlpmaven.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.mlpmaven.runtime.ModelFormat.*;

/**
 * Reads a model file (format 1 or 2) as hostile input, checking in order: magic, header, version, manifest
 * length (before allocating), UTF-8, JSON (strict, bounded), every manifest field, the tensor table against the
 * layers, the weights' length, their SHA-256, and that every weight is finite. Each failure is a
 * {@link ModelFileException} with one of the messages of {@link ModelFormat}.
 */
final class ModelReader {
    private static final byte[] MAGIC_BYTES = MAGIC.getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;

    private ModelReader() {
    }

    static MlpModel read(InputStream in, String source) throws IOException {
        byte[] header = readUpTo(in, HEADER_BYTES);
        int m = Math.min(header.length, MAGIC_BYTES.length);
        for (int i = 0; i < m; i++) {
            if (header[i] != MAGIC_BYTES[i]) {
                throw fail(NOT_A_MODEL, source, HexFormat.of().formatHex(header, 0, m), HexFormat.of().formatHex(MAGIC_BYTES));
            }
        }
        if (header.length < HEADER_BYTES) {
            throw fail(TRUNCATED_HEADER, source, header.length);
        }
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        long version = Integer.toUnsignedLong(h.getInt(8));
        if (version > VERSION) {
            throw fail(NEWER_FORMAT, source, version);
        }
        if (version < OLDEST_VERSION) {
            throw fail(BAD_VERSION, source, version);
        }
        long manifestLength = Integer.toUnsignedLong(h.getInt(12));
        if (manifestLength < 2 || manifestLength > MAX_MANIFEST_BYTES) {
            throw fail(MANIFEST_LENGTH, source, manifestLength);
        }
        byte[] manifestBytes = readUpTo(in, (int) manifestLength);
        if (manifestBytes.length < manifestLength) {
            throw fail(TRUNCATED_MANIFEST, source, manifestLength, manifestBytes.length);
        }
        Map<String, Object> manifest = parseManifest(source, manifestBytes);
        Layout layout = Layout.read(source, manifest, (int) version);
        if (layout.weightBytes > MAX_WEIGHT_BYTES) {
            throw fail(TOO_LARGE, source, layout.weightBytes);
        }
        byte[] weights = readUpTo(in, (int) layout.weightBytes);
        if (weights.length < layout.weightBytes) {
            throw fail(TRUNCATED_WEIGHTS, source, layout.weightBytes, weights.length);
        }
        long extra = countRest(in);
        if (extra > 0) {
            throw fail(TRAILING_BYTES, source, extra);
        }
        String actual = ModelWriter.sha256(weights);
        if (!actual.equals(layout.sha256)) {
            throw fail(CHECKSUM_MISMATCH, source, actual, layout.sha256);
        }
        FloatBuffer floats = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < layout.layers.size(); l++) {
            LayerShape s = layout.layers.get(l);
            float[] w = new float[s.in * s.out];
            float[] b = new float[s.out];
            floats.get(w);
            floats.get(b);
            checkFinite(source, "layers." + l + ".weights", w);
            checkFinite(source, "layers." + l + ".bias", b);
            layers.add(new Layer(s.in, s.out, s.activation, w, b));
        }
        Map<String, Object> provenance = new ManifestFields(source).object(manifest, "", "provenance");
        return new MlpModel(layout.input, layers, layout.classNames, plainObject(provenance), (int) version, actual);
    }

    private static void checkFinite(String source, String tensor, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw fail(WEIGHT_NOT_FINITE, source, tensor, Float.toString(values[i]), i);
            }
        }
    }

    /** Reads up to {@code n} bytes (fewer only at the end of the stream), growing the buffer as bytes arrive. */
    private static byte[] readUpTo(InputStream in, int n) throws IOException {
        if (n <= CHUNK) {
            return in.readNBytes(n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] buf = new byte[CHUNK];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
            left -= r;
        }
        return out.toByteArray();
    }

    private static long countRest(InputStream in) throws IOException {
        long count = 0;
        byte[] buf = new byte[8192];
        int r;
        while ((r = in.read(buf)) >= 0) {
            count += r;
        }
        return count;
    }

    private static Map<String, Object> parseManifest(String source, byte[] bytes) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw fail(MANIFEST_NOT_UTF8, source);
        }
        Object root;
        try {
            root = Json.parse(text.toString());
        } catch (Json.Failure f) {
            throw f.limit ? fail(MANIFEST_LIMITS, source, f.reason, f.line, f.column)
                    : fail(MANIFEST_NOT_JSON, source, f.line, f.column, f.reason);
        }
        return new ManifestFields(source).object(root, "(manifest)");
    }

    private static ModelFileException fail(String message, Object... args) {
        return new ModelFileException(String.format(Locale.ROOT, message, args));
    }

    /** A JSON tree as plain Java values (see {@link MlpModel#provenance()}), unmodifiable. */
    @SuppressWarnings("unchecked")
    static Object plain(Object node) {
        if (node instanceof Map<?, ?> m) {
            return plainObject((Map<String, Object>) m);
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(plain(v)));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof Json.Num n) {
            return n.plain();
        }
        return node == Json.NULL ? null : node;
    }

    private static Map<String, Object> plainObject(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, plain(v)));
        return Collections.unmodifiableMap(out);
    }

    private record LayerShape(int in, int out, Activation activation) {
    }

    /** The manifest's input, architecture and tensor table, checked against each other. */
    private record Layout(InputSpec input, List<String> classNames, List<LayerShape> layers, long weightBytes,
                          String sha256) {
        static Layout read(String source, Map<String, Object> m, int version) {
            ManifestFields f = new ManifestFields(source);
            int inputSize = (int) f.integer(m, "", "inputSize", 1, MAX_WIDTH);
            InputSpec input = version == 1
                    ? ImageInput.unsized(inputSize, scaling(f, f.object(m, "", "inputScaling"), "inputScaling"))
                    : InputFields.read(f, f.object(m, "", "input"), inputSize);

            List<Object> layerArray = f.array(m, "", "layers");
            if (layerArray.isEmpty()) {
                throw f.wrongValue("layers", layerArray, "at least 1 layer");
            }
            List<LayerShape> layers = new ArrayList<>();
            int width = inputSize;
            for (int i = 0; i < layerArray.size(); i++) {
                String at = "layers[" + i + "]";
                Map<String, Object> l = f.object(layerArray.get(i), at);
                int in = (int) f.integer(l, at, "in", 1, MAX_WIDTH);
                if (in != width) {
                    throw f.wrongValue(at + ".in", l.get("in"), width + " (" + (i == 0 ? "inputSize" : "the out of layers[" + (i - 1) + "]") + ")");
                }
                int out = (int) f.integer(l, at, "out", 1, MAX_WIDTH);
                if ((long) in * out > MAX_WEIGHT_BYTES / 4) {
                    throw f.wrongValue(at + ".out", l.get("out"), "at most " + (MAX_WEIGHT_BYTES / 4 / in) + " (4 bytes x in x out must fit a Java array)");
                }
                String name = f.string(l, at, "activation");
                Activation activation = Activation.of(name);
                boolean last = i == layerArray.size() - 1;
                if (last ? activation != Activation.SOFTMAX : activation == null || !activation.hidden()) {
                    throw f.wrongValue(at + ".activation", l.get("activation"), last ? "\"softmax\" (the output layer)"
                            : "one of relu, leaky_relu, elu, gelu, tanh, sigmoid");
                }
                layers.add(new LayerShape(in, out, activation));
                width = out;
            }

            List<Object> names = f.array(m, "", "classNames");
            if (names.size() != width) {
                throw f.wrongValue("classNames", names, width + " names (the out of the last layer)");
            }
            List<String> classNames = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                classNames.add(f.string(names.get(i), "classNames[" + i + "]"));
            }

            List<Object> tensors = f.array(m, "", "tensors");
            if (tensors.size() != 2 * layers.size()) {
                throw f.wrongValue("tensors", tensors, (2 * layers.size()) + " tensors (weights and bias of each layer)");
            }
            long offset = 0;
            for (int i = 0; i < tensors.size(); i++) {
                LayerShape layer = layers.get(i / 2);
                boolean isWeights = i % 2 == 0;
                String expectedName = "layers." + (i / 2) + (isWeights ? ".weights" : ".bias");
                List<Long> expectedShape = isWeights ? List.of((long) layer.out, (long) layer.in) : List.of((long) layer.out);
                String at = "tensors[" + i + "]";
                Map<String, Object> t = f.object(tensors.get(i), at);
                String name = f.string(t, at, "name");
                if (!name.equals(expectedName)) {
                    throw f.wrongValue(at + ".name", t.get("name"), '"' + expectedName + "\" (weights then bias, layer by layer)");
                }
                List<Object> shapeNode = f.array(t, at, "shape");
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
                    throw f.wrongValue(at + ".offset", t.get("offset"), offset + " (tensors are stored back to back in table order)");
                }
                long expectedLength = 4L * (isWeights ? (long) layer.in * layer.out : layer.out);
                long length = f.integer(t, at, "byteLength", 0, Long.MAX_VALUE);
                if (length != expectedLength) {
                    throw f.wrongValue(at + ".byteLength", t.get("byteLength"), expectedLength + " (4 bytes per float32 of shape "
                            + expectedShape.toString().replace(" ", "") + ")");
                }
                offset += length;
            }
            String sha = f.string(m, "", "weightsSha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw f.wrongValue("weightsSha256", m.get("weightsSha256"), "64 lower-case hex digits (SHA-256)");
            }
            return new Layout(input, List.copyOf(classNames), layers, offset, sha);
        }
    }

    /** A {@code {"kind", "mean", "std"}} scaling object at {@code at}. */
    static Scaling scaling(ManifestFields f, Map<String, Object> s, String at) {
        String kind = f.string(s, at, "kind");
        if (!kind.equals(Scaling.SCALE) && !kind.equals(Scaling.STANDARDIZE)) {
            throw f.wrongValue(at + ".kind", s.get("kind"), "\"scale\" or \"standardize\"");
        }
        float mean = (float) f.finiteNumber(s, at, "mean");
        float std = (float) f.finiteNumber(s, at, "std");
        if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
            throw f.wrongValue(at + ".std", s.get("std"), "a number > 0");
        }
        return new Scaling(kind, mean, std);
    }

    /** The v2 manifest's {@code input} object. */
    static final class InputFields {
        private InputFields() {
        }

        static InputSpec read(ManifestFields f, Map<String, Object> in, int inputSize) {
            String kind = f.string(in, "input", "kind");
            InputSpec spec;
            if (kind.equals(InputSpec.IMAGE)) {
                spec = image(f, in, inputSize);
            } else if (kind.equals(InputSpec.TABLE)) {
                spec = table(f, in);
            } else {
                throw f.wrongValue("input.kind", in.get("kind"), "\"image\" or \"table\"");
            }
            if (spec.size() != inputSize) {
                throw f.wrong("input", spec instanceof ImageInput i && i.sized()
                                ? i.height() + "x" + i.width() + "x" + i.channels() + " = " + i.size() + " values (height x width x channels)"
                                : spec.size() + " values (the encoded width of the features)",
                        inputSize + " (inputSize)");
            }
            return spec;
        }

        private static ImageInput image(ManifestFields f, Map<String, Object> in, int inputSize) {
            if (f.field(in, "input", "height") == Json.NULL && f.field(in, "input", "width") == Json.NULL) {
                // size not recorded (a model made from data of unknown shape): 1 channel, no invert, no resize
                Object channels = f.field(in, "input", "channels");
                if (!(channels instanceof Json.Num n && n.text().equals("1"))) {
                    throw f.wrongValue("input.channels", channels, "1 (an image input without a size is gray)");
                }
                if (f.bool(in, "input", "invert")) {
                    throw f.wrongValue("input.invert", Boolean.TRUE, "false (an image input without a size is not inverted)");
                }
                if (!f.string(in, "input", "resize").equals(ImageInput.Resize.NONE.id())) {
                    throw f.wrongValue("input.resize", in.get("resize"), "\"none\" (an image input without a size does not resize)");
                }
                return ImageInput.unsized(inputSize, scaling(f, f.object(in, "input", "scaling"), "input.scaling"));
            }
            int height = (int) f.integer(in, "input", "height", 1, ImageInput.MAX_SIDE);
            int width = (int) f.integer(in, "input", "width", 1, ImageInput.MAX_SIDE);
            long channels = f.integer(in, "input", "channels", Long.MIN_VALUE, Long.MAX_VALUE);
            if (channels != 1 && channels != 3) {
                throw f.wrongValue("input.channels", in.get("channels"), "1 (gray) or 3 (RGB)");
            }
            boolean invert = f.bool(in, "input", "invert");
            ImageInput.Resize resize = ImageInput.Resize.of(f.string(in, "input", "resize"));
            if (resize == null) {
                throw f.wrongValue("input.resize", in.get("resize"), "\"none\" or \"bilinear\"");
            }
            Scaling scaling = scaling(f, f.object(in, "input", "scaling"), "input.scaling");
            long size = (long) height * width * channels;
            if (size > MAX_WIDTH) {
                throw f.wrong("input", height + "x" + width + "x" + channels + " = " + size + " values (height x width x channels)",
                        "at most " + MAX_WIDTH);
            }
            return ImageInput.of(height, width, (int) channels, invert, resize, scaling);
        }

        private static TableInput table(ManifestFields f, Map<String, Object> in) {
            List<Object> array = f.array(in, "input", "features");
            if (array.isEmpty()) {
                throw f.wrongValue("input.features", array, "at least 1 feature");
            }
            List<TableInput.Feature> features = new ArrayList<>();
            Set<String> names = new HashSet<>();
            long width = 0;
            for (int i = 0; i < array.size(); i++) {
                String at = "input.features[" + i + "]";
                Map<String, Object> o = f.object(array.get(i), at);
                String name = f.string(o, at, "name");
                if (name.isEmpty() || !names.add(name)) {
                    throw f.wrongValue(at + ".name", o.get("name"), name.isEmpty() ? "a column name"
                            : "a name not used by an earlier feature");
                }
                String type = f.string(o, at, "type");
                if (type.equals("numeric")) {
                    float mean = (float) f.finiteNumber(o, at, "mean");
                    float std = (float) f.finiteNumber(o, at, "std");
                    if (!Float.isFinite(mean)) {
                        throw f.wrongValue(at + ".mean", o.get("mean"), "a number that fits a float");
                    }
                    if (!(std > 0) || !Float.isFinite(std)) {
                        throw f.wrongValue(at + ".std", o.get("std"), "a number > 0 that fits a float");
                    }
                    features.add(new TableInput.Numeric(name, mean, std));
                    width++;
                } else if (type.equals("categorical")) {
                    List<Object> cats = f.array(o, at, "categories");
                    if (cats.isEmpty()) {
                        throw f.wrongValue(at + ".categories", cats, "at least 1 category");
                    }
                    List<String> categories = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    for (int c = 0; c < cats.size(); c++) {
                        String cat = f.string(cats.get(c), at + ".categories[" + c + "]");
                        if (!seen.add(cat)) {
                            throw f.wrongValue(at + ".categories[" + c + "]", cat, "a category not listed before");
                        }
                        categories.add(cat);
                    }
                    width += categories.size();
                    if (width > MAX_WIDTH) {
                        throw f.wrongValue(at + ".categories", cats, "at most " + MAX_WIDTH + " inputs in all");
                    }
                    features.add(new TableInput.Categorical(name, categories));
                } else {
                    throw f.wrongValue(at + ".type", o.get("type"), "\"numeric\" or \"categorical\"");
                }
            }
            TableInput.Unseen unseen = TableInput.Unseen.of(f.string(in, "input", "unseenCategory"));
            if (unseen == null) {
                throw f.wrongValue("input.unseenCategory", in.get("unseenCategory"), "\"error\" or \"zero\"");
            }
            TableInput.Missing missing = TableInput.Missing.of(f.string(in, "input", "missing"));
            if (missing == null) {
                throw f.wrongValue("input.missing", in.get("missing"), "\"error\" or \"mean\"");
            }
            return new TableInput(features, unseen, missing);
        }
    }
}
