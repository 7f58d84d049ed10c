package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.ExperimentPlan;
import dev.mlpmaven.config.UserException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Finds and loads the experiment files of a goal: one named file, or every match of the includes in a folder;
 * merges the overrides of the pom with the {@code mlp.set.*} user properties.
 */
final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /** The experiment files, sorted; empty (with a warning) when there are none. */
    static List<Path> find(File experiment, Path basedir, Path dir, List<String> includes, List<String> excludes,
                           Log log) throws MojoFailureException, MojoExecutionException {
        if (experiment != null) {
            Path file = experiment.toPath();
            if (!file.isAbsolute()) {
                file = basedir.resolve(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new MojoFailureException(format(Messages.EXPERIMENT_MISSING, file));
            }
            return List.of(file.normalize());
        }
        List<Path> found = scan(dir, includes, excludes);
        if (found.isEmpty()) {
            log.warn(format(Messages.NO_EXPERIMENTS, dir, includes));
        }
        return found;
    }

    /** The files of {@code dir} (and below) that match an include and no exclude, sorted; none for no folder. */
    static List<Path> scan(Path dir, List<String> includes, List<String> excludes) throws MojoExecutionException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PathMatcher> in = matchers(includes);
        List<PathMatcher> out = matchers(excludes);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> matches(in, dir.relativize(f)) && !matches(out, dir.relativize(f)))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_LIST, dir, e.getMessage()), e);
        }
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        List<PathMatcher> m = new ArrayList<>();
        for (String g : globs) {
            m.add(FileSystems.getDefault().getPathMatcher("glob:" + g));
            if (g.startsWith("**/")) {
                m.add(FileSystems.getDefault().getPathMatcher("glob:" + g.substring(3)));
            }
        }
        return m;
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        return matchers.stream().anyMatch(m -> m.matches(relative));
    }

    /** The overrides of the pom, then the {@code mlp.set.*} user properties (which win), in name order. */
    static Map<String, String> overrides(Map<String, String> pom, Properties userProperties) {
        String prefix = ExperimentLoader.OVERRIDE_PREFIX;
        Map<String, String> all = new LinkedHashMap<>(pom);
        userProperties.stringPropertyNames().stream().sorted()
                .filter(k -> k.startsWith(prefix) && k.length() > prefix.length())
                .forEach(k -> all.put(k.substring(prefix.length()), userProperties.getProperty(k)));
        return all;
    }

    /** Loads what one file trains (an experiment or a sweep's trials); a mistake is a MojoFailureException. */
    static ExperimentPlan plan(Path file, Map<String, String> overrides, Path extendsRoot)
            throws MojoFailureException, MojoExecutionException {
        try {
            return ExperimentLoader.plan(file, overrides, extendsRoot);
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
        }
    }

    /** Loads one experiment: a mistake in it is a MojoFailureException with the loader's message alone. */
    static Experiment load(Path file, Map<String, String> overrides, Path extendsRoot)
            throws MojoFailureException, MojoExecutionException {
        try {
            return ExperimentLoader.load(file, overrides, extendsRoot);
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
        }
    }
}
