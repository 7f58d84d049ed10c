package dev.mlpmaven.config;

/** The update rule. */
public enum OptimizerType {
    SGD, ADAM, ADAMW, RMSPROP;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
