package dev.mlpmaven.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes small broken model files from a valid one: wrong header fields, edited or raw manifests (edited with
 * Jackson, independently of the runtime's own JSON code), cut or extended weights, non-finite weights. Used by
 * {@link ModelReaderTest}; each method says what it breaks.
 */
final class HostileModelFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostileModelFiles() {
    }

    /** A 4-3-2 network (relu, softmax) on a 2x2 gray image: 23 floats, 92 weight bytes. */
    static List<Layer> tinyLayers() {
        float[] w0 = new float[12];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (i - 6) / 4f;
        }
        Layer hidden = new Layer(4, 3, Activation.RELU, w0, new float[] {0.5f, -0.5f, 0.25f});
        Layer out = new Layer(3, 2, Activation.SOFTMAX, new float[] {1f, -1f, 0.5f, -0.5f, 2f, 0f}, new float[] {0f, 0.125f});
        return List.of(hidden, out);
    }

    static final ImageInput TINY_INPUT = ImageInput.of(2, 2, 1, false, ImageInput.Resize.NONE, Scaling.UNIT);

    /** A valid v2 file of the tiny network. */
    static byte[] valid() {
        return ModelWriter.encode(TINY_INPUT, tinyLayers(), List.of("no", "yes"), GoldenModels.PROVENANCE);
    }

    /** The same file as format v1: version 1, {@code inputScaling} in place of {@code input}. */
    static byte[] validV1() {
        byte[] v1 = withManifest(valid(), m -> {
            m.remove("input");
            m.putObject("inputScaling").put("kind", "scale").put("mean", 0.0).put("std", 1.0);
        });
        return withVersion(v1, 1);
    }

    static int manifestLength(byte[] file) {
        return ByteBuffer.wrap(file).getInt(12);
    }

    static ObjectNode manifest(byte[] file) {
        try {
            return (ObjectNode) MAPPER.readTree(Arrays.copyOfRange(file, 16, 16 + manifestLength(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] withMagic(byte[] file, String magic) {
        byte[] out = file.clone();
        System.arraycopy(magic.getBytes(StandardCharsets.ISO_8859_1), 0, out, 0, 8);
        return out;
    }

    static byte[] withVersion(byte[] file, int version) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putInt(8, version);
        return out;
    }

    static byte[] withManifestLength(byte[] file, int length) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out).putInt(12, length);
        return out;
    }

    /** The same file with the manifest replaced by these bytes (the header's length updated, weights kept). */
    static byte[] withRawManifest(byte[] file, byte[] manifest) {
        int oldLength = manifestLength(file);
        byte[] weights = Arrays.copyOfRange(file, 16 + oldLength, file.length);
        ByteBuffer out = ByteBuffer.allocate(16 + manifest.length + weights.length);
        out.put(file, 0, 12).putInt(manifest.length).put(manifest).put(weights);
        return out.array();
    }

    /** The same file with the manifest edited. */
    static byte[] withManifest(byte[] file, Consumer<ObjectNode> edit) {
        ObjectNode m = manifest(file);
        edit.accept(m);
        try {
            return withRawManifest(file, MAPPER.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's {@code input} object, for editing. */
    static ObjectNode input(ObjectNode manifest) {
        return (ObjectNode) manifest.get("input");
    }

    static byte[] truncated(byte[] file, int length) {
        return Arrays.copyOf(file, length);
    }

    static byte[] withTrailingBytes(byte[] file, int extra) {
        return Arrays.copyOf(file, file.length + extra);
    }

    /** Flips the lowest bit of the byte at {@code fromEnd} bytes before the end (inside the weights). */
    static byte[] withFlippedWeightBit(byte[] file, int fromEnd) {
        byte[] out = file.clone();
        out[out.length - fromEnd] ^= 1;
        return out;
    }

    /** Float {@code index} of the weights area set to {@code value}, with the manifest's checksum updated to match. */
    static byte[] withWeight(byte[] file, int index, float value) throws Exception {
        int start = 16 + manifestLength(file);
        byte[] weights = Arrays.copyOfRange(file, start, file.length);
        ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN).putFloat(4 * index, value);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        byte[] edited = withManifest(file, m -> m.put("weightsSha256", sha));
        System.arraycopy(weights, 0, edited, 16 + manifestLength(edited), weights.length);
        return edited;
    }
}
