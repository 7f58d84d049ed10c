package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.OutputPaths;
import dev.mlpmaven.engine.report.ExperimentSummary;
import dev.mlpmaven.engine.report.IndexWriter;
import dev.mlpmaven.engine.report.SummaryTable;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:train}: loads every experiment (refusing two with one name), skips the up-to-date ones
 * ({@link IncrementalSkip}), trains the others in one fork ({@link ForkSupport}; or in Maven's JVM when forking is
 * off), records and attaches each finished one ({@link ModelAttacher}) and ends with a summary table.
 */
final class TrainSupport {
    private final Log log;
    private final ForkSupport fork;
    private final IncrementalSkip incremental;
    private final ModelAttacher attacher;
    private final Path outputDirectory;
    private final Path projectDir;
    private final Path extendsRoot;
    private final boolean forked;
    private final Instant outputTimestamp;

    TrainSupport(Log log, ForkSupport fork, IncrementalSkip incremental, ModelAttacher attacher, Path outputDirectory,
                 Path projectDir, Path extendsRoot, boolean forked, Instant outputTimestamp) {
        this.log = log;
        this.fork = fork;
        this.incremental = incremental;
        this.attacher = attacher;
        this.outputDirectory = outputDirectory;
        this.projectDir = projectDir;
        this.extendsRoot = extendsRoot;
        this.forked = forked;
        this.outputTimestamp = outputTimestamp;
    }

    /** An experiment to train: its file, the loaded experiment, its folder and its fingerprint inputs. */
    private record Stale(Path file, Experiment experiment, Path out, Map<String, String> inputs) {
    }

    void train(List<Path> files, Map<String, String> overrides) throws MojoExecutionException, MojoFailureException {
        Map<String, Path> seen = new LinkedHashMap<>();
        List<Experiment> experiments = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Path file : files) {
            Experiment e;
            try {
                e = ExperimentFiles.load(file, overrides, extendsRoot);
            } catch (MojoFailureException ex) {
                invalid.add(ex.getMessage()); // every problem of every file, as validate reports them
                continue;
            }
            Path other = seen.putIfAbsent(e.name(), file);
            if (other != null) {
                throw new MojoFailureException(format(Messages.DUPLICATE_NAME, other, file, e.name(),
                        experimentDir(e)));
            }
            experiments.add(e);
        }
        if (!invalid.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), invalid));
        }
        List<Stale> stale = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            Path out = experimentDir(e);
            Optional<Map<String, String>> inputs = incremental.staleInputs(e, outputDirectory, out);
            if (inputs.isPresent()) {
                stale.add(new Stale(files.get(i), e, out, inputs.get()));
            } else {
                attacher.attach(e.name(), out, outputTimestamp);
            }
        }
        if (!stale.isEmpty()) {
            trainStale(stale, overrides);
        }
        logSummary(experiments.stream().map(Experiment::name).toList());
    }

    /**
     * One fork (or, with forking off, the engine inside Maven) trains every stale experiment in turn (ND4J loads
     * once); each DONE line marks one finished, which gets its fingerprint and is attached even when a later one
     * fails.
     */
    private void trainStale(List<Stale> stale, Map<String, String> overrides)
            throws MojoExecutionException, MojoFailureException {
        List<String> names = stale.stream().map(s -> s.experiment().name()).toList();
        ProgressBar bar = forked ? fork.progressBar(names.get(0)) : null;
        List<String> args = ForkCommands.train(outputDirectory, projectDir, extendsRoot, outputTimestamp, bar != null,
                fork.dataArguments(),
                overrides, stale.stream().map(Stale::file).toList());
        try {
            // the outputs' folder, where a crashing fork also writes its JVM crash report (ForkSupport.CRASH_REPORT)
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_CREATE, outputDirectory, IoReason.of(e)), e);
        }
        MavenForkLog forkLog = new MavenForkLog(log, bar, names);
        ForkResult result = forked ? fork.launch(args, forkLog) : fork.runInProcess(args, forkLog);
        for (Stale s : stale) {
            if (result.done().contains(s.experiment().name())) {
                finish(s);
            }
        }
        fork.check(result, () -> names.stream().filter(n -> !result.done().contains(n)).findFirst()
                .orElse(names.get(names.size() - 1)));
        for (Stale s : stale) {
            if (!result.done().contains(s.experiment().name())) {
                throw new MojoExecutionException(format(Messages.NOT_TRAINED, s.experiment().name()));
            }
        }
    }

    /** {@code <outputDirectory>/<name>}, the name checked to be one plain folder name ({@link OutputPaths}). */
    private Path experimentDir(Experiment e) throws MojoFailureException {
        try {
            return OutputPaths.child(outputDirectory, e.name());
        } catch (UserException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
    }

    /** After a successful training: fingerprint and attach. */
    private void finish(Stale s) throws MojoExecutionException {
        incremental.trained(s.experiment().name(), s.out(), s.inputs());
        attacher.attach(s.experiment().name(), s.out(), outputTimestamp);
    }

    /** The log ends with a short table of every experiment of this execution (the numbers of index.html). */
    private void logSummary(List<String> names) {
        List<ExperimentSummary> rows = IndexWriter.scan(outputDirectory, log::warn).stream()
                .filter(r -> names.contains(r.name()))
                .toList();
        if (!rows.isEmpty()) {
            SummaryTable.lines(rows).forEach(log::info);
        }
    }
}
