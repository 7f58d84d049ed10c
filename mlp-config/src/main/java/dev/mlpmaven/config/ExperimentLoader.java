package dev.mlpmaven.config;

import dev.mlpmaven.config.YamlNode.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment file: YAML with locations, then its {@code extends} chain, then command-line overrides, then
 * the checks of {@link Language} and the cross-field rules, then the records. Every problem is collected before
 * anything is reported.
 */
public final class ExperimentLoader {
    /** System properties {@code mlp.set.<key.path>=<value>} are overrides; see {@link #overridesFrom(Map)}. */
    public static final String OVERRIDE_PREFIX = "mlp.set.";

    private ExperimentLoader() {
    }

    /**
     * The experiment in {@code yamlFile}, with overrides ({@code "training.epochs" -> "1"}) applied and every
     * default filled in.
     *
     * @param extendsRoot the folder every file the experiment {@code extends} must be in (the project folder; the
     *                    plugin's {@code extendsRoot})
     * @throws ConfigException listing every problem (a {@link UserException})
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    public static Experiment load(Path yamlFile, Map<String, String> overrides, Path extendsRoot) {
        Outcome outcome = run(yamlFile, overrides, extendsRoot);
        if (!outcome.problems().isEmpty()) {
            throw new ConfigException(outcome.problems());
        }
        return outcome.experiment();
    }

    /** {@link #load(Path, Map, Path)} with the experiment file's own folder as the extends root. */
    public static Experiment load(Path yamlFile, Map<String, String> overrides) {
        return load(yamlFile, overrides, defaultRoot(yamlFile));
    }

    public static Experiment load(Path yamlFile) {
        return load(yamlFile, Map.of());
    }

    /**
     * What {@code yamlFile} asks to train: one experiment, or (with {@code sweep:}) the trials of a sweep, every
     * trial checked like an experiment. {@link #load(Path, Map)} of a sweep file gives the experiment without the
     * sweep.
     *
     * @throws ConfigException listing every problem, the trials' included
     */
    public static ExperimentPlan plan(Path yamlFile, Map<String, String> overrides, Path extendsRoot) {
        Outcome outcome = run(yamlFile, overrides, extendsRoot);
        if (!outcome.problems().isEmpty()) {
            throw new ConfigException(outcome.problems());
        }
        return new ExperimentPlan(outcome.experiment(), outcome.sweep());
    }

    /** {@link #plan(Path, Map, Path)} with the experiment file's own folder as the extends root. */
    public static ExperimentPlan plan(Path yamlFile, Map<String, String> overrides) {
        return plan(yamlFile, overrides, defaultRoot(yamlFile));
    }

    /** Every problem in {@code yamlFile} with these overrides, in file order; empty when it loads. */
    public static List<Problem> validate(Path yamlFile, Map<String, String> overrides, Path extendsRoot) {
        return run(yamlFile, overrides, extendsRoot).problems();
    }

    /** {@link #validate(Path, Map, Path)} with the experiment file's own folder as the extends root. */
    public static List<Problem> validate(Path yamlFile, Map<String, String> overrides) {
        return validate(yamlFile, overrides, defaultRoot(yamlFile));
    }

    private static Path defaultRoot(Path yamlFile) {
        Path parent = yamlFile.toAbsolutePath().getParent();
        return parent == null ? yamlFile.toAbsolutePath() : parent;
    }

    /**
     * The overrides among properties: {@code mlp.set.training.epochs=1} becomes {@code training.epochs -> 1};
     * other properties are ignored.
     */
    public static Map<String, String> overridesFrom(Map<?, ?> properties) {
        Map<String, String> overrides = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith(OVERRIDE_PREFIX)) {
                overrides.put(key.substring(OVERRIDE_PREFIX.length()), v == null ? "" : String.valueOf(v));
            }
        });
        return overrides;
    }

    private record Outcome(Experiment experiment, Sweep sweep, List<Problem> problems) {
    }

    private static Outcome run(Path yamlFile, Map<String, String> overrides, Path extendsRoot) {
        if (overrides == null) {
            overrides = Map.of();
        }
        List<Problem> problems = new ArrayList<>();
        if (FileKind.of(yamlFile) == FileKind.MISSING) {
            problems.add(new Problem(yamlFile.toString(), 0, 0, YamlReader.DOCUMENT, Messages.NO_SUCH_FILE));
            return new Outcome(null, null, problems);
        }
        Composer composer = new Composer(problems, extendsRoot);
        YamlMap root = composer.compose(yamlFile);
        if (root == null) {
            return new Outcome(null, null, sorted(problems, composer.files()));
        }
        ShapeChecker checker = new ShapeChecker(problems);
        int before = problems.size();
        checker.check(root.get(Language.VERSION.name()), Language.VERSION, Language.VERSION.name());
        if (problems.size() > before) {
            // another language version: its keys mean other things, so only the version is reported
            return new Outcome(null, null, sorted(problems, composer.files()));
        }
        root = Overrides.apply(root, overrides, yamlFile, problems);
        checker.checkObject(root, Language.ROOT, "");
        ExperimentBinder binder = new ExperimentBinder(checker, problems);
        Experiment experiment = binder.bind(root, yamlFile);
        Sweep sweep = new SweepBinder(checker, binder, problems).bind(root, yamlFile, experiment, overrides, yamlFile);
        boolean ok = problems.isEmpty();
        return new Outcome(ok ? experiment : null, ok ? sweep : null, sorted(problems, composer.files()));
    }

    /** The experiment file first, then the files it extends, then overrides; by line and column within a file. */
    private static List<Problem> sorted(List<Problem> problems, List<String> files) {
        Comparator<Problem> byFile = Comparator.comparingInt(p -> {
            int i = files.indexOf(p.file());
            return i < 0 ? Integer.MAX_VALUE : i;
        });
        List<Problem> out = new ArrayList<>(problems.stream().distinct().toList());
        out.sort(byFile.thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(out);
    }
}
