package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.engine.report.ExperimentSummary;
import dev.mlpmaven.engine.report.IndexWriter;
import dev.mlpmaven.engine.report.SummaryTable;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.OutputPaths;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunListener;
import dev.mlpmaven.engine.run.RunOptions;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.ProgressBar;
import dev.mlpmaven.plugin.incremental.Fingerprint;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Trains every experiment into {@code <outputDirectory>/<name>/} (model.mlp, metrics.json, report) in a forked
 * JVM (one per execution, training the changed experiments in turn), logging one line per epoch and a summary with the test accuracy. An experiment whose
 * loaded YAML, data, plugin version and outputs are unchanged since its last training is skipped
 * ({@code -Dmlp.force} retrains). Each model is attached to the project (type {@code mlp}, the experiment name
 * as classifier), so {@code mvn install} and {@code mvn deploy} publish it beside the jar.
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

    @Inject
    public TrainMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Path> files = experimentFiles();
        Map<String, String> overrides = allOverrides();
        Map<String, Path> seen = new LinkedHashMap<>();
        List<Experiment> experiments = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Path file : files) {
            Experiment e;
            try {
                e = load(file, overrides, extendsRootPath());
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
            Map<String, String> inputs;
            Optional<String> reason;
            try {
                inputs = Fingerprint.inputs(pluginVersion(), e);
                reason = force ? Optional.of(Messages.FORCED) : Fingerprint.staleReason(out, inputs);
            } catch (IOException ex) {
                throw new MojoExecutionException("mlp: " + e.name() + ": cannot compute its fingerprint: "
                        + ex.getMessage(), ex);
            }
            if (reason.isEmpty()) {
                getLog().info(format(Messages.UP_TO_DATE, e.name()));
                attach(e.name(), out);
                continue;
            }
            getLog().info(format(Messages.TRAINING, e.name(), reason.get()));
            try {
                Fingerprint.delete(outputDirectory.toPath(), out);
            } catch (IOException ex) {
                throw new MojoExecutionException("mlp: cannot delete " + out.resolve(Fingerprint.FILE) + ": "
                        + ex.getMessage(), ex);
            }
            stale.add(new Stale(files.get(i), e, out, inputs));
        }
        train(stale, overrides);
        logSummary(experiments.stream().map(Experiment::name).toList());
    }

    /** The log ends with a short table of every experiment of this execution (the numbers of index.html). */
    private void logSummary(List<String> names) {
        List<ExperimentSummary> rows = IndexWriter.scan(outputDirectory.toPath(), getLog()::warn).stream()
                .filter(r -> names.contains(r.name()))
                .toList();
        if (!rows.isEmpty()) {
            SummaryTable.lines(rows).forEach(getLog()::info);
        }
    }

    private void train(List<Stale> stale, Map<String, String> overrides)
            throws MojoExecutionException, MojoFailureException {
        if (stale.isEmpty()) {
            return;
        }
        if (!fork) {
            for (Stale s : stale) {
                trainInProcess(s.experiment(), overrides);
                finish(s);
            }
            return;
        }
        // one fork trains every stale experiment in turn (ND4J loads once); each DONE line marks one finished
        List<String> names = stale.stream().map(s -> s.experiment().name()).toList();
        ProgressBar bar = progressBar(names.get(0));
        ForkResult result = launch(trainArguments(stale.stream().map(Stale::file).toList(), overrides, bar != null),
                new MavenForkLog(getLog(), bar, names));
        for (Stale s : stale) {
            if (result.done().contains(s.experiment().name())) {
                finish(s);
            }
        }
        check(result);
        for (Stale s : stale) {
            if (!result.done().contains(s.experiment().name())) {
                throw new MojoExecutionException(format(Messages.NOT_TRAINED, s.experiment().name()));
            }
        }
    }

    /** An experiment to train: its file, the loaded experiment, its folder and its fingerprint inputs. */
    private record Stale(Path file, Experiment experiment, Path out, Map<String, String> inputs) {
    }

    /** {@code <outputDirectory>/<name>}, the name checked to be one plain folder name (OutputPaths). */
    private Path experimentDir(Experiment e) throws MojoFailureException {
        try {
            return OutputPaths.child(outputDirectory.toPath(), e.name());
        } catch (UserException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
    }

    /** After a successful training: the model must exist; write the fingerprint, attach the model. */
    private void finish(Stale s) throws MojoExecutionException {
        Path model = s.out().resolve("model.mlp");
        if (!Files.isRegularFile(model)) {
            throw new MojoExecutionException("mlp: " + s.experiment().name()
                    + ": the training ended without writing " + model);
        }
        try {
            Fingerprint.write(s.out(), s.inputs());
        } catch (IOException ex) {
            throw new MojoExecutionException("mlp: cannot write " + s.out().resolve(Fingerprint.FILE) + ": "
                    + ex.getMessage(), ex);
        }
        attach(s.experiment().name(), s.out());
    }

    static Experiment load(Path file, Map<String, String> overrides, Path extendsRoot)
            throws MojoFailureException, MojoExecutionException {
        try {
            return ExperimentLoader.load(file, overrides, extendsRoot);
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new MojoExecutionException("mlp: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code --force}: the plugin decided to train (see Fingerprint); {@code --progress} only for a bar. */
    private List<String> trainArguments(List<Path> files, Map<String, String> overrides, boolean progress) {
        List<String> args = new ArrayList<>(List.of("train", "--output-root", outputDirectory.getAbsolutePath(),
                "--project-dir", project.getBasedir().getAbsolutePath(), "--extends-root",
                extendsRootPath().toString(), "--force"));
        if (progress) {
            args.add("--progress");
        }
        args.addAll(dataArguments());
        overrides.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        files.forEach(f -> args.add(f.toString()));
        return args;
    }

    private void trainInProcess(Experiment e, Map<String, String> overrides)
            throws MojoExecutionException, MojoFailureException {
        RunOptions options = new RunOptions(outputDirectory.toPath(), project.getBasedir().toPath(),
                cacheDir == null ? null : cacheDir.toPath(), isOffline(),
                dataDirs.stream().map(File::toPath).toList(), overrides, true, null, Map.of());
        RunListener listener = new RunListener() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }
        };
        try {
            new ExperimentRunner(options, listener).run(e);
        } catch (UserException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        } catch (RuntimeException | LinkageError ex) {
            throw new MojoExecutionException(format(Messages.FORK_ERROR.replace("the forked JVM", "the training"),
                    ex), ex);
        }
    }

    private void attach(String name, Path out) {
        Path model = out.resolve("model.mlp");
        if (attach && Files.isRegularFile(model)) {
            projectHelper.attachArtifact(project, MODEL_TYPE, name, model.toFile());
            getLog().debug(format(Messages.ATTACHED, name, model, name));
        }
    }

    /** The plugin version; for a SNAPSHOT also the size and time of its jars, so a rebuilt plugin retrains. */
    private String pluginVersion() {
        String version = plugin.getVersion();
        if (version == null || !version.endsWith("-SNAPSHOT")) {
            return version;
        }
        StringBuilder b = new StringBuilder(version);
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getGroupId().equals("dev.mlpmaven") && a.getFile() != null) {
                b.append(' ').append(a.getArtifactId()).append(':').append(a.getFile().length()).append(':')
                        .append(a.getFile().lastModified());
            }
        }
        return b.toString();
    }
}
