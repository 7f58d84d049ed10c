package dev.mlpmaven.engine.data.table;

/**
 * User-facing messages about CSV tables, "file: line N, column C: found X, expected Y - hint"; tests match them
 * word for word. Arguments are filled with {@link String#format}.
 */
public final class TableMessages {
    private TableMessages() {
    }

    /** file. */
    public static final String EMPTY = "%s: found no rows, expected a header line and data rows - is it the right"
            + " file?";
    /** file, line, detail. */
    public static final String NOT_CSV = "%s: line %d: found text that is not CSV (%s), expected comma-separated"
            + " values - check quotes and the delimiter (dataset.delimiter)";
    /** file, detail. */
    public static final String NOT_UTF8 = "%s: found bytes that are not UTF-8 (%s), expected UTF-8 text - save the"
            + " table as UTF-8";
    /** test file, its columns, training file, its columns. */
    public static final String COLUMNS_DIFFER = "%s: line 1: found the columns %s, expected the columns of %s (%s)"
            + " - the test table needs the training table's header, in the same order";
    /** file, line, values found, values expected, what. */
    public static final String WRONG_WIDTH = "%s: line %d: found %d values, expected %d (%s) - every row needs one"
            + " value per column; check the delimiter (dataset.delimiter) and quotes";
    /** file, column index, first index. */
    public static final String HEADER_TWICE = "%s: line 1: found column name '%s' at columns %d and %d, expected"
            + " distinct names - rename one of them";
    /** file, column index. */
    public static final String HEADER_EMPTY = "%s: line 1: found an empty name for column %d, expected a name"
            + " - name every column, or set header: false";
    /** file, line text. */
    public static final String SKLEARN_HEADER = "%s: line 1: found '%s', expected scikit-learn's header"
            + " n_samples,n_features,class names... - use header: true or header: false for other tables";
    /** file, what, found, expected. */
    public static final String SKLEARN_COUNT = "%s: line 1: found %s %d, expected %d (%s) - the header does not"
            + " describe the table; is the file complete?";
    /** which key, column as written, file, columns available. */
    public static final String NO_SUCH_COLUMN = "dataset.%s: found column %s, expected a column of %s (%s)"
            + " - names are case-sensitive; indices start at 0";
    /** file, line, column, value, class count, class names. */
    public static final String SKLEARN_LABEL = "%s: line %d, column %s: found '%s', expected a class index from 0"
            + " to %d (the header's classes: %s)";
    /** file, line, column. */
    public static final String LABEL_MISSING = "%s: line %d, column %s: found an empty label, expected a class"
            + " - every row needs its class; remove the row or fill it in";
    /** file, line, column, value, classes. */
    public static final String LABEL_NOT_A_CLASS = "%s: line %d, column %s: found class '%s', expected one of %s"
            + " (dataset.classNames) - add it to classNames or fix the row";
    /** file, line, column, value, training file. */
    public static final String LABEL_NOT_IN_TRAIN = "%s: line %d, column %s: found class '%s', expected a class"
            + " of the training rows (%s) - a class the model never saw cannot be tested";
    /** class name, file. */
    public static final String CLASS_WITHOUT_ROWS = "dataset.classNames: found class '%s' without any row in %s,"
            + " expected every class among the training rows - remove it from classNames";
    /** file, class count. */
    public static final String TOO_MANY_CLASSES = "%s: found %d classes in the label column, expected at most 256"
            + " - is dataset.label the class column?";
    /** file, line, column, value, numbers, values. */
    public static final String NOT_A_NUMBER = "%s: line %d, column %s: found '%s' in a numeric column (%d of %d"
            + " values are numbers), expected a number - fix the value, or leave the cell empty with missing: mean";
    /** file, line, column, type. */
    public static final String VALUE_MISSING = "%s: line %d, column %s: found an empty value, expected %s - fill"
            + " it in, or set dataset.missing: mean to use the training mean (numbers) or no category (text)";
    /** column, file. */
    public static final String COLUMN_EMPTY = "%s: column %s: found no value in any training row, expected at"
            + " least one - remove it from dataset.features";
    /** file, column, count, limit. */
    public static final String TOO_MANY_CATEGORIES = "%s: column %s: found %d distinct text values, expected at most"
            + " %d categories - is it an identifier? leave it out of dataset.features";
    /** file, line, runtime message. */
    public static final String ROW = "%s: line %d: %s";
    /** file, rows, classes, fraction. */
    public static final String SPLIT_EMPTY = "%s: found %d rows of %d classes, expected enough rows for testSplit"
            + " %s to leave training and test rows - use more rows or another testSplit";
}
