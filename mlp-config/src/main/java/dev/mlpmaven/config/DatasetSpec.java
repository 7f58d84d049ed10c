package dev.mlpmaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the data comes from: either a named dataset ({@code fashion-mnist-sample}, {@code mnist},
 * {@code fashion-mnist}) or four local IDX files (gzip or raw), resolved against the experiment file's folder.
 *
 * @param name         the named dataset, or null for local files
 * @param trainImages  local training images, or null for a named dataset
 * @param trainLabels  local training labels
 * @param testImages   local test images
 * @param testLabels   local test labels
 * @param mirrors      mirrors to try before the built-in ones (named datasets only); may be empty
 * @param dataDirs     folders searched for a local copy before downloading (named datasets only); may be empty
 * @param classNames   optional class names for reports (local files); may be empty
 */
public record DatasetSpec(String name, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                          List<String> mirrors, List<Path> dataDirs, List<String> classNames) {
    public DatasetSpec {
        mirrors = List.copyOf(mirrors);
        dataDirs = List.copyOf(dataDirs);
        classNames = List.copyOf(classNames);
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
}
