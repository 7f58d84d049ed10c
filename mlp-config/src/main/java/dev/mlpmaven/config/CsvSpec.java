package dev.mlpmaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A CSV table: one file that {@link DatasetSpec#testSplit()} divides, or a training and a test file.
 *
 * @param file           the one table, or null with {@code trainFile} and {@code testFile}
 * @param trainFile      the training table, or null with {@code file}
 * @param testFile       the test table, or null with {@code file}
 * @param header         what the first line is
 * @param delimiter      the character between fields
 * @param label          the class column, or null for the last column ({@link Header#SKLEARN})
 * @param features       the input columns in order; empty: every column but the label
 * @param missing        {@code error} or {@code mean} (see {@link Defaults#MISSING_POLICIES})
 * @param unseenCategory {@code error} or {@code zero} (see {@link Defaults#UNSEEN_POLICIES})
 */
public record CsvSpec(Path file, Path trainFile, Path testFile, Header header, char delimiter, Column label,
                      List<Column> features, String missing, String unseenCategory) {
    public CsvSpec {
        features = List.copyOf(features);
        if ((file == null) == (trainFile == null) || (trainFile == null) != (testFile == null)) {
            throw new IllegalArgumentException("csv: found file " + file + ", trainFile " + trainFile + ", testFile "
                    + testFile + ", expected file alone or trainFile with testFile");
        }
    }

    /** The first line of a table. */
    public enum Header {
        /** The first line names the columns. */
        NAMES,
        /** No header line: columns are named by their 0-based index. */
        NONE,
        /** scikit-learn's {@code n_samples,n_features,class names...}; the label is the last column. */
        SKLEARN
    }

    /** A column by its name in the header line, or by its 0-based index (name null). */
    public record Column(String name, int index) {
        public Column {
            if ((name == null) == (index < 0)) {
                throw new IllegalArgumentException("column: found name " + name + " and index " + index
                        + ", expected exactly one");
            }
        }

        public static Column named(String name) {
            return new Column(name, -1);
        }

        public static Column at(int index) {
            return new Column(null, index);
        }

        @Override
        public String toString() {
            return name != null ? name : Integer.toString(index);
        }
    }
}
