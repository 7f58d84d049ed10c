package dev.mlpmaven.runtime;

/**
 * How a pixel value {@code p} (0..255, after {@link ImageInput#invert() invert}) becomes a network input:
 * {@code x = (p / 255 - mean) / std}, computed in {@code float} exactly in that order (so a Java program, the
 * training loader and the exported ONNX graph get the same bits). {@code scale} is {@code mean 0, std 1}.
 *
 * @param kind {@link #SCALE} or {@link #STANDARDIZE}
 * @param mean subtracted after dividing by 255, finite
 * @param std  divided by after subtracting the mean, finite and > 0
 */
public record Scaling(String kind, float mean, float std) {
    public static final String SCALE = "scale";
    public static final String STANDARDIZE = "standardize";
    /** {@code p / 255}: inputs in [0, 1]. */
    public static final Scaling UNIT = new Scaling(SCALE, 0f, 1f);

    /**
     * @throws IllegalArgumentException when the kind is unknown, the mean is not finite or the std is not a
     *                                  finite number > 0
     */
    public Scaling {
        if (!SCALE.equals(kind) && !STANDARDIZE.equals(kind)) {
            throw new IllegalArgumentException("scaling kind: found " + kind + ", expected scale or standardize");
        }
        if (!Float.isFinite(mean) || !Float.isFinite(std) || !(std > 0)) {
            throw new IllegalArgumentException("scaling: found mean " + mean + ", std " + std
                    + ", expected a finite mean and a finite std > 0");
        }
    }

    /** Standardisation with these statistics (of {@code p / 255} over the training pixels). */
    public static Scaling standardize(float mean, float std) {
        return new Scaling(STANDARDIZE, mean, std);
    }

    /** {@code (value / 255f - mean) / std}. */
    public float apply(int value) {
        return (value / 255f - mean) / std;
    }
}
