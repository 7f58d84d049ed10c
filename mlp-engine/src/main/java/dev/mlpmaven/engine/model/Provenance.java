package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a model came from. Written to {@code provenance.json} and inside every model file.
 * Fields that could not be found out are null (never a made-up value).
 *
 * @param experiment       the normalised experiment as a JSON tree with sorted keys (see {@link CanonicalJson})
 * @param experimentSha256 SHA-256 of the canonical compact JSON of {@code experiment}; 64 hex digits, kept in lower case
 * @param dataSha256       SHA-256 of each data file's decompressed content (64 hex digits, kept in lower case), keyed
 *                         by role, sorted by role
 * @param seed             the experiment's seed
 * @param engineVersion    mlp-maven engine (plugin) version, or null
 * @param nd4jVersion      ND4J version on the class path, or null
 * @param javaVersion      {@code java.version}
 * @param javaVendor       {@code java.vendor}
 * @param osName           {@code os.name}
 * @param osArch           {@code os.arch}
 * @param cpuModel         CPU model from /proc/cpuinfo, or null
 * @param threads          compute threads used for training
 * @param blasKernel       BLAS kernel in use, free-form as reported by the caller, or null
 * @param gitCommit        {@code git rev-parse HEAD} of the project, or null when there is no git or no repository
 * @param gitDirty         whether {@code git status --porcelain} printed anything, or null when unknown
 * @param startTime        when the run started
 * @param endTime          when the run ended, or null while it runs
 */
public record Provenance(JsonNode experiment, String experimentSha256, Map<String, String> dataSha256, long seed,
                         String engineVersion, String nd4jVersion, String javaVersion, String javaVendor,
                         String osName, String osArch, String cpuModel, int threads, String blasKernel,
                         String gitCommit, Boolean gitDirty, Instant startTime, Instant endTime) {
    public Provenance {
        Objects.requireNonNull(experiment, "experiment");
        if (!experiment.isObject()) {
            throw new IllegalArgumentException("experiment: found " + experiment.getNodeType() + ", expected a JSON object");
        }
        experiment = CanonicalJson.canonical(experiment);
        experimentSha256 = sha256("experimentSha256", experimentSha256);
        TreeMap<String, String> data = new TreeMap<>();
        dataSha256.forEach((role, sha) -> data.put(Objects.requireNonNull(role, "data role"), sha256("dataSha256." + role, sha)));
        dataSha256 = Collections.unmodifiableMap(data);
    }

    private static String sha256(String field, String value) {
        String lower = value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
        if (lower == null || !lower.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + ": found " + value + ", expected a SHA-256 as 64 hex digits");
        }
        return lower;
    }

    /** A copy with the given start and end times (a reproducible build's output timestamp for both). */
    public Provenance withTimes(Instant start, Instant end) {
        return new Provenance(experiment, experimentSha256, dataSha256, seed, engineVersion, nd4jVersion,
                javaVersion, javaVendor, osName, osArch, cpuModel, threads, blasKernel, gitCommit, gitDirty,
                start, end);
    }

    /** A copy with the given end time. */
    public Provenance withEndTime(Instant end) {
        return new Provenance(experiment, experimentSha256, dataSha256, seed, engineVersion, nd4jVersion,
                javaVersion, javaVendor, osName, osArch, cpuModel, threads, blasKernel, gitCommit, gitDirty,
                startTime, end);
    }
}
