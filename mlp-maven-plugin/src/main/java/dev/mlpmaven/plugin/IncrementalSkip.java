package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
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
    private final Instant outputTimestamp;

    IncrementalSkip(Log log, String pluginVersion, boolean force, Instant outputTimestamp) {
        this.log = log;
        this.pluginVersion = pluginVersion;
        this.force = force;
        this.outputTimestamp = outputTimestamp;
    }

    /**
     * The fingerprint inputs of an experiment that must be trained (logging why, its old fingerprint deleted), or
     * empty when it is up to date (logged).
     */
    Optional<Map<String, String>> staleInputs(Experiment e, Path outputRoot, Path out) throws MojoExecutionException {
        Map<String, String> inputs;
        Optional<String> reason;
        try {
            inputs = Fingerprint.inputs(pluginVersion, e);
            if (outputTimestamp != null) {
                inputs.put(Fingerprint.OUTPUT_TIMESTAMP, outputTimestamp.toString());
            }
            reason = force ? Optional.of(Messages.FORCED) : Fingerprint.staleReason(out, inputs);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_COMPUTED, e.name(), ex.getMessage()), ex);
        }
        if (reason.isEmpty()) {
            log.info(format(Messages.UP_TO_DATE, e.name()));
            return Optional.empty();
        }
        log.info(format(Messages.TRAINING, e.name(), reason.get()));
        try {
            Fingerprint.delete(outputRoot, out);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_DELETED, out.resolve(Fingerprint.FILE),
                    ex.getMessage()), ex);
        }
        return Optional.of(inputs);
    }

    /** After a successful training: the model must exist; records the fingerprint. */
    void trained(String name, Path out, Map<String, String> inputs) throws MojoExecutionException {
        Path model = out.resolve(ModelAttacher.MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            throw new MojoExecutionException(format(Messages.MODEL_NOT_WRITTEN, name, model));
        }
        try {
            Fingerprint.write(out, inputs);
        } catch (IOException ex) {
            throw new MojoExecutionException(format(Messages.FINGERPRINT_NOT_WRITTEN, out.resolve(Fingerprint.FILE),
                    ex.getMessage()), ex);
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
