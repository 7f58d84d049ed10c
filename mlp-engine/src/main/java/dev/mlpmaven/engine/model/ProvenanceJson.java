package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link Provenance} to and from JSON, the same shape in {@code provenance.json} and in a model manifest.
 * Times are ISO-8601 UTC strings; unknown values are JSON null. See docs/model-format.md.
 */
public final class ProvenanceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ProvenanceJson() {
    }

    /** The compact JSON text of {@code p} (inside a model file's manifest). */
    public static String compact(Provenance p) {
        try {
            return MAPPER.writeValueAsString(toJson(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }

    /** The pretty-printed JSON text of {@code p} with a final newline ({@code provenance.json}). */
    public static String pretty(Provenance p) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(p)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write provenance", e);
        }
    }

    /** The JSON object for {@code p}, fields in a fixed order: the one place provenance becomes JSON. */
    public static ObjectNode toJson(Provenance p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.set("experiment", p.experiment());
        o.put("experimentSha256", p.experimentSha256());
        ObjectNode data = o.putObject("dataSha256");
        p.dataSha256().forEach(data::put);
        o.put("seed", p.seed());
        o.put("engineVersion", p.engineVersion());
        o.put("nd4jVersion", p.nd4jVersion());
        o.put("javaVersion", p.javaVersion());
        o.put("javaVendor", p.javaVendor());
        o.put("osName", p.osName());
        o.put("osArch", p.osArch());
        o.put("cpuModel", p.cpuModel());
        o.put("threads", p.threads());
        o.put("blasKernel", p.blasKernel());
        o.put("gitCommit", p.gitCommit());
        if (p.gitDirty() == null) {
            o.putNull("gitDirty");
        } else {
            o.put("gitDirty", p.gitDirty());
        }
        o.put("startTime", p.startTime() == null ? null : p.startTime().toString());
        o.put("endTime", p.endTime() == null ? null : p.endTime().toString());
        return o;
    }

    /**
     * Reads a provenance object, checking every field.
     *
     * @param node  the object
     * @param file  the file it came from, for messages
     * @param where path of {@code node} inside the file ("provenance" in a manifest, "" in provenance.json)
     * @throws dev.mlpmaven.config.UserException naming the file and field when a field is missing or wrong
     */
    public static Provenance fromJson(JsonNode node, Path file, String where) {
        ManifestFields f = new ManifestFields(file);
        if (!node.isObject()) {
            throw f.wrong(where, node, "an object");
        }
        JsonNode experiment = f.object(node, where, "experiment");
        String experimentSha = sha(f, node, where, "experimentSha256");
        JsonNode data = f.object(node, where, "dataSha256");
        Map<String, String> dataSha = new LinkedHashMap<>();
        data.fieldNames().forEachRemaining(role -> dataSha.put(role, sha(f, data, ManifestFields.path(where, "dataSha256"), role)));
        long seed = f.integer(node, where, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String engine = f.nullableString(node, where, "engineVersion");
        String nd4j = f.nullableString(node, where, "nd4jVersion");
        String javaVersion = f.nullableString(node, where, "javaVersion");
        String javaVendor = f.nullableString(node, where, "javaVendor");
        String osName = f.nullableString(node, where, "osName");
        String osArch = f.nullableString(node, where, "osArch");
        String cpu = f.nullableString(node, where, "cpuModel");
        int threads = (int) f.integer(node, where, "threads", 0, Integer.MAX_VALUE);
        String blas = f.nullableString(node, where, "blasKernel");
        String commit = f.nullableString(node, where, "gitCommit");
        Boolean dirty = f.nullableBoolean(node, where, "gitDirty");
        Instant start = f.nullableInstant(node, where, "startTime");
        Instant end = f.nullableInstant(node, where, "endTime");
        return new Provenance(experiment, experimentSha, dataSha, seed, engine, nd4j, javaVersion, javaVendor,
                osName, osArch, cpu, threads, blas, commit, dirty, start, end);
    }

    private static String sha(ManifestFields f, JsonNode parent, String where, String key) {
        String value = f.string(parent, where, key);
        if (!SHA256.matcher(value).matches()) {
            throw f.wrong(ManifestFields.path(where, key), parent.get(key), "64 lower-case hex digits (SHA-256)");
        }
        return value;
    }
}
