package dev.mlpmaven.plugin.check;

import java.util.Arrays;
import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.plugin.Messages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * What {@code mlp:check} reads from {@code metrics.json} (the output contract: {@code name},
 * {@code test.accuracy}, {@code test.loss}, {@code test.confusionMatrix}; {@code classNames} when present).
 *
 * @param name            experiment name
 * @param testAccuracy    test accuracy
 * @param testLoss        test loss
 * @param confusionMatrix {@code [true][predicted]} counts
 * @param classNames      class names, or empty
 */
public record Metrics(String name, double testAccuracy, double testLoss, int[][] confusionMatrix,
                      List<String> classNames) {

    /** Thrown for a metrics.json that does not follow the contract; the message names the field. */
    public static final class BadMetricsException extends Exception {
        public BadMetricsException(String message) {
            super(message);
        }
    }

    public static Metrics read(Path file) throws IOException, BadMetricsException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadMetricsException(format(Messages.METRICS_INVALID_JSON, e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(), e.getOriginalMessage()));
        }
        String name = text(root, "name");
        JsonNode test = root.get("test");
        if (test == null || !test.isObject()) {
            throw new BadMetricsException(format(Messages.METRICS_NO_OBJECT, "test"));
        }
        double accuracy = number(test, "test.accuracy", "accuracy");
        double loss = number(test, "test.loss", "loss");
        JsonNode cm = test.get("confusionMatrix");
        if (cm == null || !cm.isArray() || cm.isEmpty()) {
            throw new BadMetricsException(format(Messages.METRICS_NO_ARRAY, "test.confusionMatrix"));
        }
        int[][] matrix = new int[cm.size()][];
        for (int i = 0; i < cm.size(); i++) {
            JsonNode row = cm.get(i);
            if (!row.isArray() || row.size() != cm.size()) {
                throw new BadMetricsException(format(Messages.METRICS_BAD_ROW, "test.confusionMatrix", i, row,
                        cm.size()));
            }
            matrix[i] = new int[row.size()];
            for (int j = 0; j < row.size(); j++) {
                matrix[i][j] = row.get(j).asInt();
            }
        }
        List<String> classNames = new ArrayList<>();
        JsonNode names = root.has("classNames") ? root.get("classNames") : test.get("classNames");
        if (names != null && names.isArray() && names.size() == matrix.length) {
            names.forEach(n -> classNames.add(n.asText()));
        }
        return new Metrics(name, accuracy, loss, matrix, List.copyOf(classNames));
    }

    /** Recall of class {@code c}: correct / all of that class; NaN when the test split has none. */
    public double recall(int c) {
        long total = 0;
        for (int v : confusionMatrix[c]) {
            total += v;
        }
        return total == 0 ? Double.NaN : (double) confusionMatrix[c][c] / total;
    }

    /** "3 (Dress)", or "3" without class names. */
    public String className(int c) {
        return classNames.isEmpty() ? String.valueOf(c) : c + " (" + classNames.get(c) + ")";
    }

    private static String text(JsonNode node, String field) throws BadMetricsException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadMetricsException(format(Messages.METRICS_NO_TEXT, field));
        }
        return v.asText();
    }

    private static double number(JsonNode node, String path, String field) throws BadMetricsException {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new BadMetricsException(format(Messages.METRICS_NOT_A_NUMBER,
                    v == null ? "no field" : v.toString(), path));
        }
        return v.asDouble();
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Metrics o
                && Objects.equals(name, o.name)
                && Double.compare(testAccuracy, o.testAccuracy) == 0
                && Double.compare(testLoss, o.testLoss) == 0
                && Arrays.deepEquals(confusionMatrix, o.confusionMatrix)
                && Objects.equals(classNames, o.classNames);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(name, testAccuracy, testLoss, classNames);
        h = 31 * h + Arrays.deepHashCode(confusionMatrix);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "Metrics[" + "name=" + name + ", "
                + "testAccuracy=" + testAccuracy + ", "
                + "testLoss=" + testLoss + ", "
                + "confusionMatrix=" + (confusionMatrix == null ? "null" : "int[" + confusionMatrix.length + "][]") + ", "
                + "classNames=" + classNames + "]";
    }
}
