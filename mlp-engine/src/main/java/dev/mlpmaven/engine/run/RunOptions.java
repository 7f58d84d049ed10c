package dev.mlpmaven.engine.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How to run experiments.
 *
 * @param outputRoot  where each experiment's folder goes ({@code target/mlp}); the experiment writes
 *                    {@code <outputRoot>/<name>/}
 * @param projectDir  the project folder (for the git commit in provenance); may be null
 * @param cacheDir    dataset cache; null for the default (MLP_CACHE_DIR or ~/.cache/mlp-maven)
 * @param offline     use only the cache and local copies
 * @param dataDirs    extra folders searched for local copies of named datasets
 * @param overrides   experiment overrides, key path to value ("training.epochs" -> "1")
 * @param force       retrain even when nothing changed
 * @param proxy       "host:port" or null; credentials and non-proxy hosts in {@code proxySettings}
 * @param proxySettings extra proxy settings (user, password, nonProxyHosts); may be empty
 * @param outputTimestamp a reproducible build's time, or null: the model file then carries it as its start and end
 *                      time, and the report leaves out wall-clock figures, so two builds write the same bytes (the
 *                      real times stay in metrics.json and provenance.json)
 */
public record RunOptions(Path outputRoot, Path projectDir, Path cacheDir, boolean offline, List<Path> dataDirs,
                         Map<String, String> overrides, boolean force, String proxy,
                         Map<String, String> proxySettings, Instant outputTimestamp) {
    public RunOptions {
        dataDirs = List.copyOf(dataDirs);
        overrides = Map.copyOf(overrides);
        proxySettings = Map.copyOf(proxySettings);
    }

    /** A normal (not reproducible) run. */
    public RunOptions(Path outputRoot, Path projectDir, Path cacheDir, boolean offline, List<Path> dataDirs,
                      Map<String, String> overrides, boolean force, String proxy, Map<String, String> proxySettings) {
        this(outputRoot, projectDir, cacheDir, offline, dataDirs, overrides, force, proxy, proxySettings, null);
    }
}
