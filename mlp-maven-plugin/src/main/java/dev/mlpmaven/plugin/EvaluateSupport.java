package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:evaluate}: finds the model (a file, or an installed artifact of type {@code mlp} resolved
 * through Maven's repositories) and evaluates it in a fork on a named dataset or on an experiment's dataset.
 */
final class EvaluateSupport {
    private final ForkSupport fork;
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final MavenProject project;

    EvaluateSupport(ForkSupport fork, RepositorySystem repositorySystem, RepositorySystemSession repositorySession,
                    MavenProject project) {
        this.fork = fork;
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.project = project;
    }

    /**
     * Evaluates {@code model} (else {@code modelArtifact}) on {@code dataset} (else the dataset of
     * {@code experimentFile}, else nothing: a mistake).
     */
    void evaluate(File model, String modelArtifact, String dataset, Path experimentFile, Path extendsRoot,
                  Path evaluationFile, java.util.Map<String, String> overrides) throws MojoExecutionException, MojoFailureException {
        Path modelFile = modelFile(model, modelArtifact);
        boolean named = dataset != null && !dataset.isBlank();
        if (!named && experimentFile == null) {
            throw new MojoFailureException(Messages.EVALUATE_NO_DATA);
        }
        fork.run(ForkCommands.evaluate(modelFile, evaluationFile, extendsRoot, fork.dataArguments(), overrides,
                named ? dataset : null, experimentFile), null, modelFile::toString);
    }

    private Path modelFile(File model, String modelArtifact) throws MojoFailureException {
        if (model != null) {
            Path file = model.toPath();
            if (!file.isAbsolute()) {
                file = project.getBasedir().toPath().resolve(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new MojoFailureException(format(Messages.EVALUATE_MODEL_MISSING, file));
            }
            return file;
        }
        if (modelArtifact == null || modelArtifact.isBlank()) {
            throw new MojoFailureException(Messages.EVALUATE_NO_MODEL);
        }
        String[] p = modelArtifact.trim().split(":");
        if (p.length != 4 || Arrays.stream(p).anyMatch(String::isBlank)) {
            throw new MojoFailureException(format(Messages.EVALUATE_BAD_COORDINATES, modelArtifact));
        }
        DefaultArtifact artifact = new DefaultArtifact(p[0], p[1], p[3], AbstractForkMojo.MODEL_TYPE, p[2]);
        try {
            return repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException(format(Messages.EVALUATE_UNRESOLVED, modelArtifact, e.getMessage()), e);
        }
    }
}
