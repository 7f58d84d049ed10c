package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.check.Rule;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import dev.mlpmaven.engine.data.DataOptions;

import javax.inject.Inject;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build when a trained model misses a quality rule, like jacoco's {@code check}: reads
 * {@code <outputDirectory>/<name>/metrics.json} of every trained experiment, checks the rules, logs each
 * violation ("mlp: fashion-seed: test accuracy is 0.7812, but expected minimum is 0.8500"), and writes
 * {@code <reportsDirectory>/TEST-mlp-<name>.xml} (JUnit XML, one test case per limit) so CI systems show it.
 * A rule with {@code maximumAccuracyDrop} compares the model with a released baseline (Maven coordinates, a range
 * such as {@code [0,)} picking the last release, or a file), both scored again on today's test data by the pure-Java
 * runtime ({@code BaselineGate}). Pure Java: no fork, no training. The work is in {@code QualityGate}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractExperimentMojo {
    private final RepositorySystem repositorySystem;

    /**
     * Where {@code mlp:train} wrote the experiments ({@code <outputDirectory>/<name>/metrics.json}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectory", defaultValue = "${project.build.directory}/mlp", required = true)
    private File outputDirectory;

    /**
     * Where the JUnit XML files go.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.reportsDirectory", defaultValue = "${project.build.directory}/mlp-reports",
            required = true)
    private File reportsDirectory;

    /**
     * Quality rules. Each {@code <rule>} has an optional {@code <experiment>} (a name, default {@code *} for
     * every experiment) and any of {@code <minimumTestAccuracy>}, {@code <minimumClassRecall>} (every class's
     * recall on the test split), {@code <maximumTestLoss>} and {@code <maximumAccuracyDrop>} (against the model in
     * {@code <baseline>} coordinates or {@code <baselineFile>}, both scored again on today's test data).
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Rule> rules = new ArrayList<>();

    /**
     * A rule for every experiment from the command line: the minimum test accuracy (0 to 1).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.minimumTestAccuracy")
    private Double minimumTestAccuracy;

    /**
     * A rule for every experiment from the command line: the minimum recall of each class (0 to 1).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.minimumClassRecall")
    private Double minimumClassRecall;

    /**
     * A rule for every experiment from the command line: the maximum test loss.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.maximumTestLoss")
    private Double maximumTestLoss;

    /**
     * Fail the build on a violation; when false, violations are logged as warnings only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.haltOnFailure", defaultValue = "true")
    private boolean haltOnFailure;

    /**
     * A rule for every experiment from the command line: the most the test accuracy may fall below the baseline's
     * (both scored again on today's test data), e.g. {@code 0.005}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.maximumAccuracyDrop")
    private Double maximumAccuracyDrop;

    /**
     * The baseline of the command line's rule: {@code groupId:artifactId:version[:classifier]}, the version a version
     * or a range ({@code [0,)}: its last release); the classifier defaults to the experiment's name. Default: the
     * project's own releases below its version.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.baseline")
    private String baseline;

    /**
     * The baseline of the command line's rule as a model file (instead of {@code baseline}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.baselineFile")
    private String baselineFile;

    /**
     * The dataset cache the baseline rule reads today's test data from; default {@code MLP_CACHE_DIR}, else
     * {@code ~/.cache/mlp-maven} (as {@code mlp:train}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.cacheDir")
    private File cacheDir;

    /**
     * Folders with local copies of named datasets, for the baseline rule (as {@code mlp:train}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.dataDirs")
    private List<File> dataDirs = new ArrayList<>();

    /**
     * No downloads for the baseline rule's data; {@code mvn -o} does the same.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.offline", defaultValue = "false")
    private boolean offline;

    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Rule> all = QualityGate.rules(rules, new Rule("*", minimumTestAccuracy, minimumClassRecall,
                maximumTestLoss, maximumAccuracyDrop, baseline, baselineFile));
        BaselineGate baselines = null;
        if (all.stream().anyMatch(r -> r.getMaximumAccuracyDrop() != null)) {
            DataOptions data = DataOptions.defaults().withOffline(offline || session.isOffline());
            if (cacheDir != null) {
                data = data.withCacheDir(cacheDir.toPath());
            }
            if (!dataDirs.isEmpty()) {
                data = data.withDataDirs(dataDirs.stream().map(File::toPath).toList(), data.datasetRoots());
            }
            baselines = new BaselineGate(getLog(), repositorySystem, session.getRepositorySession(), project,
                    outputDirectory.toPath(), data, BaselineGate.lookup(experimentFiles(), allOverrides(),
                    extendsRootPath(), experiment != null ? experiment.toPath() : experimentDirectory.toPath()));
        }
        new QualityGate(getLog(), outputDirectory.toPath(), reportsDirectory.toPath(), haltOnFailure, baselines)
                .check(all);
    }
}
