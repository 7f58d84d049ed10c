package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.plugin.incremental.Fingerprint;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Decides which experiments to train: an experiment whose {@link Fingerprint} matches (loaded YAML, data, plugin
 * version, outputs) is up to date and skipped, unless forced. A stale one loses its fingerprint before training,
 * so a half-done training is never taken for an up-to-date one, and gets a new one after success.
 */
final class IncrementalSkip {
    private final Log log;
    private final String pluginVersion;
    private final boolean force;
    /** SHA-256 of each local data file, hashed once per execution however many trials read it. */
    private final Map<Path, String> dataHashes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path projectDir;
    private final Instant outputTimestamp;

    IncrementalSkip(Log log, String pluginVersion, boolean force, Path projectDir, Instant outputTimestamp) {
        this.log = log;
        this.pluginVersion = pluginVersion;
        this.force = force;
        this.projectDir = projectDir;
        this.outputTimestamp = outputTimestamp;
    }

    /**
     * The fingerprint inputs of an experiment that must be trained (logging why, its old fingerprint deleted), or
     * empty when it is up to date (logged).
     */
    Optional<Map<String, String>> staleInputs(Experiment e, Path outputRoot, Path out) throws MojoExecutionException {
        return staleInputs(e, outputRoot, out, false);
    }

    /**
     * As {@link #staleInputs(Experiment, Path, Path)}; {@code quiet} logs the decision at debug level only (a
     * sweep's trials, which get one line per sweep instead).
     */
    Optional<Map<String, String>> staleInputs(Experiment e, Path outputRoot, Path out, boolean quiet)
            throws MojoExecutionException {
        Map<String, String> inputs;
        Optional<String> reason;
        try {
            inputs = Fingerprint.inputs(pluginVersion, e, projectDir, dataHashes);
            if (outputTimestamp != null) {
                inputs.put(Fingerprint.OUTPUT_TIMESTAMP, outputTimestamp.toString());
            }
            reason = force ? Optional.of(Messages.FORCED) : Fingerprint.staleReason(out, inputs);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_COMPUTED, e.name(), ex.getMessage()), ex);
        }
        if (reason.isEmpty()) {
            line(quiet, format(Messages.UP_TO_DATE, e.name()));
            return Optional.empty();
        }
        line(quiet, format(Messages.TRAINING, e.name(), reason.get()));
        try {
            Fingerprint.delete(outputRoot, out);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_DELETED, out.resolve(Fingerprint.FILE),
                    ex.getMessage()), ex);
        }
        return Optional.of(inputs);
    }

    private void line(boolean quiet, String text) {
        if (quiet) {
            log.debug(text);
        } else {
            log.info(text);
        }
    }

    /**
     * After a successful training: the model must exist (a sweep trial that diverged has metrics only, and is a
     * result as well: {@code modelOptional}); records the fingerprint.
     */
    void trained(String name, Path out, Map<String, String> inputs, boolean modelOptional)
            throws MojoExecutionException {
        Path model = out.resolve(ModelAttacher.MODEL_FILE);
        boolean present = Files.isRegularFile(model)
                || modelOptional && Files.isRegularFile(out.resolve(Fingerprint.OUTPUTS.get(1)));
        if (!present) {
            throw new MojoExecutionException(format(Messages.MODEL_NOT_WRITTEN, name, model));
        }
        try {
            Fingerprint.write(out, inputs);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_WRITTEN, out.resolve(Fingerprint.FILE),
                    IoReason.of(ex)), ex);
        }
    }

    /** The plugin version; for a SNAPSHOT also the size and time of its jars, so a rebuilt plugin retrains. */
    static String pluginVersion(PluginDescriptor plugin) {
        String version = plugin.getVersion();
        if (version == null || !version.endsWith("-SNAPSHOT")) {
            return version;
        }
        StringBuilder b = new StringBuilder(version);
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getGroupId().equals("dev.mlpmaven") && a.getFile() != null) {
                b.append(' ').append(a.getArtifactId()).append(':').append(a.getFile().length()).append(':')
                        .append(a.getFile().lastModified());
            }
        }
        return b.toString();
    }
}
