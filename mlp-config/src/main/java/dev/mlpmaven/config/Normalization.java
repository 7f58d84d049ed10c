package dev.mlpmaven.config;

/** Input scaling: pixels / 255 into [0,1] (default), or standardised with the training set's mean and deviation. */
public enum Normalization {
    SCALE, STANDARDIZE;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
