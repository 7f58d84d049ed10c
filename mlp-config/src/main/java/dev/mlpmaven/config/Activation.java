package dev.mlpmaven.config;

/** Activation function of a hidden layer; the YAML spelling is {@link #yamlName()}. */
public enum Activation {
    RELU, LEAKY_RELU, ELU, GELU, TANH, SIGMOID;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The initialisation that suits this activation when the experiment names none. */
    public Init defaultInit() {
        return switch (this) {
            case TANH, SIGMOID -> Init.XAVIER;
            default -> Init.HE;
        };
    }
}
