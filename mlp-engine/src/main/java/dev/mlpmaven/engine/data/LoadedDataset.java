package dev.mlpmaven.engine.data;

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
 *                      validation-images, validation-labels)
 * @param origin        where each file was found, keyed by role (a path or a URL), for provenance and logs
 * @param validation    a separate validation set (local files with validationImages and validationLabels), or null
 */
public record LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                            Map<String, String> contentSha256, Map<String, String> origin, DataSplit validation) {
    /** Role key of a separate validation set's images in {@link #contentSha256()} and {@link #origin()}. */
    public static final String VALIDATION_IMAGES = "validation-images";
    /** Role key of a separate validation set's labels. */
    public static final String VALIDATION_LABELS = "validation-labels";

    public LoadedDataset {
        classNames = List.copyOf(classNames);
        contentSha256 = Map.copyOf(contentSha256);
        origin = Map.copyOf(origin);
    }

    /** Without a separate validation set. */
    public LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                         Map<String, String> contentSha256, Map<String, String> origin) {
        this(name, train, test, classNames, contentSha256, origin, null);
    }

    public boolean hasValidationSet() {
        return validation != null;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int inputSize() {
        return train.images().pixelsPerImage();
    }
}
