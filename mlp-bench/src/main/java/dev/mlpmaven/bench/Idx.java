package dev.mlpmaven.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;

/**
 * A minimal reader of gzip IDX files for the benchmark only (it checks the magic numbers and nothing else); the
 * product reads data through the engine's data package.
 */
final class Idx {
    private Idx() {
    }

    static DataSplit split(Path images, Path labels) throws IOException {
        IdxImages im;
        try (DataInputStream in = open(images)) {
            expectMagic(images, in.readInt(), 0x0803);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] pixels = new byte[count * rows * cols];
            in.readFully(pixels);
            im = new IdxImages(count, rows, cols, pixels);
        }
        IdxLabels lb;
        try (DataInputStream in = open(labels)) {
            expectMagic(labels, in.readInt(), 0x0801);
            int count = in.readInt();
            byte[] bytes = new byte[count];
            in.readFully(bytes);
            lb = new IdxLabels(count, bytes);
        }
        return new DataSplit(im, lb);
    }

    private static void expectMagic(Path file, int found, int expected) throws IOException {
        if (found != expected) {
            throw new IOException(file + ": found magic 0x" + Integer.toHexString(found) + ", expected 0x"
                    + Integer.toHexString(expected) + " - is this an IDX file?");
        }
    }

    private static DataInputStream open(Path gz) throws IOException {
        return new DataInputStream(new GZIPInputStream(Files.newInputStream(gz), 1 << 16));
    }
}
