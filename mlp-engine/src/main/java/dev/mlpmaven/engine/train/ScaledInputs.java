package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.engine.data.IdxImages;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training images converted once to network inputs, off-heap, one {@code (pixels + 1)}-float row per image
 * (the last float is the constant 1 of the bias), so that gathering a batch is a bulk copy of whole rows.
 *
 * <p>Converting bytes while gathering costs a lookup per pixel on every epoch (about 80 ms an epoch of the
 * seed workload here); copying converted rows costs about a quarter of that, for 4 bytes of memory per pixel
 * (188 MB for Fashion-MNIST's 60,000 training images). Above {@link #MAX_BYTES} the trainer gathers from bytes.
 */
final class ScaledInputs {
    /** Largest conversion kept in memory. */
    static final long MAX_BYTES = 512L << 20;

    final INDArray all;
    final FloatBuffer floats;
    final int stride;

    private ScaledInputs(INDArray all, int stride) {
        this.all = all;
        this.floats = Natives.floats(all);
        this.stride = stride;
    }

    /** The converted images, or null when they would take more than {@code maxBytes}. */
    static ScaledInputs of(IdxImages images, float[] lut, long maxBytes) {
        int ppi = images.pixelsPerImage();
        int stride = ppi + 1;
        if ((long) images.count() * stride * Float.BYTES > maxBytes) {
            return null;
        }
        ScaledInputs s = new ScaledInputs(Natives.zeros(images.count(), stride), stride);
        byte[] pixels = images.pixels();
        float[] row = new float[stride];
        row[ppi] = 1f;
        for (int i = 0; i < images.count(); i++) {
            int base = i * ppi;
            for (int k = 0; k < ppi; k++) {
                row[k] = lut[pixels[base + k] & 0xFF];
            }
            s.floats.put(i * stride, row);
        }
        return s;
    }

    /** A table's encoded rows, copied off-heap with the constant 1 appended. */
    static ScaledInputs of(dev.mlpmaven.engine.data.Features features) {
        int width = features.width();
        int stride = width + 1;
        ScaledInputs s = new ScaledInputs(Natives.zeros(features.count(), stride), stride);
        float[] row = new float[stride];
        row[width] = 1f;
        for (int i = 0; i < features.count(); i++) {
            System.arraycopy(features.values(), i * width, row, 0, width);
            s.floats.put(i * stride, row);
        }
        return s;
    }

    void release() {
        Natives.release(all);
    }
}
