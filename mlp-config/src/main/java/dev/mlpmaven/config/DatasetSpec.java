package dev.mlpmaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the data comes from: either a named dataset ({@code fashion-mnist-sample}, {@code mnist},
 * {@code fashion-mnist}) or four local IDX files (gzip or raw), resolved against the experiment file's folder,
 * optionally with two more for a separate validation set.
 *
 * @param name         the named dataset, or null for local files
 * @param trainImages  local training images, or null for a named dataset
 * @param trainLabels  local training labels
 * @param testImages   local test images
 * @param testLabels   local test labels
 * @param mirrors      mirrors to try before the built-in ones (named datasets only); may be empty
 * @param dataDirs     folders searched for a local copy before downloading (named datasets only); may be empty
 * @param classNames   optional class names for reports (local files); may be empty
 * @param validationImages a separate validation set's images (local files only), or null
 * @param validationLabels a separate validation set's labels; null exactly when validationImages is null
 */
public record DatasetSpec(String name, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                          List<String> mirrors, List<Path> dataDirs, List<String> classNames,
                          Path validationImages, Path validationLabels) {
    public DatasetSpec {
        mirrors = List.copyOf(mirrors);
        dataDirs = List.copyOf(dataDirs);
        classNames = List.copyOf(classNames);
        if ((validationImages == null) != (validationLabels == null)) {
            throw new IllegalArgumentException("validationImages and validationLabels: both or neither");
        }
    }

    /** Without a separate validation set. */
    public DatasetSpec(String name, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                       List<String> mirrors, List<Path> dataDirs, List<String> classNames) {
        this(name, trainImages, trainLabels, testImages, testLabels, mirrors, dataDirs, classNames, null, null);
    }

    public static DatasetSpec named(String name) {
        return new DatasetSpec(name, null, null, null, null, List.of(), List.of(), List.of());
    }

    public static DatasetSpec localFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
        return new DatasetSpec(null, trainImages, trainLabels, testImages, testLabels, List.of(), List.of(), List.of());
    }

    public boolean isNamed() {
        return name != null;
    }

    /** Whether validation uses separate files instead of a split of the training data. */
    public boolean hasValidationSet() {
        return validationImages != null;
    }
}
