package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.check.Rule;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build when a trained model misses a quality rule, like jacoco's {@code check}: reads
 * {@code <outputDirectory>/<name>/metrics.json} of every trained experiment, checks the rules, logs each
 * violation ("mlp: fashion-seed: test accuracy is 0.7812, but expected minimum is 0.8500"), and writes
 * {@code <reportsDirectory>/TEST-mlp-<name>.xml} (JUnit XML, one test case per limit) so CI systems show it.
 * Pure Java: no fork, no training. The work is in {@code QualityGate}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMlpMojo {

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
     * recall on the test split) and {@code <maximumTestLoss>}.
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

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        new QualityGate(getLog(), outputDirectory.toPath(), reportsDirectory.toPath(), haltOnFailure)
                .check(QualityGate.rules(rules, new Rule("*", minimumTestAccuracy, minimumClassRecall, maximumTestLoss)));
    }
}
