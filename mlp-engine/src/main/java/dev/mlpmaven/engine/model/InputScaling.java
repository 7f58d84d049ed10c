package dev.mlpmaven.engine.model;

/**
 * How raw pixel bytes {@code p} (0..255) become network inputs: {@code x = (p / 255 - mean) / std}.
 * The default scaling to [0,1] is {@code mean = 0, std = 1}.
 *
 * @param kind "scale" or "standardize"
 * @param mean subtracted after dividing by 255
 * @param std  divided by after subtracting the mean, > 0
 */
public record InputScaling(String kind, float mean, float std) {
    public static final InputScaling UNIT = new InputScaling("scale", 0f, 1f);
}
