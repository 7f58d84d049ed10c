package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Publishes an experiment's {@code model.mlp}: attaches it to the project (type {@code mlp}, the experiment name as
 * classifier) and, with {@code copyToClasses}, copies it to {@code <classes>/mlp/<name>.mlp}, so the project's jar
 * holds it and {@code MlpModel.loadResource("mlp/<name>.mlp")} finds it on the class path.
 */
final class ModelAttacher {
    static final String MODEL_FILE = "model.mlp";
    /** The folder of the class path the models are copied to. */
    static final String CLASSES_FOLDER = "mlp";

    private final Log log;
    private final MavenProjectHelper helper;
    private final MavenProject project;
    private final boolean enabled;
    private final Path classesDir;

    /** @param classesDir the project's classes folder when models are copied there, else null */
    ModelAttacher(Log log, MavenProjectHelper helper, MavenProject project, boolean enabled, Path classesDir) {
        this.log = log;
        this.helper = helper;
        this.project = project;
        this.enabled = enabled;
        this.classesDir = classesDir;
    }

    /** Attaches (and copies) {@code <out>/model.mlp} when that is on and the file exists. */
    void attach(String name, Path out) throws MojoExecutionException {
        Path model = out.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            return;
        }
        if (enabled) {
            helper.attachArtifact(project, AbstractForkMojo.MODEL_TYPE, name, model.toFile());
            log.debug(format(Messages.ATTACHED, name, model, name));
        }
        if (classesDir != null) {
            copy(name, model, classesDir.resolve(CLASSES_FOLDER).resolve(name + ".mlp"));
        }
    }

    /** Copies atomically; an identical copy is left alone (its time stamp too). */
    private void copy(String name, Path model, Path target) throws MojoExecutionException {
        try {
            byte[] bytes = Files.readAllBytes(model);
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                log.info(format(Messages.COPY_UP_TO_DATE, name, target));
                return;
            }
            dev.mlpmaven.engine.io.AtomicFiles.write(target, bytes);
            log.info(format(Messages.COPIED_TO_CLASSES, name, target, CLASSES_FOLDER + "/" + name + ".mlp"));
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.COPY_FAILED, name, model, target, e.getMessage()), e);
        }
    }
}
