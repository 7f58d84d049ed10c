package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.io.JsonNumbers;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a run's {@code metrics.json} (the output contract other tools read) and {@code history.csv}.
 * Non-finite numbers (NaN validation accuracy when there is no validation split) are JSON null and empty CSV
 * cells. Both files are written atomically. See docs/reproducibility.md for comparing two runs.
 */
public final class MetricsWriter {
    public static final String METRICS_FILE = "metrics.json";
    public static final String HISTORY_FILE = "history.csv";
    /** The header row of history.csv. */
    public static final String HISTORY_HEADER =
            "epoch,trainLoss,validationAccuracy,validationLoss,trainSeconds,learningRate";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetricsWriter() {
    }

    /** Writes {@code metrics.json} and {@code history.csv} into {@code dir} (which must exist), each atomically. */
    public static void write(RunMetrics metrics, Path dir) {
        AtomicFiles.writeString(dir.resolve(METRICS_FILE), toJson(metrics));
        AtomicFiles.writeString(dir.resolve(HISTORY_FILE), historyCsv(metrics));
    }

    /** The text of metrics.json: pretty-printed, fields in a fixed order, a final newline. */
    public static String toJson(RunMetrics metrics) {
        return text(tree(metrics, true));
    }

    /**
     * metrics.json without anything that measures time ({@code epochs[].trainSeconds} and {@code timings}):
     * two runs of the same seeded experiment on the same machine and thread count give identical text.
     */
    public static String toJsonWithoutTimings(RunMetrics metrics) {
        return text(tree(metrics, false));
    }

    /** Reads a metrics.json written by {@link #write} and returns it as {@link #toJsonWithoutTimings} would. */
    public static String withoutTimings(Path metricsJson) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(metricsJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metricsJson + ": " + e, e);
        }
        if (!(tree instanceof ObjectNode o)) {
            throw new IllegalArgumentException(metricsJson + ": found " + tree + ", expected a JSON object");
        }
        o.remove("timings");
        JsonNode epochs = o.get("epochs");
        if (epochs != null) {
            epochs.forEach(e -> {
                if (e instanceof ObjectNode eo) {
                    eo.remove("trainSeconds");
                }
            });
        }
        return text(o);
    }

    /** The text of history.csv: {@link #HISTORY_HEADER}, then one row per epoch; non-finite values are empty. */
    public static String historyCsv(RunMetrics metrics) {
        StringBuilder sb = new StringBuilder(HISTORY_HEADER).append('\n');
        for (EpochResult e : metrics.epochs()) {
            sb.append(e.epoch()).append(',').append(cell(e.trainLoss())).append(',')
                    .append(cell(e.validationAccuracy())).append(',').append(cell(e.validationLoss())).append(',')
                    .append(cell(e.trainSeconds())).append(',').append(cell(e.learningRate())).append('\n');
        }
        return sb.toString();
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static ObjectNode tree(RunMetrics m, boolean timings) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", m.name());
        ArrayNode epochs = root.putArray("epochs");
        for (EpochResult e : m.epochs()) {
            ObjectNode o = epochs.addObject();
            o.put("epoch", e.epoch());
            number(o, "trainLoss", e.trainLoss());
            number(o, "validationAccuracy", e.validationAccuracy());
            number(o, "validationLoss", e.validationLoss());
            if (timings) {
                number(o, "trainSeconds", e.trainSeconds());
            }
            number(o, "learningRate", e.learningRate());
        }
        TestResult t = m.test();
        if (t == null) {
            root.putNull("test");
        } else {
            ObjectNode test = root.putObject("test");
            number(test, "accuracy", t.accuracy());
            number(test, "loss", t.loss());
            ArrayNode matrix = test.putArray("confusionMatrix");
            for (int[] row : t.confusionMatrix()) {
                ArrayNode r = matrix.addArray();
                for (int v : row) {
                    r.add(v);
                }
            }
        }
        root.put("stoppedEarly", m.stoppedEarly());
        root.put("bestEpoch", m.bestEpoch());
        if (m.diverged() == null) {
            root.putNull("diverged");
        } else {
            root.putObject("diverged").put("epoch", m.diverged().epoch()).put("batch", m.diverged().batch())
                    .put("message", m.diverged().message());
        }
        if (timings) {
            ObjectNode t2 = root.putObject("timings");
            m.timings().forEach((k, v) -> number(t2, k, v == null ? Double.NaN : v));
        }
        return root;
    }

    private static void number(ObjectNode o, String key, double v) {
        JsonNumbers.put(o, key, v);
    }

    private static String text(JsonNode tree) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metrics", e);
        }
    }
}
