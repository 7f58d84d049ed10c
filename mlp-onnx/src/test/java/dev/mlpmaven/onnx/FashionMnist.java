package dev.mlpmaven.onnx;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The first images of Debian's Fashion-MNIST test set (dataset-fashion-mnist), read by a minimal IDX reader. */
final class FashionMnist {
    static final Path TEST_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    private FashionMnist() {
    }

    /** {@code count} images of 784 bytes, back to back. */
    static byte[] testImages(int count) throws IOException {
        if (!Files.isRegularFile(TEST_IMAGES)) {
            throw new AssertionError(TEST_IMAGES + " is missing: apt-get install -y dataset-fashion-mnist");
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(TEST_IMAGES)))) {
            if (in.readInt() != 0x803 || in.readInt() < count || in.readInt() != 28 || in.readInt() != 28) {
                throw new IOException(TEST_IMAGES + ": not the Fashion-MNIST test images");
            }
            byte[] px = new byte[count * 784];
            in.readFully(px);
            return px;
        }
    }
}
