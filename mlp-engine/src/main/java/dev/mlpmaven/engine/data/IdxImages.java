package dev.mlpmaven.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images from an IDX file, unsigned bytes row-major: image {@code i} is
 * {@code pixels[i*rows*cols .. (i+1)*rows*cols)}.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException("pixels: found " + pixels.length + " bytes, expected " + count + "x" + rows + "x" + cols);
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
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
