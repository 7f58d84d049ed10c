package dev.mlpmaven.engine.predict;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.UserException;

import java.util.Locale;

/**
 * How a CSV input is read, with the meaning of a training {@code csv} dataset's {@code delimiter} and
 * {@code header}: the character between fields, and what the first line is ({@link CsvSpec.Header#NAMES} names the
 * columns; {@link CsvSpec.Header#NONE} is data and the columns are named {@code 0}, {@code 1}, ...;
 * {@link CsvSpec.Header#SKLEARN} is scikit-learn's {@code n_samples,n_features,class names...} line, skipped, the
 * columns named by index and a label value being the class index).
 *
 * @param delimiter the character between fields: not a quote or a line break
 * @param header    what the first line is
 */
public record CsvFormat(char delimiter, CsvSpec.Header header) {
    /** A header line, commas. */
    public static final CsvFormat DEFAULT = new CsvFormat(',', CsvSpec.Header.NAMES);

    public CsvFormat {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("delimiter: found a quote or a line break, expected another character");
        }
        if (header == null) {
            throw new IllegalArgumentException("header: found null");
        }
    }

    /** A dataset's layout. */
    public static CsvFormat of(CsvSpec spec) {
        return new CsvFormat(spec.delimiter(), spec.header());
    }

    /**
     * The delimiter a user wrote: one character other than a quote or a line break, or the two characters
     * {@code \t} for a tab.
     *
     * @throws UserException with {@link PredictMessages#CSV_BAD_DELIMITER}
     */
    public static char delimiter(String text) {
        if ("\\t".equals(text)) {
            return '\t';
        }
        if (text == null || text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\r'
                || text.charAt(0) == '\n') {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_BAD_DELIMITER,
                    text == null ? "" : text.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")));
        }
        return text.charAt(0);
    }

    /** The delimiter as messages show it: the character, or {@code \t} for a tab. */
    String shown() {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }
}
