package dev.mlpmaven.plugin;

import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.mlpmaven.plugin.Messages.format;

/** Attaches an experiment's {@code model.mlp} to the project: type {@code mlp}, the experiment name as classifier. */
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

    /** Attaches {@code <out>/model.mlp} when attaching is on and the file exists; returns whether it did. */
    boolean attach(String name, Path out) {
        Path model = out.resolve(MODEL_FILE);
        if (enabled && Files.isRegularFile(model)) {
            helper.attachArtifact(project, AbstractForkMojo.MODEL_TYPE, name, model.toFile());
            log.debug(format(Messages.ATTACHED, name, model, name));
            return true;
        }
        return false;
    }
}
