package dev.mlpmaven.plugin;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentPlan;
import dev.mlpmaven.config.Sweep;
import dev.mlpmaven.config.Trial;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.OutputPaths;
import dev.mlpmaven.engine.sweep.Trials;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * One thing {@code mlp:train} trains: an experiment, or one trial of a sweep.
 *
 * @param file       the experiment file
 * @param experiment what is trained (a trial's experiment is named {@code <sweep>-<id>})
 * @param out        its output folder: {@code <root>/<name>/}, or {@code <root>/<sweep>/trials/<id>/}
 * @param sweep      the sweep it belongs to, or null
 * @param trialId    the trial's id, or null
 */
record TrainUnit(Path file, Experiment experiment, Path out, Sweep sweep, String trialId) {

    String name() {
        return experiment.name();
    }

    boolean isTrial() {
        return sweep != null;
    }

    /**
     * The units of these files: an experiment each, or every trial of a sweep. Two experiments (or a sweep and an
     * experiment) that would write one folder are a mistake; trial folders a sweep no longer has are removed, so they
     * never join its leaderboard.
     */
    static List<TrainUnit> of(List<Path> files, Map<String, String> overrides, Path extendsRoot, Path root, Log log)
            throws MojoFailureException, MojoExecutionException {
        Map<String, Path> folders = new LinkedHashMap<>();
        List<ExperimentPlan> plans = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (Path file : files) {
            try {
                plans.add(ExperimentFiles.plan(file, overrides, extendsRoot));
            } catch (MojoFailureException ex) {
                invalid.add(ex.getMessage()); // every problem of every file, as validate reports them
            }
        }
        if (!invalid.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), invalid));
        }
        List<TrainUnit> units = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            ExperimentPlan plan = plans.get(i);
            String name = plan.experiment().name();
            Path dir = folder(root, name);
            Path other = folders.putIfAbsent(name, file);
            if (other != null) {
                throw new MojoFailureException(format(Messages.DUPLICATE_NAME, other, file, name, dir));
            }
            if (!plan.isSweep()) {
                units.add(new TrainUnit(file, plan.experiment(), dir, null, null));
                continue;
            }
            Sweep sweep = plan.sweep();
            List<String> ids = new ArrayList<>();
            for (Trial t : sweep.trials()) {
                String id = Trials.id(t);
                ids.add(id);
                units.add(new TrainUnit(file, Trials.experiment(sweep, t), Trials.folder(root, name, id), sweep, id));
            }
            removeOldTrials(Trials.trialsDir(root, name), Set.copyOf(ids), name, log);
        }
        Map<String, TrainUnit> byName = new LinkedHashMap<>();
        for (TrainUnit u : units) {
            TrainUnit other = byName.putIfAbsent(u.name(), u);
            if (other != null) {
                throw new MojoFailureException(format(Messages.DUPLICATE_NAME, other.file(), u.file(), u.name(),
                        u.out()));
            }
        }
        return units;
    }

    /** {@code <root>/<name>}, the name checked to be one plain folder name ({@link OutputPaths}). */
    private static Path folder(Path root, String name) throws MojoFailureException {
        try {
            return OutputPaths.child(root, name);
        } catch (UserException ex) {
            throw new MojoFailureException(ex.getMessage(), ex);
        }
    }

    /** Deletes the folders in {@code trialsDir} whose id is not a trial of the sweep any more (links not followed). */
    private static void removeOldTrials(Path trialsDir, Set<String> ids, String sweep, Log log)
            throws MojoExecutionException {
        if (!Files.isDirectory(trialsDir)) {
            return;
        }
        List<Path> old;
        try (Stream<Path> children = Files.list(trialsDir)) {
            old = children.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !ids.contains(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_LIST, trialsDir, e.getMessage()), e);
        }
        for (Path dir : old) {
            try {
                deleteTree(OutputPaths.requireInside(trialsDir, dir));
            } catch (IOException e) {
                throw new MojoExecutionException(format(Messages.TRIALS_NOT_REMOVED, dir, e.getMessage()), e);
            }
        }
        if (!old.isEmpty()) {
            log.info(format(Messages.TRIALS_REMOVED, sweep, old.size(), trialsDir,
                    old.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
