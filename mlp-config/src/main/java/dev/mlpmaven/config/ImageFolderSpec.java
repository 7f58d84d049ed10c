package dev.mlpmaven.config;

import java.nio.file.Path;

/**
 * A folder of labelled images (torchvision's ImageFolder layout): {@code train/<class>/}, {@code test/<class>/} and
 * optionally {@code validation/<class>/}, or only {@code <class>/} folders that {@link DatasetSpec#testSplit()}
 * divides.
 *
 * @param folder   the folder: resolved against the experiment file, or a path inside {@link DatasetSpec#archive()}
 * @param channels 1 (grayscale, ITU-R BT.601 luma) or 3 (RGB)
 * @param height   the height every image is resized to, or 0 for the images' own size (which must then agree)
 * @param width    the width every image is resized to, or 0 with height 0
 * @param invert   255 - value after the colour conversion
 */
public record ImageFolderSpec(Path folder, int channels, int height, int width, boolean invert) {
    /** The sub-folders of the split layout. */
    public static final String TRAIN = "train";
    public static final String TEST = "test";
    public static final String VALIDATION = "validation";

    public ImageFolderSpec {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels: found " + channels + ", expected 1 or 3");
        }
        if ((height == 0) != (width == 0) || height < 0 || width < 0) {
            throw new IllegalArgumentException("imageSize: found " + height + "x" + width
                    + ", expected both 0 (own size) or both positive");
        }
    }

    /** Whether every image is resized to {@code height x width}. */
    public boolean resizes() {
        return height > 0;
    }
}
