package dev.mlpmaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the data comes from, one of four forms ({@link #kind()}): a named dataset ({@code fashion-mnist-sample},
 * {@code mnist}, {@code fashion-mnist}); four local IDX files (gzip, xz, bzip2, zstd or raw), optionally with two
 * more for a separate validation set; a folder of images ({@link ImageFolderSpec}); or a CSV table
 * ({@link CsvSpec}). The last three may sit inside an {@link #archive()}: their paths are then paths inside it.
 *
 * @param name         the named dataset, or null for data of your own
 * @param trainImages  local training images, or null
 * @param trainLabels  local training labels
 * @param testImages   local test images
 * @param testLabels   local test labels
 * @param mirrors      mirrors to try before the built-in ones (named datasets only); may be empty
 * @param dataDirs     folders searched for a local copy before downloading (named datasets only); may be empty
 * @param classNames   class names in label order (IDX files), or the order of the classes (images, csv); may be
 *                     empty
 * @param validationImages a separate validation set's images (local files only), or null
 * @param validationLabels a separate validation set's labels; null exactly when validationImages is null
 * @param archive      the archive holding the data (resolved against the experiment file), or null
 * @param images       a folder of images, or null
 * @param csv          a CSV table, or null
 * @param testSplit    the test fraction of one image folder of classes or one csv file; 0 otherwise
 */
public record DatasetSpec(String name, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                          List<String> mirrors, List<Path> dataDirs, List<String> classNames,
                          Path validationImages, Path validationLabels, Path archive, ImageFolderSpec images,
                          CsvSpec csv, double testSplit) {
    /** The form of a dataset. */
    public enum Kind { NAMED, IDX_FILES, IMAGE_FOLDER, CSV }

    public DatasetSpec {
        mirrors = List.copyOf(mirrors);
        dataDirs = List.copyOf(dataDirs);
        classNames = List.copyOf(classNames);
        if ((validationImages == null) != (validationLabels == null)) {
            throw new IllegalArgumentException("validationImages and validationLabels: both or neither");
        }
        if (!(testSplit >= 0 && testSplit < 1)) {
            throw new IllegalArgumentException("testSplit: found " + testSplit + ", expected 0 <= value < 1");
        }
    }

    /** IDX files or a named dataset, with a separate validation set. */
    public DatasetSpec(String name, Path trainImages, Path trainLabels, Path testImages, Path testLabels,
                       List<String> mirrors, List<Path> dataDirs, List<String> classNames,
                       Path validationImages, Path validationLabels) {
        this(name, trainImages, trainLabels, testImages, testLabels, mirrors, dataDirs, classNames, validationImages,
                validationLabels, null, null, null, 0.0);
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

    /** A folder of images, on disk or inside {@code archive} (may be null). */
    public static DatasetSpec imageFolder(ImageFolderSpec images, List<String> classNames, double testSplit,
                                          Path archive) {
        return new DatasetSpec(null, null, null, null, null, List.of(), List.of(), classNames, null, null, archive,
                images, null, testSplit);
    }

    /** A csv table, on disk or inside {@code archive} (may be null). */
    public static DatasetSpec csvTable(CsvSpec csv, List<String> classNames, double testSplit, Path archive) {
        return new DatasetSpec(null, null, null, null, null, List.of(), List.of(), classNames, null, null, archive,
                null, csv, testSplit);
    }

    /** The same dataset inside {@code archiveFile}: its paths are then paths inside the archive. */
    public DatasetSpec inArchive(Path archiveFile) {
        return new DatasetSpec(name, trainImages, trainLabels, testImages, testLabels, mirrors, dataDirs, classNames,
                validationImages, validationLabels, archiveFile, images, csv, testSplit);
    }

    public Kind kind() {
        if (name != null) {
            return Kind.NAMED;
        }
        if (images != null) {
            return Kind.IMAGE_FOLDER;
        }
        if (csv != null) {
            return Kind.CSV;
        }
        return Kind.IDX_FILES;
    }

    public boolean isNamed() {
        return name != null;
    }

    /** Whether the data's paths are inside {@link #archive()}. */
    public boolean inArchive() {
        return archive != null;
    }

    /** Whether validation uses separate IDX files instead of a split of the training data. */
    public boolean hasValidationSet() {
        return validationImages != null;
    }
}
