package dev.mlpmaven.runtime;

/**
 * The activation of a layer, with the formula the runtime computes (in {@code double}, with {@link StrictMath},
 * so every JVM gives the same bits; the result is rounded to {@code float}).
 */
public enum Activation {
    /** {@code max(0, z)}. */
    RELU("relu"),
    /** {@code z > 0 ? z : 0.01 z}. */
    LEAKY_RELU("leaky_relu"),
    /** {@code z > 0 ? z : exp(z) - 1} (alpha 1, computed as {@code expm1(z)}). */
    ELU("elu"),
    /** The tanh approximation {@code 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))}, not the erf form. */
    GELU("gelu"),
    /** {@code tanh(z)}. */
    TANH("tanh"),
    /** {@code 1 / (1 + exp(-z))}. */
    SIGMOID("sigmoid"),
    /** {@code exp(z - max z) / sum(exp(z - max z))}; the output layer only. */
    SOFTMAX("softmax");

    /** The slope of {@link #LEAKY_RELU} below 0. */
    public static final double LEAKY_SLOPE = 0.01;
    /** {@code sqrt(2 / pi)} of {@link #GELU}, as a double. */
    public static final double SQRT_2_OVER_PI = StrictMath.sqrt(2.0 / StrictMath.PI);
    /** The cubic coefficient of {@link #GELU}. */
    public static final double GELU_CUBIC = 0.044715;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name in model files and experiments ({@code relu}, {@code leaky_relu}, ...). */
    public String id() {
        return id;
    }

    /** Whether a hidden layer may have it (all but softmax). */
    public boolean hidden() {
        return this != SOFTMAX;
    }

    /** The constant of a name, or null when there is none. */
    public static Activation of(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The activation of one value, as documented on each constant.
     *
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which needs the whole layer
     */
    public double apply(double z) {
        return switch (this) {
            case RELU -> z > 0 ? z : 0.0;
            case LEAKY_RELU -> z > 0 ? z : LEAKY_SLOPE * z;
            case ELU -> z > 0 ? z : StrictMath.expm1(z);
            case GELU -> 0.5 * z * (1 + StrictMath.tanh(SQRT_2_OVER_PI * (z + GELU_CUBIC * z * z * z)));
            case TANH -> StrictMath.tanh(z);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-z));
            case SOFTMAX -> throw new UnsupportedOperationException("softmax applies to a whole layer");
        };
    }
}
