package dev.mlpmaven.engine.data;

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
}
