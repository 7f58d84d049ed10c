package dev.mlpmaven.config;

/** How the learning rate changes per epoch. */
public enum ScheduleType {
    CONSTANT, STEP, EXPONENTIAL, COSINE;

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
