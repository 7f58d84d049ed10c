package dev.mlpmaven.engine.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Prediction;
import dev.mlpmaven.runtime.TableInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Predicts every input of a folder of images, an IDX images file or a CSV file (read as a training {@code csv}
 * dataset is: plain or compressed, with a {@link CsvFormat delimiter and header}) with a model, in plain Java
 * ({@code mlp-runtime}: no ND4J, no fork), and writes into {@code <outDir>}:
 * <ul>
 *   <li>{@value #PREDICTIONS_CSV}: one row per input: {@code input}, {@code label} (with labels),
 *       {@code predicted}, {@code probability}, then {@code top1}, {@code top1_probability} .. {@code top3},
 *       {@code top3_probability} (fewer with fewer classes);</li>
 *   <li>{@value #PREDICTIONS_JSON}: the counts, and with labels the accuracy and the confusion matrix (rows: true
 *       class, columns: predicted class).</li>
 * </ul>
 * Both are written atomically, after every input was predicted: a failure leaves nothing half-written. The log
 * gets a summary (and with labels the accuracy and the confusion matrix).
 */
public final class PredictRun {
    public static final String PREDICTIONS_CSV = "predictions.csv";
    public static final String PREDICTIONS_JSON = "predictions.json";
    /** Inputs predicted together (read, then one batched forward pass). */
    static final int BATCH = 256;
    static final int TOP = 3;
    /** Quotes a value only when it must (a comma, a quote, a line break, outer spaces): plain names stay plain. */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    /**
     * What a run did.
     *
     * @param count       inputs predicted
     * @param predictions the CSV file
     * @param summary     the JSON file
     * @param accuracy    the accuracy, or NaN without labels
     * @param confusion   rows: true class, columns: predicted class; null without labels
     */
    public record Result(int count, Path predictions, Path summary, double accuracy, int[][] confusion) {
        /** Equal when every component is, the matrix by content (a record's own equals compares by identity). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Result o && count == o.count && Objects.equals(predictions, o.predictions)
                    && Objects.equals(summary, o.summary) && Double.compare(accuracy, o.accuracy) == 0
                    && Arrays.deepEquals(confusion, o.confusion);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hash(count, predictions, summary, accuracy) + Arrays.deepHashCode(confusion);
        }

        /** The components, the matrix by its size. */
        @Override
        public String toString() {
            return "Result[count=" + count + ", predictions=" + predictions + ", summary=" + summary + ", accuracy="
                    + accuracy + ", confusion=" + (confusion == null ? "null" : "int[" + confusion.length + "][]")
                    + "]";
        }
    }

    /** A CSV input's name: {@code .csv}, or {@code .csv.gz}, {@code .csv.xz}, {@code .csv.bz2}, {@code .csv.zst}. */
    private static final Pattern CSV_NAME = Pattern.compile("(?i).*\\.csv(\\.(gz|xz|bz2|zst))?");

    private PredictRun() {
    }

    /** {@link #run(MlpModel, String, Path, Path, String, CsvFormat, Path, Consumer)} with {@link CsvFormat#DEFAULT}. */
    public static Result run(MlpModel model, String modelName, Path input, Path labels, String labelColumn,
                             Path outDir, Consumer<String> log) {
        return run(model, modelName, input, labels, labelColumn, CsvFormat.DEFAULT, outDir, log);
    }

    /**
     * @param model       the model
     * @param modelName   how the log names it (the experiment name)
     * @param input       a folder of images, an IDX images file, or a {@code .csv} file (also {@code .csv.gz},
     *                    {@code .csv.xz}, {@code .csv.bz2}, {@code .csv.zst}; the compression is found by magic bytes)
     * @param labels      an IDX labels file for an IDX input, or null
     * @param labelColumn the CSV column holding each row's class name, or null
     * @param csvFormat   how a CSV input is read
     * @param outDir      where predictions.csv and predictions.json go
     * @param log         receives the summary lines
     * @throws UserException        with a {@link PredictMessages} message (or the reader's) for a bad input
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static Result run(MlpModel model, String modelName, Path input, Path labels, String labelColumn,
                             CsvFormat csvFormat, Path outDir, Consumer<String> log) {
        PredictionSource source = open(model, input, labels, labelColumn, csvFormat);
        String prefix = "mlp: " + modelName + ": ";
        log.accept(prefix + "predicting " + source.describe());
        int n = source.size();
        int classes = model.numClasses();
        List<String> names = model.classNames();
        int[] predictedCounts = new int[classes];
        int[][] confusion = source.labelled() ? new int[classes][classes] : null;
        int correct = 0;
        int top = Math.min(TOP, classes);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
             SequenceWriter rows = CSV.writer(schema(source.labelled(), top)).writeValues(w)) {
            for (int start = 0; start < n; start += BATCH) {
                int count = Math.min(BATCH, n - start);
                float[][] x = new float[count][];
                for (int k = 0; k < count; k++) {
                    x[k] = source.features(start + k);
                }
                List<Prediction> predictions = model.predict(x);
                for (int k = 0; k < count; k++) {
                    int i = start + k;
                    Prediction p = predictions.get(k);
                    predictedCounts[p.index()]++;
                    List<String> row = new ArrayList<>();
                    row.add(source.name(i));
                    if (confusion != null) {
                        int label = source.label(i);
                        confusion[label][p.index()]++;
                        correct += label == p.index() ? 1 : 0;
                        row.add(names.get(label));
                    }
                    row.add(p.className());
                    row.add(probability(p.probability()));
                    for (Prediction.Scored s : p.top(top)) {
                        row.add(s.name());
                        row.add(probability(s.probability()));
                    }
                    rows.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + PREDICTIONS_CSV + ": " + e.getMessage(), e);
        }
        double accuracy = confusion == null ? Double.NaN : (double) correct / n;
        Path csvFile = outDir.resolve(PREDICTIONS_CSV);
        Path jsonFile = outDir.resolve(PREDICTIONS_JSON);
        AtomicFiles.write(csvFile, csv.toByteArray());
        AtomicFiles.writeString(jsonFile, summary(model, input, n, names, predictedCounts, accuracy, confusion, correct));

        StringBuilder counts = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            counts.append(c == 0 ? "" : ", ").append(names.get(c)).append(' ').append(predictedCounts[c]);
        }
        log.accept(prefix + "predicted " + n + " inputs: " + counts);
        if (confusion != null) {
            log.accept(String.format(Locale.ROOT, "%saccuracy %.4f (%d of %d correct)", prefix, accuracy, correct, n));
            confusionLines(names, confusion).forEach(line -> log.accept(prefix + line));
        }
        log.accept(prefix + "wrote " + csvFile + " and " + jsonFile.getFileName());
        return new Result(n, csvFile, jsonFile, accuracy, confusion);
    }

    private static PredictionSource open(MlpModel model, Path input, Path labels, String labelColumn,
                                         CsvFormat csvFormat) {
        if (!Files.exists(input)) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.INPUT_MISSING, input));
        }
        boolean csv = Files.isRegularFile(input) && CSV_NAME.matcher(input.getFileName().toString()).matches();
        boolean folder = Files.isDirectory(input);
        if (labels != null && (csv || folder)) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.LABELS_NOT_IDX, labels,
                    csv ? "a CSV file" : "a folder"));
        }
        if (labelColumn != null && !csv) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.LABEL_COLUMN_NOT_CSV, labelColumn, input));
        }
        if (model.input() instanceof TableInput table) {
            if (!csv) {
                throw new UserException(String.format(Locale.ROOT, PredictMessages.IMAGES_FOR_TABLE, input,
                        folder ? "a folder" : "a file whose name is not .csv", table));
            }
            return new CsvSource(input, table, labelColumn, model.classNames(), csvFormat);
        }
        ImageInput image = (ImageInput) model.input();
        if (csv) {
            throw new UserException(String.format(Locale.ROOT, PredictMessages.CSV_FOR_IMAGES, input, image));
        }
        return folder ? new ImageFolderSource(input, image, model.classNames())
                : new IdxSource(input, labels, image, model.numClasses());
    }

    private static CsvSchema schema(boolean labelled, int top) {
        CsvSchema.Builder b = CsvSchema.builder().addColumn("input");
        if (labelled) {
            b.addColumn("label");
        }
        b.addColumn("predicted").addColumn("probability");
        for (int k = 1; k <= top; k++) {
            b.addColumn("top" + k).addColumn("top" + k + "_probability");
        }
        return b.build().withHeader();
    }

    /** Six decimals, as in the log. */
    static String probability(float p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }

    private static String summary(MlpModel model, Path input, int n, List<String> names, int[] predictedCounts,
                                  double accuracy, int[][] confusion, int correct) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("input", input.toAbsolutePath().toString());
        root.put("count", n);
        ArrayNode classNames = root.putArray("classNames");
        names.forEach(classNames::add);
        ArrayNode counts = root.putArray("predictedCounts");
        for (int c : predictedCounts) {
            counts.add(c);
        }
        root.put("labelled", confusion != null);
        if (confusion != null) {
            root.put("correct", correct);
            root.put("accuracy", accuracy);
            ArrayNode matrix = root.putArray("confusionMatrix");
            for (int[] row : confusion) {
                ArrayNode r = matrix.addArray();
                for (int v : row) {
                    r.add(v);
                }
            }
        }
        root.put("modelWeightsSha256", model.weightsSha256());
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the predictions summary", e);
        }
    }

    /** The confusion matrix as text: a header of predicted class indices, one row per true class. */
    static List<String> confusionLines(List<String> names, int[][] confusion) {
        int width = 5;
        for (int[] row : confusion) {
            for (int v : row) {
                width = Math.max(width, Integer.toString(v).length() + 1);
            }
        }
        int nameWidth = Math.min(20, names.stream().mapToInt(String::length).max().orElse(4));
        List<String> lines = new ArrayList<>();
        lines.add("confusion matrix (rows: true class, columns: predicted class)");
        StringBuilder header = new StringBuilder(" ".repeat(nameWidth + 4));
        for (int c = 0; c < confusion.length; c++) {
            header.append(String.format(Locale.ROOT, "%" + width + "d", c));
        }
        lines.add(header.toString());
        for (int t = 0; t < confusion.length; t++) {
            String name = names.get(t).length() > nameWidth ? names.get(t).substring(0, nameWidth) : names.get(t);
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%2d %-" + nameWidth + "s ", t, name));
            for (int v : confusion[t]) {
                b.append(String.format(Locale.ROOT, "%" + width + "d", v));
            }
            lines.add(b.toString());
        }
        return lines;
    }
}
