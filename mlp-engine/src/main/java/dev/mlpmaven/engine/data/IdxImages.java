package dev.mlpmaven.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images as unsigned bytes, row-major with the channels interleaved (HWC): image {@code i} is
 * {@code pixels[i*rows*cols*channels .. (i+1)*rows*cols*channels)}. IDX files hold one channel; an image folder
 * read with {@code channels: 3} holds r, g, b per pixel.
 */
public record IdxImages(int count, int rows, int cols, int channels, byte[] pixels) {
    public IdxImages {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels: found " + channels + ", expected 1 or 3");
        }
        if ((long) count * rows * cols * channels != pixels.length) {
            throw new IllegalArgumentException("pixels: found " + pixels.length + " bytes, expected " + count + "x"
                    + rows + "x" + cols + "x" + channels);
        }
    }

    /** One channel (IDX). */
    public IdxImages(int count, int rows, int cols, byte[] pixels) {
        this(count, rows, cols, 1, pixels);
    }

    /** Bytes per image: {@code rows * cols * channels}, the network's input size. */
    public int pixelsPerImage() {
        return rows * cols * channels;
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof IdxImages o
                && count == o.count
                && rows == o.rows
                && cols == o.cols
                && Arrays.equals(pixels, o.pixels);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(count, rows, cols);
        h = 31 * h + Arrays.hashCode(pixels);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "IdxImages[" + "count=" + count + ", "
                + "rows=" + rows + ", "
                + "cols=" + cols + ", "
                + "pixels=" + (pixels == null ? "null" : "byte[" + pixels.length + "]") + "]";
    }
}
