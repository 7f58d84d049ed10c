package dev.mlpmaven.engine.sweep;

import dev.mlpmaven.engine.report.ExperimentSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds the trained experiments and sweep trials under any set of folders: a {@code target/mlp}, a folder of CI
 * shard artifacts each holding one, a reactor's modules. Every folder with a {@code metrics.json} (at most
 * {@value #MAX_DEPTH} levels down, links not followed, hidden staging folders skipped) is one result; each is
 * taken once even when the given folders overlap.
 */
public final class Results {
    static final int MAX_DEPTH = 12;
    /** Arguments: the folder, the reason. */
    public static final String SKIPPED = "aggregate: skipped %s (%s)";
    /** Arguments: the folder. */
    public static final String NOT_A_FOLDER = "aggregate: found no folder %s, expected a folder of mlp:train results"
            + " (a target/mlp, or a folder of downloaded shard artifacts) - check the path";

    private Results() {
    }

    /**
     * Every result under {@code roots}, in folder order; an unreadable one is skipped with a warning.
     *
     * @throws dev.mlpmaven.config.UserException when a root is not a folder
     */
    public static List<Result> scan(List<Path> roots, Consumer<String> warn) {
        Map<Path, Result> found = new LinkedHashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new dev.mlpmaven.config.UserException(String.format(NOT_A_FOLDER, root));
            }
            List<Path> folders;
            try (Stream<Path> files = Files.walk(root, MAX_DEPTH, new FileVisitOption[0])) {
                folders = files.filter(f -> f.getFileName().toString().equals(ExperimentSummary.METRICS_FILE))
                        .map(Path::getParent)
                        .filter(d -> !hidden(root, d))
                        .sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new UncheckedIOException("aggregate: cannot list " + root + ": " + e.getMessage(),
                        e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
            }
            for (Path dir : folders) {
                Path real;
                try {
                    real = dir.toRealPath();
                } catch (IOException e) {
                    warn.accept(String.format(SKIPPED, dir, e.getMessage()));
                    continue;
                }
                if (found.containsKey(real)) {
                    continue;
                }
                try {
                    found.put(real, Result.read(real));
                } catch (IOException e) {
                    warn.accept(String.format(SKIPPED, dir, e.getMessage()));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A folder below a hidden one ({@code .x.staging-...}, {@code .git}) is not a result. */
    private static boolean hidden(Path root, Path dir) {
        for (Path part : root.relativize(dir)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

}
