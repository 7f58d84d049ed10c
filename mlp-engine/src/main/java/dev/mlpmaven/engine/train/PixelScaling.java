package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.model.InputScaling;

/** Input scaling from pixel bytes: the parameters, and a 256-entry lookup table used while gathering a batch. */
final class PixelScaling {
    private PixelScaling() {
    }

    /**
     * {@code scale}: {@code p / 255}; {@code standardize}: {@code (p/255 - mean) / std} with the global mean and
     * standard deviation of all pixels of {@code train} (computed exactly from a byte histogram).
     */
    static InputScaling of(Normalization normalization, IdxImages train) {
        return of(normalization, train, false);
    }

    /**
     * As {@link #of(Normalization, IdxImages)}, of the pixels after {@code invert} ({@code 255 - p}) when set: the
     * runtime's {@code ImageInput} inverts first, then scales.
     */
    static InputScaling of(Normalization normalization, IdxImages train, boolean invert) {
        if (normalization == null || normalization == Normalization.SCALE) {
            return InputScaling.UNIT;
        }
        long[] histogram = new long[256];
        for (byte p : train.pixels()) {
            histogram[invert ? 255 - (p & 0xFF) : p & 0xFF]++;
        }
        double n = train.pixels().length;
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += histogram[v] * (v / 255.0);
        }
        double mean = sum / n;
        double sq = 0;
        for (int v = 0; v < 256; v++) {
            double d = v / 255.0 - mean;
            sq += histogram[v] * d * d;
        }
        double std = Math.sqrt(sq / n);
        return new InputScaling("standardize", (float) mean, std > 0 ? (float) std : 1f);
    }

    /** {@code lut[p]} is the network input for pixel byte {@code p}. */
    static float[] lookupTable(InputScaling s) {
        float[] lut = new float[256];
        for (int p = 0; p < 256; p++) {
            lut[p] = (p / 255f - s.mean()) / s.std();
        }
        return lut;
    }
}
