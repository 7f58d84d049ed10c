package dev.mlpmaven.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:aggregate}: checks the folders, merges them into one leaderboard in a fork (the engine's
 * {@code aggregate} command, which draws the charts), then attaches each sweep's best model.
 */
final class AggregateSupport {
    static final String BEST_CLASSIFIER_SUFFIX = "-best";

    private final Log log;
    private final ForkSupport fork;
    private final ModelAttacher attacher;
    private final Path basedir;

    AggregateSupport(Log log, ForkSupport fork, ModelAttacher attacher, Path basedir) {
        this.log = log;
        this.fork = fork;
        this.attacher = attacher;
        this.basedir = basedir;
    }

    /**
     * Merges {@code folders} into {@code out}. Folders the user named must exist; of the reactor's default folders
     * those that do not exist (a module without experiments) are left out.
     */
    void aggregate(List<Path> folders, boolean named, Path out) throws MojoExecutionException, MojoFailureException {
        List<Path> existing = new ArrayList<>();
        for (Path f : folders) {
            Path abs = f.isAbsolute() ? f : basedir.resolve(f);
            if (Files.isDirectory(abs)) {
                existing.add(abs.normalize());
            } else if (named) {
                throw new MojoFailureException(format(Messages.AGGREGATE_NO_FOLDER, abs));
            }
        }
        if (existing.isEmpty()) {
            throw new MojoFailureException(format(Messages.AGGREGATE_NOTHING, folders));
        }
        fork.run(ForkCommands.aggregate(out, existing), null);
        attachBest(out);
    }

    /** Attaches {@code model.mlp} of each sweep's best trial (as leaderboard.json names it) as {@code <sweep>-best}. */
    private void attachBest(Path out) throws MojoExecutionException {
        Path file = out.resolve("leaderboard.json");
        JsonNode board;
        try {
            board = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
        }
        for (JsonNode sweep : board.path("sweeps")) {
            String best = sweep.path("best").asText(null);
            if (best == null) {
                continue;
            }
            for (JsonNode row : sweep.path("rows")) {
                if (best.equals(row.path("id").asText())) {
                    Path folder = Path.of(row.path("folder").asText());
                    String classifier = sweep.path("name").asText() + BEST_CLASSIFIER_SUFFIX;
                    boolean attached = attacher.attach(classifier, folder);
                    log.info(format(attached ? Messages.AGGREGATE_BEST_ATTACHED : Messages.AGGREGATE_BEST,
                            sweep.path("name").asText(), best, folder.resolve(ModelAttacher.MODEL_FILE), classifier));
                }
            }
        }
    }
}
