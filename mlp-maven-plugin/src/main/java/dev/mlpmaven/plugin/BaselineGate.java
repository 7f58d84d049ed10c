package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.gate.RuntimeScore;
import dev.mlpmaven.plugin.check.CheckResult;
import dev.mlpmaven.plugin.check.Rule;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.ModelFileException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.version.Version;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The baseline rule of {@code mlp:check}: the model about to be released must not be worse than the released one by
 * more than {@code maximumAccuracyDrop}. The baseline is a model file, or Maven coordinates resolved like any
 * artifact ({@code groupId:artifactId:version[:classifier]}, type {@code mlp}, the classifier the experiment's name
 * unless given; a version range such as {@code [0,)} picks its last release, as Maven's {@code RELEASE} did; without
 * {@code baseline} the project's own releases below its version). Both models are scored again, inside Maven by the
 * pure-Java runtime, on today's test data of the experiment (read for each model as it was trained: its image size,
 * its table statistics), so a change of data cannot make the new model look better than it is.
 */
final class BaselineGate {
    static final String LIMIT = "maximumAccuracyDrop";

    private final Log log;
    private final RepositorySystem repositorySystem;
    private final RepositorySystemSession repositorySession;
    private final MavenProject project;
    private final Path outputDirectory;
    private final DataOptions dataOptions;
    private final ExperimentsByName experiments;

    /** Finds the experiment of a name (its file is loaded to read today's test data). */
    interface ExperimentsByName {
        Experiment find(String name) throws MojoFailureException, MojoExecutionException;
    }

    /** A baseline model found: its file, and what it is for messages (coordinates with the resolved version). */
    record Baseline(Path file, String what) {
    }

    BaselineGate(Log log, RepositorySystem repositorySystem, RepositorySystemSession repositorySession,
                 MavenProject project, Path outputDirectory, DataOptions dataOptions, ExperimentsByName experiments) {
        this.log = log;
        this.repositorySystem = repositorySystem;
        this.repositorySession = repositorySession;
        this.project = project;
        this.outputDirectory = outputDirectory;
        this.dataOptions = dataOptions;
        this.experiments = experiments;
    }

    /** The result of the rule's {@code maximumAccuracyDrop} for one experiment: a JUnit test case. */
    CheckResult check(String name, Rule rule) throws MojoFailureException, MojoExecutionException {
        double maxDrop = rule.getMaximumAccuracyDrop();
        Path candidateFile = outputDirectory.resolve(name).resolve(ModelAttacher.MODEL_FILE);
        if (!Files.isRegularFile(candidateFile)) {
            throw new MojoFailureException(format(Messages.BASELINE_NO_CANDIDATE, name, candidateFile));
        }
        Baseline baseline = baseline(name, rule);
        Experiment experiment = experiments.find(name);
        MlpModel candidate = load(candidateFile, "model " + candidateFile);
        MlpModel released = load(baseline.file(), "baseline " + baseline.what());
        RuntimeScore now = score(candidate, experiment, "model " + candidateFile);
        RuntimeScore then = score(released, experiment, "baseline " + baseline.what());
        double drop = then.accuracy() - now.accuracy();
        List<String> violations = drop > maxDrop
                ? List.of(format(Messages.CHECK_BASELINE, name, now.accuracy(), drop, then.accuracy(), baseline.what(),
                        now.samples(), maxDrop))
                : List.of();
        return new CheckResult(name, LIMIT, format(Messages.CHECK_SUMMARY_BASELINE, now.accuracy(), baseline.what(),
                then.accuracy(), now.samples(), drop, maxDrop), violations);
    }

    private RuntimeScore score(MlpModel model, Experiment e, String what) throws MojoFailureException {
        DataListener listener = new DataListener() {
            @Override
            public void info(String message) {
                log.debug(message);
            }

            @Override
            public void warn(String message) {
                log.warn(message);
            }
        };
        try {
            // the same seed as training: one image folder or table is split into the same test rows
            LoadedDataset data = new DatasetResolver(dataOptions, listener).resolve(e.dataset(), e.seed(),
                    model.input(), model.classNames());
            return RuntimeScore.of(model, data.test(), what);
        } catch (UserException ex) {
            throw new MojoFailureException(format(Messages.BASELINE_DATA, what, ex.getMessage()), ex);
        }
    }

