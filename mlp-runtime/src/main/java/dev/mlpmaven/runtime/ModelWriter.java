package dev.mlpmaven.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a model as the bytes of a format v2 file (docs/model-format.md). The caller writes them atomically
 * (a temporary file moved into place). The manifest is pretty-printed JSON with its keys in a fixed order; floats
 * are written as the shortest-enough decimal of their double value, so they read back bit for bit.
 */
public final class ModelWriter {
    private ModelWriter() {
    }

    /**
     * The bytes of a v2 file.
     *
     * @param input          how a raw input becomes the network's input; its size is the first layer's {@code in}
     * @param layers         in order, the last one softmax
     * @param classNames     one per output
     * @param provenanceJson the manifest's {@code provenance}: the text of a JSON object (written as parsed)
     * @throws IllegalArgumentException when the model is inconsistent (see {@link MlpModel#of}), the provenance is
     *                                  not a JSON object, or the manifest or weights exceed the format's limits
     */
    public static byte[] encode(InputSpec input, List<Layer> layers, List<String> classNames, String provenanceJson) {
        check(input, layers, classNames);
        Object provenance;
        try {
            provenance = Json.parse(provenanceJson);
        } catch (Json.Failure f) {
            throw new IllegalArgumentException("provenance: found invalid JSON (" + f.getMessage() + "), expected a JSON object");
        }
        if (!(provenance instanceof Map)) {
            throw new IllegalArgumentException("provenance: found " + ManifestFields.describe(provenance)
                    + ", expected a JSON object");
        }
        long weightBytes = 0;
        for (Layer l : layers) {
            weightBytes += 4L * (l.weights().length + l.bias().length);
        }
        if (weightBytes > ModelFormat.MAX_WEIGHT_BYTES - 64L * 1024 * 1024) {
            throw new IllegalArgumentException("model: found " + weightBytes + " weight bytes, expected less than 2 GB");
        }
        byte[] weights = weights(layers, (int) weightBytes);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("inputSize", input.size());
        manifest.put("input", inputJson(input));
        manifest.put("classNames", classNames);
        List<Object> layerArray = new ArrayList<>();
        List<Object> tensors = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Map<String, Object> lj = new LinkedHashMap<>();
            lj.put("in", l.in());
            lj.put("out", l.out());
            lj.put("activation", l.activation().id());
            layerArray.add(lj);
            offset = tensor(tensors, "layers." + i + ".weights", List.of(l.out(), l.in()), offset);
            offset = tensor(tensors, "layers." + i + ".bias", List.of(l.out()), offset);
        }
        manifest.put("layers", layerArray);
        manifest.put("tensors", tensors);
        manifest.put("weightsSha256", sha256(weights));
        manifest.put("provenance", provenance);
        byte[] json = JsonWriter.pretty(manifest).getBytes(StandardCharsets.UTF_8);
        if (json.length > ModelFormat.MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("manifest: found " + json.length + " bytes, expected at most "
                    + ModelFormat.MAX_MANIFEST_BYTES + " - use fewer class names or a smaller experiment");
        }
        ByteBuffer out = ByteBuffer.allocate(ModelFormat.HEADER_BYTES + json.length + weights.length).order(ByteOrder.BIG_ENDIAN);
        out.put(ModelFormat.MAGIC.getBytes(StandardCharsets.US_ASCII)).putInt(ModelFormat.VERSION).putInt(json.length)
                .put(json).put(weights);
        return out.array();
    }

    private static long tensor(List<Object> tensors, String name, List<Integer> shape, long offset) {
        long length = 4L * shape.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("shape", shape);
        t.put("offset", offset);
        t.put("byteLength", length);
        tensors.add(t);
        return offset + length;
    }

    /** The manifest's {@code input} object for {@code input}. */
    static Map<String, Object> inputJson(InputSpec input) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", input.kind());
        if (input instanceof ImageInput i) {
            o.put("height", i.sized() ? i.height() : null);
            o.put("width", i.sized() ? i.width() : null);
            o.put("channels", i.channels());
            o.put("invert", i.invert());
            o.put("resize", i.resize().id());
            o.put("scaling", scalingJson(i.scaling()));
        } else {
            TableInput t = (TableInput) input;
            List<Object> features = new ArrayList<>();
            for (TableInput.Feature f : t.features()) {
                Map<String, Object> fj = new LinkedHashMap<>();
                fj.put("name", f.name());
                if (f instanceof TableInput.Numeric n) {
                    fj.put("type", "numeric");
                    fj.put("mean", n.mean());
                    fj.put("std", n.std());
                } else {
                    fj.put("type", "categorical");
                    fj.put("categories", ((TableInput.Categorical) f).categories());
                }
                features.add(fj);
            }
            o.put("features", features);
            o.put("unseenCategory", t.unseenCategory().id());
            o.put("missing", t.missing().id());
        }
        return o;
    }

    private static Map<String, Object> scalingJson(Scaling s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", s.kind());
        o.put("mean", s.mean());
        o.put("std", s.std());
        return o;
    }

    /** The weights area: every layer's weights then bias, float32 little-endian. */
    private static byte[] weights(List<Layer> layers, int bytes) {
        ByteBuffer w = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Layer l : layers) {
            for (float v : l.weights()) {
                w.putFloat(v);
            }
            for (float v : l.bias()) {
                w.putFloat(v);
            }
        }
        return w.array();
    }

    /**
     * The SHA-256 (lower-case hex) of the weights area of a file holding {@code layers}: the manifest's
     * {@code weightsSha256}. Two models have bit-identical weights exactly when these are equal.
     */
    public static String weightsSha256(List<Layer> layers) {
        long bytes = 0;
        for (Layer l : layers) {
            bytes += 4L * (l.weights().length + l.bias().length);
        }
        return sha256(weights(layers, Math.toIntExact(bytes)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Checks what a model needs: the layers chain from the input size, hidden activations are not softmax, the
     * last is softmax, one class name per output.
     */
    static void check(InputSpec input, List<Layer> layers, List<String> classNames) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model: found no layers, expected at least the output layer");
        }
        int width = input.size();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer.in() != width) {
                throw new IllegalArgumentException("layer " + l + ": found input width " + layer.in() + ", expected " + width);
            }
            boolean last = l == layers.size() - 1;
            if (last != (layer.activation() == Activation.SOFTMAX)) {
                throw new IllegalArgumentException("layer " + l + ": found activation '" + layer.activation().id()
                        + "', expected " + (last ? "softmax" : "one of relu, leaky_relu, elu, gelu, tanh, sigmoid"));
            }
            width = layer.out();
        }
        if (classNames.size() != width) {
            throw new IllegalArgumentException("class names: found " + classNames.size() + ", expected " + width
                    + " (the output width)");
        }
    }
}
