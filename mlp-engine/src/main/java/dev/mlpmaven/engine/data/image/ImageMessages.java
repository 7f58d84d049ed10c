package dev.mlpmaven.engine.data.image;

/**
 * User-facing messages about image folders, "path: found X, expected Y - hint"; tests match them word for word.
 * Arguments are filled with {@link String#format}.
 */
public final class ImageMessages {
    private ImageMessages() {
    }

    /** folder, folder. */
    public static final String NO_TEST_FOLDER = "%s: found train/ without test/, expected both (and optionally"
            + " validation/), each with one folder per class - add test/<class>/ folders, or put the class folders"
            + " directly in %s and use testSplit";
    /** folder. */
    public static final String NO_CLASS_FOLDERS = "%s: found no class folders, expected one folder per class"
            + " (e.g. %s/cat/, %s/dog/) holding its images";
    /** file, expected. */
    public static final String FILE_OUTSIDE_CLASS = "%s: found a file outside the class folders, expected only"
            + " folders here (%s) - move it into a class folder or out of the dataset";
    /** folder. */
    public static final String EMPTY_CLASS = "%s: found an empty class folder, expected at least one image"
            + " - add images or remove the folder";
    /** split folder, class, train folder. */
    public static final String CLASS_NOT_IN_TRAIN = "%s: found class folder '%s', expected only classes of %s"
            + " - a class the model never trains on cannot be tested; add it to train/ or remove it";
    /** class, folder. */
    public static final String CLASS_NAME_UNKNOWN = "dataset.classNames: found class '%s', expected a class folder"
            + " of %s - the names must match the folder names";
    /** folder, class. */
    public static final String CLASS_NOT_NAMED = "%s: found class folder '%s', expected one listed in"
            + " dataset.classNames - add it to classNames or remove the folder";
    /** file, detail. */
    public static final String NOT_AN_IMAGE = "%s: found a file that is not an image (%s), expected PNG, JPEG, BMP"
            + " or GIF - remove it or convert it (hidden files, whose names start with '.', are skipped)";
    /** file, width, height, first file, width, height, height, width. */
    public static final String SIZE_DIFFERS = "%s: found an image of %dx%d (width x height), expected %dx%d like"
            + " %s - set dataset.imageSize: [%d, %d] to resize every image to one size";
    /** height, width, channels, values, limit. */
    public static final String IMAGE_SIZE_TOO_LARGE = "dataset.imageSize: found [%d, %d] with %d channel(s) = %d values"
            + " per image, expected at most %d - use a smaller imageSize (or channels: 1)";
    /** file, width, height, channels, values, side limit, values limit. */
    public static final String IMAGE_TOO_LARGE = "%s: found an image of %dx%d (width x height) with %d channel(s) ="
            + " %d values, expected at most %d pixels each way and %d values - set dataset.imageSize to resize every"
            + " image to a smaller size";
    /** images, height, width, channels, bytes, limit. */
    public static final String TOO_LARGE = "dataset.images: found %d images of %dx%dx%d = %d bytes, expected at"
            + " most %d - use a smaller dataset.imageSize or fewer images";
    /** folder, images, classes, fraction. */
    public static final String SPLIT_EMPTY = "%s: found %d images of %d classes, expected enough images for"
            + " testSplit %s to leave training and test images - add images or change testSplit";
    /** images, folder, seconds, threads, cache file. */
    public static final String DECODED = "dataset: decoded %d images of %s in %.2f s (%d threads); cached in %s";
    /** files, folder, seconds, reason (one of the HASHED_ reasons). */
    public static final String HASHED = "dataset: read and hashed %d files of %s in %.2f s (%s)";
    public static final String HASHED_NO_INDEX = "no index of their sizes and times yet";
    public static final String HASHED_INDEX_UNREADABLE = "the index of their sizes and times was unreadable"
            + " or of an older version";
    public static final String HASHED_CHANGED = "a file was added, removed, renamed, replaced, resized or touched"
            + " since the index of their sizes and times was written";
    public static final String HASHED_RACY = "a file was modified less than 2 s before the files were last listed,"
            + " too recently for its size and time to show a later change";
    /** images, cache file. */
    public static final String USING_DECODED = "dataset: using %d decoded images of %s from the cache (%s)";
}
