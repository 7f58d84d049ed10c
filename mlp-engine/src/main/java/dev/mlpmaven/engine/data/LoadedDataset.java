package dev.mlpmaven.engine.data;

import java.util.List;
import java.util.Map;

/**
 * A dataset ready to train on.
 *
 * @param name          the named dataset or "local"
 * @param train         training split (the validation split is taken from it by the trainer)
 * @param test          test split
 * @param classNames    one name per class; its size is the number of classes
 * @param contentSha256 SHA-256 of each file's decompressed content, keyed by role
 *                      (train-images, train-labels, test-images, test-labels)
 * @param origin        where each file was found, keyed by role (a path or a URL), for provenance and logs
 */
public record LoadedDataset(String name, DataSplit train, DataSplit test, List<String> classNames,
                            Map<String, String> contentSha256, Map<String, String> origin) {
    public LoadedDataset {
        classNames = List.copyOf(classNames);
        contentSha256 = Map.copyOf(contentSha256);
        origin = Map.copyOf(origin);
    }

    public int numClasses() {
        return classNames.size();
    }

    public int inputSize() {
        return train.images().pixelsPerImage();
    }
}
