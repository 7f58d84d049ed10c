package dev.mlpmaven.config;

/** Weight initialisation: He (Kaiming) normal, or Xavier (Glorot) uniform. */
public enum Init {
    HE, XAVIER;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
