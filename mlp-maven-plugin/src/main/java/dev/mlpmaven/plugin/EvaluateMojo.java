package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Evaluates an existing model on the test split of a dataset, in a forked JVM: a model file
 * ({@code -Dmlp.model=target/mlp/quick/model.mlp}) or an installed model artifact
 * ({@code -Dmlp.modelArtifact=com.example:shop:1.0:quick}), on a named dataset ({@code -Dmlp.dataset=mnist})
 * or on the dataset of an experiment ({@code -Dmlp.experiment=src/main/mlp/quick.yaml}). Logs accuracy and
 * loss and writes them as JSON to {@code evaluationFile}.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractForkMojo {
    private final RepositorySystem repositorySystem;

    /**
     * The model file to evaluate.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.model")
    private File model;

    /**
     * An installed or deployed model to evaluate, as {@code groupId:artifactId:version:classifier} (type
     * {@code mlp}, as {@code mlp:train} attaches it). Used when {@code model} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.modelArtifact")
    private String modelArtifact;

    /**
     * A named dataset to evaluate on (its test split); else the dataset of {@code experiment}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.dataset")
    private String dataset;

    /**
     * Where the result goes as JSON ({@code accuracy}, {@code loss}, {@code confusionMatrix}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.evaluationFile", defaultValue = "${project.build.directory}/mlp-evaluation.json")
    private File evaluationFile;

    @Inject
    public EvaluateMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        Path modelFile = modelFile();
        List<String> args = new ArrayList<>(List.of("evaluate", "--model", modelFile.toString(),
                "--evaluation-file", evaluationFile.getAbsolutePath(), "--extends-root",
                extendsRootPath().toString()));
        args.addAll(dataArguments());
        allOverrides().forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        if (dataset != null && !dataset.isBlank()) {
            args.add("--dataset");
            args.add(dataset);
        } else if (experiment != null) {
            args.add(experimentFiles().get(0).toString());
        } else {
            throw new MojoFailureException(Messages.EVALUATE_NO_DATA);
        }
        fork(args, null);
    }

    private Path modelFile() throws MojoFailureException {
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
        if (p.length != 4 || java.util.Arrays.stream(p).anyMatch(String::isBlank)) {
            throw new MojoFailureException(format(Messages.EVALUATE_BAD_COORDINATES, modelArtifact));
        }
        DefaultArtifact artifact = new DefaultArtifact(p[0], p[1], p[3], MODEL_TYPE, p[2]);
        try {
            return repositorySystem.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException(format(Messages.EVALUATE_UNRESOLVED, modelArtifact, e.getMessage()), e);
        }
    }
}
