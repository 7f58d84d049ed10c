package dev.mlpmaven.engine.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial's {@code trial.json}, read back: which sweep and trial made the folder, and how the sweep ranks.
 *
 * @param sweep      the sweep's name
 * @param id         the trial's id
 * @param number     its 1-based position in the sweep
 * @param trials     how many trials the sweep has
 * @param sweepHash  what the sweep was made from ({@link Trials#sweepHash})
 * @param metric     what ranks the trials
 * @param goal       {@code maximize} or {@code minimize}
 * @param parameters swept key path to this trial's value (JSON), in the sweep's order
 */
public record TrialInfo(String sweep, String id, int number, int trials, String sweepHash, String metric,
                        String goal, Map<String, JsonNode> parameters) {
    /** Arguments: the file, what is wrong. */
    public static final String BAD_TRIAL_FILE = "%s: %s, expected the trial.json mlp:train writes - delete the"
            + " folder or train the sweep again";
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrialInfo {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static TrialInfo read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(String.format(BAD_TRIAL_FILE, file, "found invalid JSON"), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(String.format(BAD_TRIAL_FILE, file, "found no JSON object"));
        }
        Map<String, JsonNode> params = new LinkedHashMap<>();
        JsonNode p = root.path("parameters");
        if (!p.isObject()) {
            throw new IOException(String.format(BAD_TRIAL_FILE, file, "found no object 'parameters'"));
        }
        Iterator<Map.Entry<String, JsonNode>> it = p.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue());
        }
        return new TrialInfo(text(root, "sweep", file), text(root, "id", file), integer(root, "number", file),
                integer(root, "trials", file), text(root, "sweepHash", file), text(root, "metric", file),
                text(root, "goal", file), params);
    }

    private static String text(JsonNode root, String field, Path file) throws IOException {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IOException(String.format(BAD_TRIAL_FILE, file, "found no text '" + field + "'"));
        }
        return v.asText();
    }

    private static int integer(JsonNode root, String field, Path file) throws IOException {
        JsonNode v = root.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IOException(String.format(BAD_TRIAL_FILE, file, "found no integer '" + field + "'"));
        }
        return v.asInt();
    }

    public boolean maximize() {
        return "maximize".equals(goal);
    }
}
