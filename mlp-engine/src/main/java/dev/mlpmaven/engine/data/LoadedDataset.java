package dev.mlpmaven.engine.data;

import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InputSpec;
import dev.mlpmaven.runtime.Scaling;

import java.util.List;
import java.util.Map;

/**
 * A dataset ready to train on.
 *
 * @param name          the named dataset or "local"
 * @param train         training split (without a validation set, the trainer takes its validation split from it)
 * @param test          test split
 * @param classNames    one name per class; its size is the number of classes
 * @param contentSha256 SHA-256 of each file's decompressed content, keyed by role
 *                      (train-images, train-labels, test-images, test-labels, and with a validation set
 *                      validation-images, validation-labels; for image folders and tables see docs/datasets.md)
 * @param origin        where each file was found, keyed by role (a path or a URL), for provenance and logs
 * @param validation    a separate validation set (validation files or folder), or null
 * @param input         how a raw input became the network's input: for images the size, channels, inversion and
 *                      resizing (its scaling is {@link Scaling#UNIT} until the trainer computes the statistics);
 *                      for a table the encoder, with its training statistics
 */
public record LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                            Map<String, String> contentSha256, Map<String, String> origin, DataSplit validation,
                            InputSpec input) {
    /** Role key of a separate validation set's images in {@link #contentSha256()} and {@link #origin()}. */
    public static final String VALIDATION_IMAGES = "validation-images";
    /** Role key of a separate validation set's labels. */
    public static final String VALIDATION_LABELS = "validation-labels";

    public LoadedDataset {
        classNames = List.copyOf(classNames);
        contentSha256 = Map.copyOf(contentSha256);
        origin = Map.copyOf(origin);
        if (input == null) {
            input = imageInput(train);
        }
        if (input.size() != train.inputWidth()) {
            throw new IllegalArgumentException("input: found " + input.size() + " inputs, expected "
                    + train.inputWidth() + " like the training samples");
        }
    }

    /** IDX images, with a separate validation set or none (null). */
    public LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                         Map<String, String> contentSha256, Map<String, String> origin, DataSplit validation) {
        this(name, train, test, classNames, contentSha256, origin, validation, null);
    }

    /** IDX images without a separate validation set. */
    public LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                         Map<String, String> contentSha256, Map<String, String> origin) {
        this(name, train, test, classNames, contentSha256, origin, null, null);
    }

    /** The input of images stored as they are: their own size and channels, not inverted, not resized. */
    static ImageInput imageInput(DataSplit train) {
        IdxImages images = train.images();
        return ImageInput.of(images.rows(), images.cols(), images.channels(), false, ImageInput.Resize.NONE,
                Scaling.UNIT);
    }

    public boolean hasValidationSet() {
        return validation != null;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Floats per sample that reach the network. */
    public int inputSize() {
        return train.inputWidth();
    }

    /** Whether the samples are rows of a table (floats) rather than images. */
    public boolean isTable() {
        return train.isTable();
    }
}
