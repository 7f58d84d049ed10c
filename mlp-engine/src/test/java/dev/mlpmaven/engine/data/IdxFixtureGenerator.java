package dev.mlpmaven.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the tiny IDX fixtures in {@code src/test/resources/dev/mlpmaven/engine/data/idx/}, good and broken.
 * {@code IdxFixturesTest} regenerates them and compares with the committed files, so this class and the files
 * never drift apart. Regenerate with:
 * <pre>java -cp mlp-engine/target/test-classes dev.mlpmaven.engine.data.IdxFixtureGenerator \
 *     mlp-engine/src/test/resources/dev/mlpmaven/engine/data/idx</pre>
 * (Java's GZIPOutputStream writes a zero modification time, so the .gz files are reproducible.)
 */
public final class IdxFixtureGenerator {
    /** 3 images of 2x4 pixels. */
    static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, (byte) 200, (byte) 201,
            (byte) 202, (byte) 203, (byte) 204, (byte) 205, (byte) 206, (byte) 255};
    static final byte[] LABELS = {0, 9, 3};

    private IdxFixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "mlp-engine/src/test/resources/dev/mlpmaven/engine/data/idx");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : fixtures().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
            System.out.println("wrote " + dir.resolve(e.getKey()) + " (" + e.getValue().length + " bytes)");
        }
    }

    static Map<String, byte[]> fixtures() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        byte[] images = images(0x00000803, 3, 2, 4, PIXELS);
        byte[] labels = labels(0x00000801, 3, LABELS);
        f.put("images.idx", images);
        f.put("labels.idx", labels);
        f.put("images.idx.gz", gzip(images));
        f.put("labels.idx.gz", gzip(labels));
        f.put("empty.idx", new byte[0]);
        f.put("header-short.idx", Arrays.copyOf(images, 10));
        f.put("images-with-labels-magic.idx", images(0x00000801, 3, 2, 4, PIXELS));
        f.put("images-magic-0802.idx", images(0x00000802, 3, 2, 4, PIXELS));
        f.put("images-nonzero-first-bytes.idx", images(0x504B0803, 3, 2, 4, PIXELS));
        f.put("images-float-type.idx", images(0x00000D03, 3, 2, 4, PIXELS));
        f.put("labels-with-images-magic.idx", labels(0x00000803, 3, LABELS));
        f.put("images-zero-rows.idx", images(0x00000803, 3, 0, 4, new byte[0]));
        f.put("images-truncated.idx", Arrays.copyOf(images, images.length - 5));
        f.put("images-trailing.idx", Arrays.copyOf(images, images.length + 3));
        f.put("images-truncated.idx.gz", gzip(Arrays.copyOf(images, images.length - 5)));
        f.put("images-trailing.idx.gz", gzip(Arrays.copyOf(images, images.length + 3)));
        // a header claiming 4,294,967,295 images of 28x28 in front of 24 bytes of data
        f.put("images-billions.idx", images(0x00000803, 0xFFFFFFFF, 28, 28, PIXELS));
        f.put("images-billions.idx.gz", gzip(images(0x00000803, 0xFFFFFFFF, 28, 28, PIXELS)));
        f.put("labels-out-of-range.idx", labels(0x00000801, 3, new byte[] {0, 10, 3}));
        f.put("labels-two.idx", labels(0x00000801, 2, new byte[] {0, 9}));
        byte[] damaged = gzip(images);
        damaged[damaged.length / 2] ^= 0x5A;
        damaged[damaged.length / 2 + 1] ^= 0x5A;
        f.put("images-damaged.idx.gz", damaged);
        return f;
    }

    public static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(magic).putInt(count).putInt(rows).putInt(cols)
                .put(pixels).array();
    }

    public static byte[] labels(int magic, int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length).putInt(magic).putInt(count).put(labels).array();
    }

    public static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
