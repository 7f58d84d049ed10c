package dev.mlpmaven.config;

/** Activation function of a hidden layer; the YAML spelling is {@link #yamlName()}. */
public enum Activation {
    RELU, LEAKY_RELU, ELU, GELU, TANH, SIGMOID;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The activation of a YAML (and model file) name, or null. The one list of hidden activations is this enum. */
    public static Activation of(String yamlName) {
        for (Activation a : values()) {
            if (a.yamlName().equals(yamlName)) {
                return a;
            }
        }
        return null;
    }

    /** "relu, leaky_relu, elu, gelu, tanh, sigmoid", for messages. */
    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Activation::yamlName).toList());
    }

    /** The initialisation that suits this activation when the experiment names none. */
    public Init defaultInit() {
        return switch (this) {
            case TANH, SIGMOID -> Init.XAVIER;
            default -> Init.HE;
        };
    }
}
