package dev.mlpmaven.engine.predict;

/** The user-facing messages of {@code mlp:predict}'s work; tests match them word for word. */
public final class PredictMessages {
    public static final String INPUT_MISSING =
            "%s: input not found - give a folder of images, an IDX images file or a CSV file";
    public static final String NO_IMAGES =
            "%s: found no image files (.png, .jpg, .jpeg, .bmp, .gif), expected at least one";
    public static final String BAD_SUBFOLDER =
            "%s: found a folder that is not a class of the model, expected one of %s - put the images directly in %s, "
                    + "or in subfolders named after the classes (then accuracy is computed)";
    public static final String MIXED_FOLDERS =
            "%s: found an image outside the class subfolders, expected every image in a subfolder named after its "
                    + "class, or every image directly in %s";
    public static final String TOO_DEEP =
            "%s: found an image %d folders deep, expected it directly in %s or in a subfolder named after its class";
    public static final String NOT_AN_IMAGE =
            "%s: found a file that javax.imageio cannot read as an image, expected a PNG, JPEG, BMP or GIF image - "
                    + "the file is damaged or of another type";
    public static final String UNREADABLE_IMAGE =
            "%s: cannot decode the image (%s), expected a PNG, JPEG, BMP or GIF image - the file is damaged";
    public static final String IMAGE_TOO_LARGE =
            "%s: found an image of %dx%d pixels, expected at most %d pixels - shrink it first";
    public static final String IDX_WRONG_SIZE =
            "%s: found images of %d pixels, expected %d (the model's input size; it records no image size)";
    public static final String IMAGES_FOR_TABLE =
            "%s: found %s, but the model's input is a table (%s) - give a CSV file (.csv, or compressed .csv.gz, "
                    + ".csv.xz, .csv.bz2, .csv.zst)";
    public static final String CSV_FOR_IMAGES =
            "%s: found a CSV file, but the model's input is an image (%s) - give a folder of images or an IDX images file";
    public static final String LABELS_NOT_IDX =
            "labels %s: labels files go with an IDX images input, found %s - an image folder takes its labels from "
                    + "class-named subfolders, a CSV file from labelColumn";
    public static final String LABEL_COLUMN_NOT_CSV =
            "labelColumn '%s': found input %s, expected a CSV file - an image folder takes its labels from class-named "
                    + "subfolders, an IDX images file from an IDX labels file";
    public static final String CSV_NO_LABEL_COLUMN =
            "%s: labelColumn '%s': found no such column, expected one of %s: %s";
    public static final String CSV_UNKNOWN_LABEL =
            "%s: line %d: label '%s' is not a class of the model, expected one of %s";
    public static final String CSV_UNKNOWN_LABEL_INDEX =
            "%s: line %d: label '%s' is not a class index of the model, expected 0 to %d (scikit-learn's header: "
                    + "the label is the index of the class in %s)";
    public static final String CSV_EMPTY =
            "%s: found no data rows, expected %s";
    public static final String CSV_BAD =
            "%s: line %d: %s";
    public static final String CSV_MALFORMED =
            "%s: found malformed CSV at line %d (%s), expected values separated by '%s'";
    public static final String CSV_BAD_DELIMITER =
            "csvDelimiter: found '%s', expected one character that is not a quote or a line break (\\t for a tab)";

    private PredictMessages() {
    }
}