    private static MlpModel load(Path file, String what) throws MojoFailureException, MojoExecutionException {
        try {
            return MlpModel.load(file);
        } catch (ModelFileException e) {
            throw new MojoFailureException(format(Messages.BASELINE_NOT_A_MODEL, what, e.getMessage()), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
        }
    }

    /** The baseline of the rule for experiment {@code name}: its file, or its coordinates resolved. */
    Baseline baseline(String name, Rule rule) throws MojoFailureException {
        if (rule.getBaselineFile() != null && !rule.getBaselineFile().isBlank()) {
            Path file = Path.of(rule.getBaselineFile());
            if (!file.isAbsolute()) {
                file = project.getBasedir().toPath().resolve(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new MojoFailureException(format(Messages.BASELINE_FILE_MISSING, file));
            }
            return new Baseline(file.normalize(), file.normalize().toString());
        }
        String spec = rule.getBaseline() != null && !rule.getBaseline().isBlank() ? rule.getBaseline().trim()
                : project.getGroupId() + ":" + project.getArtifactId() + ":[0," + project.getVersion() + ")";
        String[] p = spec.split(":");
        if (p.length < 3 || p.length > 4 || Arrays.stream(p).anyMatch(String::isBlank)) {
            throw new MojoFailureException(format(Messages.BASELINE_BAD_COORDINATES, spec));
        }
        String classifier = p.length == 4 ? p[3] : name;
        String version = p[2];
        if (isRange(version)) {
            version = lastRelease(p[0], p[1], classifier, version, spec);
        }
        String what = p[0] + ":" + p[1] + ":" + version + ":" + classifier;
        DefaultArtifact artifact = new DefaultArtifact(p[0], p[1], classifier, AbstractForkMojo.MODEL_TYPE, version);
        try {
            Path file = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null))
                    .getArtifact().getFile().toPath();
            log.debug(format(Messages.BASELINE_RESOLVED, spec, what, file));
            return new Baseline(file, what);
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException(format(Messages.BASELINE_UNRESOLVED, what, e.getMessage()), e);
        }
    }

    static boolean isRange(String version) {
        return version.startsWith("[") || version.startsWith("(");
    }

    /** The highest version in the range that is not a SNAPSHOT, as Maven's RELEASE meant. */
    private String lastRelease(String groupId, String artifactId, String classifier, String range, String spec)
            throws MojoFailureException {
        VersionRangeResult result;
        try {
            result = repositorySystem.resolveVersionRange(repositorySession, new VersionRangeRequest(
                    new DefaultArtifact(groupId, artifactId, classifier, AbstractForkMojo.MODEL_TYPE, range),
                    project.getRemoteProjectRepositories(), null));
        } catch (VersionRangeResolutionException e) {
            throw new MojoFailureException(format(Messages.BASELINE_BAD_RANGE, spec, e.getMessage()), e);
        }
        Version last = null;
        for (Version v : result.getVersions()) {
            if (!v.toString().endsWith("-SNAPSHOT") && (last == null || v.compareTo(last) > 0)) {
                last = v;
            }
        }
        if (last == null) {
            throw new MojoFailureException(format(Messages.BASELINE_NO_RELEASE, spec, result.getVersions()));
        }
        return last.toString();
    }

    /** Experiment name to experiment, loading the files once (a file that does not load is reported then). */
    static ExperimentsByName lookup(List<Path> files, Map<String, String> overrides, Path extendsRoot, Path dir) {
        Map<String, Experiment> byName = new LinkedHashMap<>();
        return name -> {
            if (byName.isEmpty()) {
                for (Path f : files) {
                    Experiment e = ExperimentFiles.load(f, overrides, extendsRoot);
                    byName.putIfAbsent(e.name(), e);
                }
            }
            Experiment e = byName.get(name);
            if (e == null) {
                throw new MojoFailureException(format(Messages.BASELINE_NO_EXPERIMENT, name, dir));
            }
            return e;
        };
    }
}
