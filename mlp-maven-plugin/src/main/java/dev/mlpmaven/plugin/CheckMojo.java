package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.check.CheckResult;
import dev.mlpmaven.plugin.check.JUnitReport;
import dev.mlpmaven.plugin.check.Metrics;
import dev.mlpmaven.plugin.check.Rule;
import dev.mlpmaven.plugin.check.RuleChecker;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Fails the build when a trained model misses a quality rule, like jacoco's {@code check}: reads
 * {@code <outputDirectory>/<name>/metrics.json} of every trained experiment, checks the rules, logs each
 * violation ("mlp: fashion-seed: test accuracy is 0.7812, but expected minimum is 0.8500"), and writes
 * {@code <reportsDirectory>/TEST-mlp-<name>.xml} (JUnit XML, one test case per limit) so CI systems show it.
 * Pure Java: no fork, no training.
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
        List<Rule> all = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.isEmpty()) {
                all.add(r);
            }
        }
        Rule flat = new Rule("*", minimumTestAccuracy, minimumClassRecall, maximumTestLoss);
        if (!flat.isEmpty()) {
            all.add(flat);
        }
        if (all.isEmpty()) {
            getLog().info(Messages.CHECK_NO_RULES);
            return;
        }
        Path root = outputDirectory.toPath();
        Map<String, Path> metricsFiles = findMetrics(root);
        if (metricsFiles.isEmpty()) {
            throw new MojoFailureException(format(Messages.CHECK_NO_METRICS, root));
        }
        for (Rule r : all) {
            String name = r.getExperiment();
            if (name != null && !name.isBlank() && !name.equals("*") && !metricsFiles.containsKey(name)) {
                throw new MojoFailureException(format(Messages.CHECK_RULE_NO_METRICS, name,
                        root.resolve(name).resolve("metrics.json")));
            }
        }
        List<String> violations = new ArrayList<>();
        int checks = 0;
        for (Map.Entry<String, Path> e : metricsFiles.entrySet()) {
            Metrics m = read(e.getValue());
            List<CheckResult> results = new ArrayList<>();
            for (Rule r : all) {
                if (r.appliesTo(e.getKey())) {
                    results.addAll(RuleChecker.check(m, r));
                }
            }
            if (results.isEmpty()) {
                continue;
            }
            checks += results.size();
            for (CheckResult r : results) {
                if (r.passed()) {
                    getLog().info("mlp: " + r.experiment() + ": " + r.summary());
                } else {
                    violations.addAll(r.violations());
                }
            }
            try {
                JUnitReport.write(reportsDirectory.toPath(), e.getKey(), e.getValue(), results);
            } catch (IOException ex) {
                throw new MojoExecutionException("mlp: cannot write the JUnit report in " + reportsDirectory
                        + ": " + ex.getMessage(), ex);
            }
        }
        if (violations.isEmpty()) {
            getLog().info(format(Messages.CHECK_PASSED, metricsFiles.size(), checks));
            return;
        }
        String summary = format(Messages.CHECK_FAILED, violations.size(), reportsDirectory);
        if (haltOnFailure) {
            // Maven prints the exception's message: every violation, then where the JUnit report is
            throw new MojoFailureException(String.join(System.lineSeparator(), violations)
                    + System.lineSeparator() + summary);
        }
        violations.forEach(getLog()::warn);
        getLog().warn(summary);
    }

    /** Experiment name to its metrics.json, for every folder of {@code root} that has one, sorted by name. */
    static Map<String, Path> findMetrics(Path root) throws MojoExecutionException {
        Map<String, Path> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                Path m = d.resolve("metrics.json");
                if (Files.isRegularFile(m)) {
                    found.put(d.getFileName().toString(), m);
                }
            });
        } catch (IOException e) {
            throw new MojoExecutionException("mlp: cannot list " + root + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static Metrics read(Path file) throws MojoExecutionException, MojoFailureException {
        try {
            return Metrics.read(file);
        } catch (Metrics.BadMetricsException e) {
            throw new MojoFailureException(format(Messages.CHECK_BAD_METRICS, file, e.getMessage()));
        } catch (IOException e) {
            throw new MojoExecutionException("mlp: cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
