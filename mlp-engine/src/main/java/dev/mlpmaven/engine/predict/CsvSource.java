package dev.mlpmaven.engine.predict;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.archive.ArchiveLimits;
import dev.mlpmaven.engine.data.archive.CompressedFiles;
import dev.mlpmaven.runtime.InvalidInputException;
import dev.mlpmaven.runtime.TableInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSV file as a training {@code csv} dataset reads one: plain or compressed (gzip, xz, bzip2, zstd, recognised by
 * magic bytes with the training's {@link CompressedFiles} and its {@link ArchiveLimits#DEFAULTS limits}), fields
 * separated by {@link CsvFormat#delimiter()}, the first line {@link CsvFormat#header() a header} or not (without
 * one the columns are named {@code 0}, {@code 1}, ... as in training). Jackson's CSV reader; each row is encoded by
 * the model's {@link TableInput} (columns by name; other columns are ignored). With {@code labelColumn}, that column
 * holds each row's class name (with scikit-learn's header: the class index) and accuracy is computed. The rows are
 * encoded when the file is read, so a bad value fails before any prediction, naming its line (line 1 is the first
 * line of the file).
 */
final class CsvSource implements PredictionSource {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

    private final Path file;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final int[] labels;

    CsvSource(Path file, TableInput input, String labelColumn, List<String> classNames, CsvFormat format) {
        this.file = file;
        boolean names = format.header() == CsvSpec.Header.NAMES;
        boolean sklearn = format.header() == CsvSpec.Header.SKLEARN;
        List<Integer> labelList = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(format.delimiter()).withQuoteChar('"');
        ObjectReader reader = names ? MAPPER.readerFor(Map.class).with(schema.withHeader())
                : MAPPER.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema);
        try (CompressedFiles.Opened opened = CompressedFiles.open(file, ArchiveLimits.DEFAULTS);
             MappingIterator<Object> it = reader.readValues(opened.content())) {
            int line = names ? 2 : 1;
            if (sklearn && it.hasNextValue()) { // scikit-learn's n_samples,n_features,class names... line
                it.nextValue();
                line = it.getCurrentLocation().getLineNr();
            }
            while (it.hasNextValue()) {
                Map<String, String> row = row(it.nextValue());
                if (labelColumn != null) {
                    if (!row.containsKey(labelColumn)) {
                        throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_NO_LABEL_COLUMN, file,
                                labelColumn, names ? "the header's columns" : "the columns, named by index",
                                String.join(", ", row.keySet())));
                    }
                    String label = row.get(labelColumn) == null ? "" : row.get(labelColumn).strip();
                    int c = sklearn ? INDEX.matcher(label).matches() && Integer.parseInt(label) < classNames.size()
                            ? Integer.parseInt(label) : -1 : classNames.indexOf(label);
                    if (c < 0) {
                        throw new UserException(sklearn ? String.format(Locale.ROOT,
                                PredictMessages.CSV_UNKNOWN_LABEL_INDEX, file, line, label, classNames.size() - 1,
                                String.join(", ", classNames))
                                : String.format(Locale.ROOT, PredictMessages.CSV_UNKNOWN_LABEL, file, line, label,
                                String.join(", ", classNames)));
                    }
                    labelList.add(c);
                }
                try {
                    rows.add(input.encode(row));
                } catch (InvalidInputException e) {
                    throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_BAD, file, line,
                            e.getMessage()), e);
                }
                lines.add(line);
                line = it.getCurrentLocation().getLineNr();
            }
        } catch (RuntimeJsonMappingException e) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_MALFORMED, file,
                    lines.isEmpty() ? (names ? 2 : 1) : lines.get(lines.size() - 1) + 1,
                    e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                            : e.getMessage(), format.shown()), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_MALFORMED, file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage(),
                    format.shown()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_EMPTY, file,
                    names ? "a header row and at least one row" : sklearn ? "scikit-learn's header line and at least "
                            + "one row" : "at least one row"));
        }
        this.labels = labelColumn == null ? null : labelList.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A row by column name: the header's names, or {@code 0}, {@code 1}, ... (as training names them). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> row(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, String>) m;
        }
        String[] values = (String[]) value;
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(Integer.toString(i), values[i]);
        }
        return row;
    }

    @Override
    public String describe() {
        return rows.size() + " rows of " + file + (labels != null ? " (labelled)" : "");
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public String name(int i) {
        return "line " + lines.get(i);
    }

    @Override
    public boolean labelled() {
        return labels != null;
    }

    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[i];
    }

    @Override
    public float[] features(int i) {
        return rows.get(i);
    }
}
