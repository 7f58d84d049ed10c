package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A tiny reader for the first {@code n} images and labels of the real Fashion-MNIST test files installed by
 * Debian's dataset-fashion-mnist package; test scope only (the real reader belongs to the data package).
 */
final class FashionMnistTestImages {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    static final String HINT = " - install it with: apt-get install -y dataset-fashion-mnist";

    private FashionMnistTestImages() {
    }

    static DataSplit firstTestImages(int n) throws IOException {
        Path images = DIR.resolve("t10k-images-idx3-ubyte.gz");
        Path labels = DIR.resolve("t10k-labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new IllegalStateException(DIR + ": found no t10k files, expected the Fashion-MNIST test set" + HINT);
        }
        try (DataInputStream in = open(images)) {
            header(in, images, 0x00000803, 10_000);
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != 28 || cols != 28) {
                throw new IOException(images + ": found " + rows + "x" + cols + " images, expected 28x28");
            }
            byte[] pixels = new byte[n * rows * cols];
            in.readFully(pixels);
            try (DataInputStream lin = open(labels)) {
                header(lin, labels, 0x00000801, 10_000);
                byte[] l = new byte[n];
                lin.readFully(l);
                return new DataSplit(new IdxImages(n, rows, cols, pixels), new IdxLabels(n, l));
            }
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }

    private static void header(DataInputStream in, Path file, int magic, int count) throws IOException {
        int m = in.readInt();
        if (m != magic) {
            throw new IOException(file + ": found magic 0x" + Integer.toHexString(m) + ", expected 0x"
                    + Integer.toHexString(magic));
        }
        int c = in.readInt();
        if (c != count) {
            throw new IOException(file + ": found " + c + " items, expected " + count);
        }
    }
}
