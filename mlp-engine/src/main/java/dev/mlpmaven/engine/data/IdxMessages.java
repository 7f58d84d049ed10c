package dev.mlpmaven.engine.data;

/**
 * User-facing messages of {@link IdxReader}, kept in one place so tests match them word for word.
 * Each reads "file: field: found X, expected Y - hint". Arguments are filled with {@link String#format}.
 */
public final class IdxMessages {
    private IdxMessages() {
    }

    /** file, labels claimed, limit. */
    public static final String TOO_MANY_LABELS =
            "%s: header: found %d labels, expected at most %d - the header is corrupt (or raise the limit maxPixels)";
    /** file, bytes found, bytes expected. */
    public static final String HEADER_TRUNCATED =
            "%s: header: found %d bytes, expected at least %d - the file is empty or truncated";
    /** file, found magic, expected magic, kind, hint. */
    public static final String BAD_MAGIC =
            "%s: magic number: found 0x%08X, expected 0x%08X (IDX %s) - %s";
    public static final String HINT_IS_LABELS = "is this a labels file?";
    public static final String HINT_IS_IMAGES = "is this an images file?";
    public static final String HINT_ZERO_BYTES = "the first two bytes of an IDX file are zero; this is not an IDX file";
    public static final String HINT_TYPE_BYTE = "byte 3 is the data type; only 0x08 (unsigned byte) is supported";
    public static final String HINT_DIMENSIONS = "byte 4 is the number of dimensions; IDX %s have %d";
    /** file, dimension index, dimension name, value found. */
    public static final String BAD_DIMENSION =
            "%s: dimension %d (%s): found %d, expected a positive number - the header is corrupt";
    /** file, images, rows, cols, pixels claimed, limit. */
    public static final String TOO_MANY_PIXELS =
            "%s: header: found %d images of %dx%d = %d pixels, expected at most %d - the header is corrupt "
                    + "(or raise the limit maxPixels)";
    /** file, bytes found, bytes expected, description of the items. */
    public static final String DATA_TRUNCATED =
            "%s: data: found %d bytes, expected %d (%s) - the file is truncated";
    /** file, bytes expected, description of the items. */
    public static final String DATA_TRAILING =
            "%s: data: found more than %d bytes, expected exactly %d (%s) - trailing bytes after the data; "
                    + "the header count is wrong or the file is corrupt";
    /** file, item index, label found, highest label allowed, class count. */
    public static final String LABEL_OUT_OF_RANGE =
            "%s: label of item %d: found %d, expected 0..%d (%d classes)";
    /** images file, labels file, image count, label count. */
    public static final String COUNT_MISMATCH =
            "%s and %s: found %d images and %d labels, expected the same count - are they from the same split?";
    /** file, detail of the gzip error. */
    public static final String BAD_GZIP =
            "%s: gzip: found a damaged stream (%s), expected valid gzip data - the file is corrupt; fetch it again";
    /** file, detail. */
    public static final String READ_FAILED = "%s: could not read the file (%s)";
}
