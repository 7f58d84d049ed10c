package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row of the build's index: an experiment's settings and headline numbers, read back from its output folder
 * so the index can be regenerated from everything in {@code target/mlp} at any time.
 *
 * @param name         experiment name ({@code name} in metrics.json, else the folder name)
 * @param folder       the experiment's folder name under the output root (used for links)
 * @param parameters   the experiment's settings flattened to "key path -> value" ({@code optimizer.learningRate},
 *                     {@code model.layers[0].units}), from experiment.json; empty when that file is missing
 * @param testAccuracy test accuracy, NaN when there is none (diverged run)
 * @param testLoss     test loss, NaN when there is none
 * @param epochs       epochs trained
 * @param totalSeconds {@code totalSeconds} from metrics.json, else the sum of the epochs' {@code trainSeconds}
 * @param hasReport    true when {@code report.html} exists in the folder
 */
public record ExperimentSummary(String name, String folder, Map<String, String> parameters, double testAccuracy,
                                double testLoss, int epochs, double totalSeconds, boolean hasReport) {

    public static final String METRICS_FILE = "metrics.json";
    public static final String EXPERIMENT_FILE = "experiment.json";
    /** Settings left out of the comparison: they differ between any two experiments and say nothing. */
    static final Set<String> NOT_PARAMETERS = Set.of("name", "version", "source");

    static final String NOT_JSON = "%s, line %d, column %d: found invalid JSON, expected the file the runner "
            + "writes - delete the folder or run the experiment again";
    static final String NOT_OBJECT = "%s: found a JSON %s, expected an object";
    static final String BAD_FIELD = "%s, field %s: found %s, expected %s";

    /** Also reads NaN and Infinity written as bare tokens, as some JSON writers do for a diverged run. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    public ExperimentSummary {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Reads {@code metrics.json} (required) and {@code experiment.json} (optional) from an experiment folder. */
    public static ExperimentSummary read(Path experimentDir) throws IOException {
        Path metricsFile = experimentDir.resolve(METRICS_FILE);
        JsonNode metrics = readObject(metricsFile);
        String folder = experimentDir.getFileName().toString();
        String name = metrics.hasNonNull("name") ? metrics.get("name").asText() : folder;
        JsonNode epochs = metrics.path("epochs");
        if (!epochs.isMissingNode() && !epochs.isArray()) {
            throw new IOException(String.format(BAD_FIELD, metricsFile, "epochs", epochs.getNodeType(), "an array"));
        }
        double seconds;
        if (metrics.hasNonNull("totalSeconds")) {
            seconds = number(metricsFile, metrics, "totalSeconds");
        } else if (metrics.path("timings").hasNonNull("total")) {
            seconds = number(metricsFile, metrics.get("timings"), "timings.total", "total");
        } else {
            seconds = 0;
            for (JsonNode e : epochs) {
                seconds += e.hasNonNull("trainSeconds") ? number(metricsFile, e, "trainSeconds") : 0;
            }
        }
        JsonNode test = metrics.path("test");
        double accuracy = test.hasNonNull("accuracy") ? number(metricsFile, test, "test.accuracy", "accuracy") : Double.NaN;
        double loss = test.hasNonNull("loss") ? number(metricsFile, test, "test.loss", "loss") : Double.NaN;
        Map<String, String> parameters = new LinkedHashMap<>();
        Path experimentFile = experimentDir.resolve(EXPERIMENT_FILE);
        if (Files.isRegularFile(experimentFile)) {
            flatten("", readObject(experimentFile), parameters);
            NOT_PARAMETERS.forEach(parameters::remove);
        }
        return new ExperimentSummary(name, folder, parameters, accuracy, loss, epochs.size(), seconds,
                Files.isRegularFile(experimentDir.resolve(ReportWriter.REPORT_FILE)));
    }

    private static JsonNode readObject(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new IOException(String.format(NOT_JSON, file, where == null ? 0 : where.getLineNr(),
                    where == null ? 0 : where.getColumnNr()), e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(String.format(NOT_OBJECT, file, node == null ? "empty file" : node.getNodeType()));
        }
        return node;
    }

    private static double number(Path file, JsonNode parent, String field) throws IOException {
        return number(file, parent, field, field);
    }

    private static double number(Path file, JsonNode parent, String where, String field) throws IOException {
        JsonNode v = parent.get(field);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual() && v.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw new IOException(String.format(BAD_FIELD, file, where, v, "a number"));
    }

    /** Objects become dotted keys, arrays get [i], scalars their JSON text (strings unquoted), null an empty string. */
    static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(prefix, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
