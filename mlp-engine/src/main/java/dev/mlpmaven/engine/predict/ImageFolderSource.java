package dev.mlpmaven.engine.predict;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InvalidInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of image files (.png, .jpg, .jpeg, .bmp, .gif; other files are ignored), sorted by relative path. Either
 * every image lies directly in the folder (no labels), or every image lies in a subfolder named after its class
 * (labels: accuracy and a confusion matrix are computed); anything in between is refused with a message.
 */
final class ImageFolderSource implements PredictionSource {
    private final Path dir;
    private final ImageInput input;
    private final List<Path> files;
    private final List<String> names;
    private final int[] labels;
    private final int ignored;

    ImageFolderSource(Path dir, ImageInput input, List<String> classNames) {
        this.dir = dir;
        this.input = input;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        List<Path> images = all.stream().filter(ImageFiles::isImageName).toList();
        this.ignored = all.size() - images.size();
        if (images.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.NO_IMAGES, dir));
        }
        boolean nested = images.stream().anyMatch(f -> dir.relativize(f).getNameCount() > 1);
        this.files = images;
        this.names = images.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
        this.labels = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            Path rel = dir.relativize(images.get(i));
            if (!nested) {
                labels[i] = -1;
                continue;
            }
            if (rel.getNameCount() == 1) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.MIXED_FOLDERS, images.get(i), dir));
            }
            if (rel.getNameCount() > 2) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.TOO_DEEP, images.get(i),
                        rel.getNameCount() - 1, dir));
            }
            int label = classNames.indexOf(rel.getName(0).toString());
            if (label < 0) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.BAD_SUBFOLDER,
                        dir.resolve(rel.getName(0)), String.join(", ", classNames), dir));
            }
            labels[i] = label;
        }
    }

    @Override
    public String describe() {
        return files.size() + " images in " + dir + (labelled() ? " (labelled by subfolder)" : "")
                + (ignored > 0 ? ", " + ignored + " other files ignored" : "");
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public String name(int i) {
        return names.get(i);
    }

    @Override
    public boolean labelled() {
        return labels[0] >= 0;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public float[] features(int i) {
        Path file = files.get(i);
        try {
            return input.features(ImageFiles.read(file, file.toString()));
        } catch (InvalidInputException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }
}
