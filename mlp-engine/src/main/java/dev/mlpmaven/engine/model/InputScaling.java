package dev.mlpmaven.engine.model;

import dev.mlpmaven.runtime.Scaling;

/**
 * How raw pixel bytes {@code p} (0..255) become network inputs: {@code x = (p / 255 - mean) / std}.
 * The default scaling to [0,1] is {@code mean = 0, std = 1}. The engine's name for the runtime's {@link Scaling}.
 *
 * @param kind "scale" or "standardize"
 * @param mean subtracted after dividing by 255
 * @param std  divided by after subtracting the mean, > 0
 */
public record InputScaling(String kind, float mean, float std) {
    public static final InputScaling UNIT = new InputScaling("scale", 0f, 1f);

    /** The runtime's scaling of the same values. */
    public Scaling toRuntime() {
        return new Scaling(kind, mean, std);
    }

    public static InputScaling of(Scaling s) {
        return new InputScaling(s.kind(), s.mean(), s.std());
    }
}
