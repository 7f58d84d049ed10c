package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.IoReason;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import static dev.mlpmaven.plugin.Messages.format;

/** Attaches an experiment's {@code model.mlp} (type {@code mlp}, the experiment name as classifier) and its report archive. */
final class ModelAttacher {
    static final String MODEL_FILE = "model.mlp";

    private final Log log;
    private final MavenProjectHelper helper;
    private final MavenProject project;
    private final boolean enabled;

    ModelAttacher(Log log, MavenProjectHelper helper, MavenProject project, boolean enabled) {
        this.log = log;
        this.helper = helper;
        this.project = project;
        this.enabled = enabled;
    }

    /** {@link #attach(String, Path, Instant)} with the entries dated by their files. */
    boolean attach(String name, Path out) throws MojoExecutionException {
        return attach(name, out, null);
    }

    /**
     * Attaches {@code <out>/model.mlp} when attaching is on and the file exists, and the report archive
     * ({@link ReportArchive}, type {@code zip}, classifier {@code <name>-report}) written for it now, its entries
     * dated {@code timestamp} (a reproducible build) or by their files; returns whether the model was attached.
     */
    boolean attach(String name, Path out, Instant timestamp) throws MojoExecutionException {
        Path model = out.resolve(MODEL_FILE);
        if (!enabled || !Files.isRegularFile(model)) {
            return false;
        }
        helper.attachArtifact(project, AbstractForkMojo.MODEL_TYPE, name, model.toFile());
        log.debug(format(Messages.ATTACHED, name, model, name));
        Path archive;
        try {
            archive = ReportArchive.write(out, timestamp);
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.REPORT_ARCHIVE_NOT_WRITTEN, name,
                    ReportArchive.fileFor(out), IoReason.of(e)), e);
        }
        if (archive != null) {
            helper.attachArtifact(project, ReportArchive.TYPE, name + ReportArchive.CLASSIFIER_SUFFIX, archive.toFile());
            log.debug(format(Messages.ATTACHED, name, archive, name + ReportArchive.CLASSIFIER_SUFFIX));
        }
        return true;
    }
}
