package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Makes model files with an edited manifest from a valid one (the reader's hostile files are in
 * mlp-runtime-tests). Used by {@link ModelFileTest}.
 */
final class HostileModelFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HostileModelFiles() {
    }

    /** A 4-3-2 network (relu, softmax): 23 floats, 92 weight bytes. */
    static TrainedModel tinyModel() {
        float[] w0 = new float[12];
        for (int i = 0; i < w0.length; i++) {
            w0[i] = (i - 6) / 4f;
        }
        DenseLayer hidden = new DenseLayer(4, 3, "relu", w0, new float[]{0.5f, -0.5f, 0.25f});
        DenseLayer out = new DenseLayer(3, 2, "softmax", new float[]{1f, -1f, 0.5f, -0.5f, 2f, 0f}, new float[]{0f, 0.125f});
        return new TrainedModel(4, List.of(hidden, out), InputScaling.UNIT, List.of("no", "yes"));
    }

    static byte[] valid() {
        return ModelFile.encode(tinyModel(), GoldenModelGenerator.provenance());
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

    /**
     * The same file with weight number {@code index} (of all the tensors, in file order) set to {@code value} and the
     * manifest's weights checksum updated, so only the finiteness check can refuse it.
     */
    static byte[] withWeight(byte[] file, int index, float value) {
        int start = 16 + manifestLength(file);
        byte[] weights = Arrays.copyOfRange(file, start, file.length);
        ByteBuffer.wrap(weights).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(4 * index, value);
        String sha;
        try {
            sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(weights));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] edited = withManifest(file, m -> m.put("weightsSha256", sha));
        System.arraycopy(weights, 0, edited, 16 + manifestLength(edited), weights.length);
        return edited;
    }
}
