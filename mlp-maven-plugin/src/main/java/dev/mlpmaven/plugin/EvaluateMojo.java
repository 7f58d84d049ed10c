package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;

/**
 * Evaluates an existing model on the test split of a dataset, in a forked JVM: a model file
 * ({@code -Dmlp.model=target/mlp/quick/model.mlp}) or an installed model artifact
 * ({@code -Dmlp.modelArtifact=com.example:shop:1.0:quick}), on a named dataset ({@code -Dmlp.dataset=mnist})
 * or on the dataset of an experiment ({@code -Dmlp.experiment=src/main/mlp/quick.yaml}). Logs accuracy and
 * loss and writes them as JSON to {@code evaluationFile}.
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractForkMojo {
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
        super(repositorySystem);
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        Path experimentFile = experiment != null ? experimentFiles().get(0) : null;
        new EvaluateSupport(forkSupport(), repositorySystem(), session.getRepositorySession(), project)
                .evaluate(model, modelArtifact, dataset, experimentFile, extendsRootPath(), evaluationFile.toPath(),
                        allOverrides());
    }
}
