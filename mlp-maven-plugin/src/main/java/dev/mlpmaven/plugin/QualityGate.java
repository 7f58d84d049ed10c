package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.check.CheckResult;
import dev.mlpmaven.plugin.check.JUnitReport;
import dev.mlpmaven.plugin.check.Metrics;
import dev.mlpmaven.plugin.check.Rule;
import dev.mlpmaven.plugin.check.RuleChecker;
import dev.mlpmaven.plugin.fork.IoReason;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:check}: reads {@code <outputDirectory>/<name>/metrics.json} of every trained experiment,
 * checks the rules ({@link RuleChecker}), logs each result, writes one JUnit XML file per experiment
 * ({@link JUnitReport}), and fails (or warns) on violations.
 */
final class QualityGate {
    private final Log log;
    private final Path outputDirectory;
    private final Path reportsDirectory;
    private final boolean haltOnFailure;
    private final BaselineGate baselines;

    QualityGate(Log log, Path outputDirectory, Path reportsDirectory, boolean haltOnFailure) {
        this(log, outputDirectory, reportsDirectory, haltOnFailure, null);
    }

    /** {@code baselines} checks the {@code maximumAccuracyDrop} of a rule; null when no rule has one. */
    QualityGate(Log log, Path outputDirectory, Path reportsDirectory, boolean haltOnFailure, BaselineGate baselines) {
        this.log = log;
        this.outputDirectory = outputDirectory;
        this.reportsDirectory = reportsDirectory;
        this.haltOnFailure = haltOnFailure;
        this.baselines = baselines;
    }

    /** The configured rules that set a limit, then the command line's rule for every experiment if it sets one. */
    static List<Rule> rules(List<Rule> configured, Rule commandLine) {
        List<Rule> all = new ArrayList<>();
        for (Rule r : configured) {
            if (!r.isEmpty()) {
                all.add(r);
            }
        }
        if (!commandLine.isEmpty()) {
            all.add(commandLine);
        }
        return all;
    }

    void check(List<Rule> rules) throws MojoExecutionException, MojoFailureException {
        if (rules.isEmpty()) {
            log.info(Messages.CHECK_NO_RULES);
            return;
        }
        Map<String, Path> metricsFiles = findMetrics(outputDirectory);
        if (metricsFiles.isEmpty()) {
            throw new MojoFailureException(format(Messages.CHECK_NO_METRICS, outputDirectory));
        }
        for (Rule r : rules) {
            String name = r.getExperiment();
            if (name != null && !name.isBlank() && !name.equals("*") && !metricsFiles.containsKey(name)) {
                throw new MojoFailureException(format(Messages.CHECK_RULE_NO_METRICS, name,
                        outputDirectory.resolve(name).resolve("metrics.json")));
            }
        }
        List<String> violations = new ArrayList<>();
        int checks = 0;
        for (Map.Entry<String, Path> e : metricsFiles.entrySet()) {
            Metrics m = read(e.getValue());
            List<CheckResult> results = new ArrayList<>();
            for (Rule r : rules) {
                if (r.appliesTo(e.getKey())) {
                    results.addAll(RuleChecker.check(m, r));
                    if (r.getMaximumAccuracyDrop() != null) {
                        results.add(baselines.check(e.getKey(), r));
                    }
                }
            }
            if (results.isEmpty()) {
                continue;
            }
            checks += results.size();
            for (CheckResult r : results) {
                if (r.passed()) {
                    log.info(format(Messages.CHECK_MET, r.experiment(), r.summary()));
                } else {
                    violations.addAll(r.violations());
                }
            }
            try {
                JUnitReport.write(reportsDirectory, e.getKey(), e.getValue(), results);
            } catch (IOException ex) {
                throw new MojoExecutionException(format(Messages.CHECK_REPORT_NOT_WRITTEN, reportsDirectory,
                        IoReason.of(ex)), ex);
            }
        }
        if (violations.isEmpty()) {
            log.info(format(Messages.CHECK_PASSED, metricsFiles.size(), checks));
            return;
        }
        String summary = format(Messages.CHECK_FAILED, violations.size(), reportsDirectory);
        if (haltOnFailure) {
            // Maven prints the exception's message: every violation, then where the JUnit report is
            throw new MojoFailureException(String.join(System.lineSeparator(), violations)
                    + System.lineSeparator() + summary);
        }
        violations.forEach(log::warn);
        log.warn(summary);
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
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_LIST, root, e.getMessage()), e);
        }
        return found;
    }

    private static Metrics read(Path file) throws MojoExecutionException, MojoFailureException {
        try {
            return Metrics.read(file);
        } catch (Metrics.BadMetricsException e) {
            throw new MojoFailureException(format(Messages.CHECK_BAD_METRICS, file, e.getMessage()));
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
        }
    }
}
