package dev.mlpmaven.engine.data.table;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.Features;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.StratifiedSplit;
import dev.mlpmaven.runtime.InvalidInputException;
import dev.mlpmaven.runtime.TableInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.mlpmaven.engine.data.table.TableMessages.*;

/**
 * Turns CSV tables into training and test samples with the runtime's {@link TableInput}, so a row is encoded the
 * same way here and at prediction time:
 * <ul>
 *   <li>the label column's values are the classes: {@code classNames} in that order, else sorted (numerically when
 *       every value is an integer); with scikit-learn's header they are indices into its class names;</li>
 *   <li>a feature column is numeric when every non-empty training value is a decimal number, else text;</li>
 *   <li>numeric columns are standardised with the training rows' mean and standard deviation (population;
 *       1 for a constant column), text columns one-hot over the training rows' values (sorted);</li>
 *   <li>with one file, {@code testSplit} of each class's rows (seeded, stratified) are the test rows, and the
 *       statistics come from the training rows only.</li>
 * </ul>
 */
public final class TableLoader {
    /** The most distinct values a text column may have. */
    public static final int MAX_CATEGORIES = 1000;
    /** The most classes (labels are stored in one byte). */
    public static final int MAX_CLASSES = 256;
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]{1,9}");

    /**
     * The samples of one table.
     *
     * @param train      training samples (encoded)
     * @param test       test samples (encoded)
     * @param classNames the classes in label order
     * @param input      the encoder with the training statistics (for the model)
     */
    public record Loaded(DataSplit train, DataSplit test, List<String> classNames, TableInput input) {
    }

    private TableLoader() {
    }

    /**
     * One table split by {@code testSplit} ({@code train} is then also the table of the test rows), or a training
     * and a test table. {@code fixed}, when not null, is the encoder of a trained model (evaluation): its features
     * and statistics are used instead of new ones, and its class names.
     */
    static Loaded load(CsvSpec spec, CsvTable train, CsvTable test, List<String> classNames, double testSplit,
                       long seed, TableInput fixed, List<String> fixedClasses) {
        int labelColumn = column(spec.label(), train, "label");
        if (test != null && !test.columns().equals(train.columns())) {
            throw new UserException(String.format(Locale.ROOT, COLUMNS_DIFFER, test.name(), columnList(test),
                    train.name(), columnList(train)));
        }
        List<Integer> featureColumns = new ArrayList<>();
        if (fixed != null) {
            for (String name : fixed.featureNames()) {
                featureColumns.add(column(CsvSpec.Column.named(name), train, "features"));
            }
        } else if (spec.features().isEmpty()) {
            for (int c = 0; c < train.columns().size(); c++) {
                if (c != labelColumn) {
                    featureColumns.add(c);
                }
            }
        } else {
            for (CsvSpec.Column c : spec.features()) {
                featureColumns.add(column(c, train, "features"));
            }
        }
        List<String> classes = fixedClasses != null ? fixedClasses : classes(train, test, labelColumn, classNames);
        int[] trainLabels = labels(train, labelColumn, classes, null);
        int[] trainRows = all(train.rows().size());
        int[] testRows;
        int[] testLabels;
        CsvTable testTable;
        if (test == null) {
            StratifiedSplit split = StratifiedSplit.of(trainLabels, classes.size(), testSplit, seed);
            if (split.first().length == 0 || split.second().length == 0) {
                throw new UserException(String.format(Locale.ROOT, SPLIT_EMPTY, train.name(), train.rows().size(),
                        classes.size(), testSplit));
            }
            trainRows = split.first();
            testRows = split.second();
            testLabels = pick(trainLabels, testRows);
            trainLabels = pick(trainLabels, trainRows);
            testTable = train;
        } else {
            testTable = test;
            testRows = all(test.rows().size());
            testLabels = labels(test, labelColumn, classes, fixedClasses != null ? null : train.name());
        }
        if (fixedClasses == null) {
            int[] seen = new int[classes.size()];
            for (int l : trainLabels) {
                seen[l]++;
            }
            for (int c = 0; c < classes.size(); c++) {
                if (seen[c] == 0) {
                    throw new UserException(String.format(Locale.ROOT, CLASS_WITHOUT_ROWS, classes.get(c),
                            train.name()));
                }
            }
        }
        TableInput input = fixed != null ? fixed
                : encoder(spec, train, trainRows, featureColumns);
        return new Loaded(encode(input, train, trainRows, featureColumns, trainLabels),
                encode(input, testTable, testRows, featureColumns, testLabels), classes, input);
    }

    private static int column(CsvSpec.Column c, CsvTable table, String key) {
        if (c == null) { // sklearn: the last column
            return table.columns().size() - 1;
        }
        int i = table.indexOf(c);
        if (i < 0) {
            throw new UserException(String.format(Locale.ROOT, NO_SUCH_COLUMN, key, c.name() != null
                    ? "'" + c.name() + "'" : c.index(), table.name(), columnList(table)));
        }
        return i;
    }

    private static String columnList(CsvTable t) {
        List<String> cs = t.columns();
        List<String> shown = cs.size() <= 12 ? cs : cs.subList(0, 12);
        String text = String.join(", ", shown);
        return cs.size() <= 12 ? text : text + ", ... (" + cs.size() + " columns, 0 to " + (cs.size() - 1) + ")";
    }

    /** The classes: sklearn's, classNames, or the sorted label values of the training table. */
    private static List<String> classes(CsvTable train, CsvTable test, int labelColumn, List<String> classNames) {
        if (!train.sklearnClasses().isEmpty()) {
            if (!classNames.isEmpty() && classNames.size() != train.sklearnClasses().size()) {
                throw new UserException(String.format(Locale.ROOT, "dataset.classNames: found %d names, expected %d"
                        + " (the classes of %s's header: %s) - give one name per class or remove classNames",
                        classNames.size(), train.sklearnClasses().size(), train.name(),
                        String.join(", ", train.sklearnClasses())));
            }
            return classNames.isEmpty() ? train.sklearnClasses() : classNames;
        }
        if (!classNames.isEmpty()) {
            return classNames;
        }
        TreeSet<String> values = new TreeSet<>();
        for (int r = 0; r < train.rows().size(); r++) {
            String v = train.rows().get(r)[labelColumn];
            if (v.isEmpty()) {
                throw new UserException(String.format(Locale.ROOT, LABEL_MISSING, train.name(), train.lines()[r],
                        train.columns().get(labelColumn)));
            }
            values.add(v);
        }
        if (values.size() > MAX_CLASSES) {
            throw new UserException(String.format(Locale.ROOT, TOO_MANY_CLASSES, train.name(), values.size()));
        }
        List<String> sorted = new ArrayList<>(values);
        if (sorted.stream().allMatch(v -> INTEGER.matcher(v).matches())) {
            sorted.sort(Comparator.comparingLong(Long::parseLong));
        }
        return sorted;
    }

    /** The class index of every row; {@code trainName} not null: a test table, whose classes must be in training. */
    private static int[] labels(CsvTable t, int labelColumn, List<String> classes, String trainName) {
        boolean sklearn = !t.sklearnClasses().isEmpty();
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        String column = t.columns().get(labelColumn);
        int[] labels = new int[t.rows().size()];
        for (int r = 0; r < labels.length; r++) {
            String v = t.rows().get(r)[labelColumn];
            int line = t.lines()[r];
            if (v.isEmpty()) {
                throw new UserException(String.format(Locale.ROOT, LABEL_MISSING, t.name(), line, column));
            }
            Integer c;
            if (sklearn) {
                c = INTEGER.matcher(v).matches() ? Integer.valueOf(Integer.parseInt(v)) : null;
                if (c == null || c < 0 || c >= classes.size()) {
                    throw new UserException(String.format(Locale.ROOT, SKLEARN_LABEL, t.name(), line, column, v,
                            classes.size() - 1, String.join(", ", t.sklearnClasses())));
                }
            } else {
                c = index.get(v);
                if (c == null) {
                    throw new UserException(trainName != null
                            ? String.format(Locale.ROOT, LABEL_NOT_IN_TRAIN, t.name(), line, column, v, trainName)
                            : String.format(Locale.ROOT, LABEL_NOT_A_CLASS, t.name(), line, column, v,
                            String.join(", ", classes)));
                }
            }
            labels[r] = c;
        }
        return labels;
    }

    /**
     * A decimal number as {@link TableInput} reads one: {@code [-+]?(digits[.digits?]|.digits)([eE][-+]?digits)?}
     * (no NaN, no Infinity, no hex); a character scan, as fast as the parse that follows.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Column types and statistics from the training rows. */
    private static TableInput encoder(CsvSpec spec, CsvTable t, int[] rows, List<Integer> columns) {
        TableInput.Missing missing = TableInput.Missing.of(spec.missing());
        List<TableInput.Feature> features = new ArrayList<>();
        double[] parsed = new double[rows.length];
        for (int c : columns) {
            String name = t.columns().get(c);
            int numbers = 0;
            int values = 0;
            int firstText = -1;
            double sum = 0;
            for (int i = 0; i < rows.length; i++) {
                String v = t.rows().get(rows[i])[c];
                parsed[i] = Double.NaN;
                if (v.isEmpty()) {
                    continue;
                }
                values++;
                float x = v.length() <= TableInput.MAX_NUMBER_CHARS && isDecimal(v)
                        ? (float) Double.parseDouble(v) : Float.NaN; // as the runtime reads it: a double, to float
                if (Float.isFinite(x)) {
                    numbers++;
                    parsed[i] = x;
                    sum += x;
                } else if (firstText < 0) {
                    firstText = rows[i];
                }
            }
            if (values == 0) {
                throw new UserException(String.format(Locale.ROOT, COLUMN_EMPTY, t.name(), name));
            }
            if (numbers == values) {
                double mean = sum / values;
                double sq = 0;
                for (double x : parsed) {
                    if (!Double.isNaN(x)) {
                        sq += (x - mean) * (x - mean);
                    }
                }
                double std = Math.sqrt(sq / values);
                features.add(new TableInput.Numeric(name, (float) mean, std > 0 && Float.isFinite((float) std)
                        && (float) std > 0 ? (float) std : 1f));
            } else if (numbers * 2 > values) {
                throw new UserException(String.format(Locale.ROOT, NOT_A_NUMBER, t.name(), t.lines()[firstText], name,
                        CsvTable.cut(t.rows().get(firstText)[c]), numbers, values));
            } else {
                TreeSet<String> categories = new TreeSet<>();
                for (int r : rows) {
                    String v = t.rows().get(r)[c];
                    if (!v.isEmpty()) {
                        categories.add(v);
                    }
                }
                if (categories.size() > MAX_CATEGORIES) {
                    throw new UserException(String.format(Locale.ROOT, TOO_MANY_CATEGORIES, t.name(), name,
                            categories.size(), MAX_CATEGORIES));
                }
                features.add(new TableInput.Categorical(name, List.copyOf(categories)));
            }
        }
        return new TableInput(features, TableInput.Unseen.of(spec.unseenCategory()), missing);
    }

    private static DataSplit encode(TableInput input, CsvTable t, int[] rows, List<Integer> columns, int[] labels) {
        int width = input.size();
        float[] values = new float[Math.multiplyExact(rows.length, width)];
        String[] cells = new String[columns.size()];
        List<String> row = Arrays.asList(cells);
        for (int i = 0; i < rows.length; i++) {
            String[] source = t.rows().get(rows[i]);
            for (int k = 0; k < cells.length; k++) {
                cells[k] = source[columns.get(k)];
            }
            int line = t.lines()[rows[i]];
            if (input.missing() == TableInput.Missing.ERROR) {
                for (int k = 0; k < cells.length; k++) {
                    if (cells[k].isEmpty()) {
                        throw new UserException(String.format(Locale.ROOT, VALUE_MISSING, t.name(), line,
                                input.featureNames().get(k), input.features().get(k) instanceof TableInput.Numeric
                                        ? "a number" : "a category"));
                    }
                }
            }
            try {
                System.arraycopy(input.encode(row), 0, values, i * width, width);
            } catch (InvalidInputException e) {
                throw new UserException(String.format(Locale.ROOT, ROW, t.name(), line, e.getMessage()), e);
            }
        }
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        return DataSplit.ofFeatures(new Features(rows.length, width, values), new IdxLabels(labels.length, bytes));
    }

    private static int[] all(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] pick(int[] values, int[] at) {
        int[] out = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            out[i] = values[at[i]];
        }
        return out;
    }

    /** For the report: per feature, what the training rows held. */
    public static Map<String, String> describe(TableInput input) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TableInput.Feature f : input.features()) {
            m.put(f.name(), f instanceof TableInput.Numeric n
                    ? String.format(Locale.ROOT, "numeric, mean %.4g, std %.4g", n.mean(), n.std())
                    : "text, " + ((TableInput.Categorical) f).categories().size() + " categories");
        }
        return m;
    }
}
