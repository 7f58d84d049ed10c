package dev.mlpmaven.engine.predict;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.InvalidInputException;
import dev.mlpmaven.runtime.TableInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file with a header row (Jackson's CSV reader), each row encoded by the model's {@link TableInput} (columns
 * by name; other columns are ignored). With {@code labelColumn}, that column holds each row's class name and
 * accuracy is computed. The rows are encoded when the file is read, so a bad value fails before any prediction,
 * naming its line (the header is line 1).
 */
final class CsvSource implements PredictionSource {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final Path file;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    private final int[] labels;

    CsvSource(Path file, TableInput input, String labelColumn, List<String> classNames) {
        this.file = file;
        List<Integer> labelList = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            int line = 2;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                if (labelColumn != null) {
                    if (!row.containsKey(labelColumn)) {
                        throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_NO_LABEL_COLUMN, file,
                                labelColumn, String.join(", ", row.keySet())));
                    }
                    String label = row.get(labelColumn) == null ? "" : row.get(labelColumn).strip();
                    int c = classNames.indexOf(label);
                    if (c < 0) {
                        throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_UNKNOWN_LABEL, file,
                                line, label, String.join(", ", classNames)));
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
                    lines.isEmpty() ? 2 : lines.get(lines.size() - 1) + 1,
                    e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                            : e.getMessage()), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_MALFORMED, file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_EMPTY, file));
        }
        this.labels = labelColumn == null ? null : labelList.stream().mapToInt(Integer::intValue).toArray();
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
