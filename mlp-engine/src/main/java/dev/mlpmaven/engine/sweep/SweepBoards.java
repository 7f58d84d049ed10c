package dev.mlpmaven.engine.sweep;

import dev.mlpmaven.engine.report.LeaderboardWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The leaderboard of one sweep in its own folder ({@code <outputRoot>/<sweep>/index.html, summary.md,
 * leaderboard.csv, leaderboard.json}), rewritten after each trial from the trials in {@code trials/} that belong
 * to the sweep as it is now (its sweep hash). Forks that train trials of one sweep at once take turns through a
 * lock file, so the last one to finish writes a board with every trial.
 */
public final class SweepBoards {
    static final String LOCK_FILE = ".leaderboard.lock";
    /** Arguments: sweep, reason. */
    public static final String NOT_WRITTEN = "%s: the sweep's leaderboard was not updated: %s";

    private SweepBoards() {
    }

    /** Rewrites the leaderboard of the sweep in {@code sweepDir}; returns it. */
    public static Leaderboard update(Path sweepDir, String sweepHash, Consumer<String> warn) {
        try {
            Files.createDirectories(sweepDir);
            try (FileChannel ch = FileChannel.open(sweepDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                Path trials = sweepDir.resolve(Trials.TRIALS_DIR);
                List<Result> mine = new ArrayList<>();
                if (Files.isDirectory(trials)) {
                    for (Result r : Results.scan(List.of(trials), warn)) {
                        if (r.isTrial() && r.trial().sweepHash().equals(sweepHash)) {
                            mine.add(r);
                        }
                    }
                }
                Leaderboard board = Leaderboard.of(mine);
                LeaderboardWriter.write(board, sweepDir);
                return board;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(NOT_WRITTEN, sweepDir.getFileName(), e.getMessage()), e);
        }
    }
}
