package dev.mlpmaven.engine.predict;

import dev.mlpmaven.config.UserException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads image files with {@code javax.imageio} (PNG, JPEG, BMP and GIF; the first image of a multi-image file),
 * refusing an image larger than {@link #MAX_PIXELS} before decoding it, so a small file claiming a huge image
 * cannot exhaust memory.
 */
final class ImageFiles {
    /** The largest image decoded: 50 million pixels. */
    static final long MAX_PIXELS = 50_000_000L;
    /** The file name extensions taken as images (lower case). */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param shown how messages name the file
     * @throws UserException when the file is not an image, cannot be decoded or is too large
     */
    static BufferedImage read(Path file, String shown) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.UNREADABLE_IMAGE, shown,
                        "no image input stream for the file"));
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.NOT_AN_IMAGE, shown));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > MAX_PIXELS) {
                    throw new UserException(String.format(Locale.ROOT, PredictMessages.IMAGE_TOO_LARGE, shown, w, h,
                            MAX_PIXELS));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(String.format(Locale.ROOT, PredictMessages.UNREADABLE_IMAGE, shown,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
