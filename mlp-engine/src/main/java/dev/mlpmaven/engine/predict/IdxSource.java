package dev.mlpmaven.engine.predict;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.IdxReader;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InvalidInputException;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An IDX images file (raw or gzip, checked by {@link IdxReader}), with an optional IDX labels file. Images of the
 * model's recorded size are used as they are; another size is refused, or resized when the model records
 * {@code resize: bilinear} (through {@link ImageInput#pixels}, as an image file would be); a model of format v1
 * (no recorded size) needs images of exactly its input size.
 */
final class IdxSource implements PredictionSource {
    private final Path file;
    private final ImageInput input;
    private final IdxImages images;
    private final IdxLabels labels;
    private final boolean direct;

    IdxSource(Path file, Path labelsFile, ImageInput input, int numClasses) {
        IdxReader reader = new IdxReader();
        this.file = file;
        this.input = input;
        this.images = reader.readImages(file).data();
        this.labels = labelsFile == null ? null : reader.readLabels(labelsFile, numClasses).data();
        if (labels != null) {
            IdxReader.checkSameCount(file.toString(), images, labelsFile.toString(), labels);
        }
        if (!input.sized()) {
            if (images.pixelsPerImage() != input.size()) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.IDX_WRONG_SIZE, file,
                        images.pixelsPerImage(), input.size()));
            }
            this.direct = true;
        } else {
            this.direct = input.channels() == 1 && images.rows() == input.height() && images.cols() == input.width();
            if (!direct && images.count() > 0) {
                features(0); // refuses a size the model does not resize, before any work
            }
        }
    }

    @Override
    public String describe() {
        return images.count() + " images of " + images.rows() + "x" + images.cols() + " pixels in " + file
                + (labels != null ? " (labelled)" : "");
    }

    @Override
    public int size() {
        return images.count();
    }

    @Override
    public String name(int i) {
        return file.getFileName() + "#" + i;
    }

    @Override
    public boolean labelled() {
        return labels != null;
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels.label(i);
    }

    @Override
    public float[] features(int i) {
        int n = images.pixelsPerImage();
        if (direct) {
            return input.features(images.pixels(), i * n);
        }
        BufferedImage img = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, images.cols(), images.rows(),
                java.util.Arrays.copyOfRange(images.pixels(), i * n, (i + 1) * n));
        try {
            return input.features(img);
        } catch (InvalidInputException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }
}
