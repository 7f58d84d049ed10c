package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.File;

/**
 * Trains every experiment into {@code <outputDirectory>/<name>/} (model.mlp, metrics.json, report), and every trial
 * of a sweep into {@code <outputDirectory>/<name>/trials/<id>/}, in forked JVMs ({@code mlp.parallel} at once, each
 * training its share in turn, the cores split between them), logging one line per epoch and a summary with the test
 * accuracy. An experiment or trial whose loaded YAML, data, plugin version and outputs are unchanged since its last
 * training is skipped ({@code -Dmlp.force} retrains); {@code -Dmlp.shard=i/n} trains one CI shard's share. Each
 * experiment's model is attached to the project (type {@code mlp}, the experiment name as classifier), so
 * {@code mvn install} and {@code mvn deploy} publish it beside the jar.
 *
 * <p>Bound to {@code prepare-package}: after the unit tests, before {@code package}, so {@code mvn test} stays
 * fast and the model exists when the project is packaged and installed.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true)
public class TrainMojo extends AbstractForkMojo {
    private final MavenProjectHelper projectHelper;

    /**
     * Where each experiment writes its folder {@code <name>/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectory", defaultValue = "${project.build.directory}/mlp", required = true)
    private File outputDirectory;

    /**
     * Train even when the experiment, its data, the plugin and the outputs are unchanged.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.force", defaultValue = "false")
    private boolean force;

    /**
     * Train in a forked JVM (the default). {@code false} trains inside Maven's JVM, for debugging only:
     * ND4J's native library then lives in the plugin's class loader, {@code argLine} and
     * {@code environmentVariables} do not apply, and a second module of the same build may fail to load it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.fork", defaultValue = "true")
    private boolean fork;

    /**
     * Attach each trained model to the project as an artifact of type {@code mlp} with the experiment name as
     * classifier.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.attach", defaultValue = "true")
    private boolean attach;

    /**
     * How many forks train at once, each a share of the experiments and sweep trials in turn, with the cores split
     * between them (each fork gets {@code cores / (builder threads x forks)} BLAS threads, so together they never
     * use more than the cores). Default: as many as the cores allow (one BLAS thread each); a larger number is
     * lowered to that, with a warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.parallel")
    private Integer parallel;

    /**
     * Train only the i-th of n shares of the experiments and trials, {@code i/n} ({@code 2/3}): every experiment and
     * trial is in exactly one shard on any machine (names sorted, dealt round-robin). For CI matrices; merge the
     * shards' {@code target/mlp} with {@code mlp:aggregate}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.shard")
    private String shard;

    /**
     * Let a shard that gets no experiment or trial pass with a warning; by default it fails the build (more shards
     * than work is a mistake in the CI matrix).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.allowEmptyShard", defaultValue = "false")
    private boolean allowEmptyShard;

    @Inject
    public TrainMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        new TrainSupport(getLog(), forkSupport(),
                new IncrementalSkip(getLog(), IncrementalSkip.pluginVersion(plugin), force,
                        project.getBasedir().toPath()),
                new ModelAttacher(getLog(), projectHelper, project, attach),
                outputDirectory.toPath(), project.getBasedir().toPath(), extendsRootPath(), fork,
                new TrainSupport.Sharing(parallel, Shard.parse(shard), allowEmptyShard))
                .train(experimentFiles(), allOverrides());
    }
}
