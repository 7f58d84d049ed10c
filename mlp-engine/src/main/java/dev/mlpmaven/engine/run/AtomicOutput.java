package dev.mlpmaven.engine.run;

import dev.mlpmaven.engine.io.OutputPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stages a run's whole output folder ({@code target/mlp/<name>/}) so that an unfinished run never leaves a model,
 * metrics or report under the final name.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.begin(root, name)) {
 *     ModelFile.write(model, provenance, out.dir().resolve("model.mlp"));
 *     MetricsWriter.write(metrics, out.dir());
 *     out.commit();                          // only now does root/name change
 * }                                          // not committed: the staging folder is deleted
 * }</pre>
 *
 * Everything is written into a hidden sibling folder {@code .<name>.staging-<pid>-<random>}. {@link #commit()}
 * renames the old final folder (if any) to {@code .<name>.old-<pid>-<random>}, renames the staging folder to the
 * final name, then deletes the old one; renames within one folder are atomic. A failure or exception before
 * commit leaves the old final folder untouched and deletes the staging folder; Ctrl-C (SIGTERM, SIGINT) deletes it
 * from a shutdown hook; a killed JVM (SIGKILL) or a power cut leaves only a hidden staging folder, which the next
 * {@link #begin(Path, String)} for the same name deletes (unless the process that made it is still alive).
 */
public final class AtomicOutput implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Staging folders of this JVM that are in use; never cleaned as stale. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path finalDir;
    private final Path staging;
    private final Thread hook;
    private boolean done;

    private AtomicOutput(Path root, Path finalDir, Path staging) {
        this.root = root;
        this.finalDir = finalDir;
        this.staging = staging;
        this.hook = new Thread(this::abandonOnShutdown, "mlp-atomic-output-cleanup");
    }

    /**
     * Starts staging the output for {@code outputRoot/name}: checks that {@code name} is one plain folder name
     * ({@link OutputPaths#child}), creates the root, deletes stale staging and old folders of dead runs of the same
     * name, and creates a fresh staging folder. Every path it will ever delete or rename is a direct child of the
     * root's real path, checked again before each deletion and rename ({@link OutputPaths#requireInside}).
     *
     * @throws dev.mlpmaven.config.UserException when {@code name} is not a plain folder name ({@code ..}, {@code .},
     *                                           a path); nothing is created or deleted then
     * @throws UncheckedIOException when the folders cannot be created
     */
    public static AtomicOutput begin(Path outputRoot, String name) {
        OutputPaths.child(outputRoot, name);
        Path root = outputRoot.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path realRoot = root.toRealPath();
            Path target = realRoot.resolve(name);
            cleanStale(realRoot, name);
            Path staging = realRoot.resolve(prefix(target, "staging") + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(RANDOM.nextLong(), 36));
            Files.createDirectory(staging);
            AtomicOutput out = new AtomicOutput(realRoot, target, staging);
            LIVE.add(staging);
            Runtime.getRuntime().addShutdownHook(out.hook);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output folder " + root.resolve(name) + ": " + e, e);
        }
    }

    /** The folder to write into until {@link #commit()}. */
    public Path dir() {
        return staging;
    }

    /** The final folder. */
    public Path finalDir() {
        return finalDir;
    }

    /**
     * Swaps the staged folder into place and returns the final folder.
     *
     * @throws IllegalStateException when already committed or closed
     * @throws UncheckedIOException  when the swap fails; the old final folder is put back when possible
     */
    public synchronized Path commit() {
        if (done) {
            throw new IllegalStateException("output " + finalDir + " was already committed or closed");
        }
        Path old = null;
        try {
            OutputPaths.requireInside(root, finalDir);
            OutputPaths.requireInside(root, staging);
            if (Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
                old = finalDir.resolveSibling(prefix(finalDir, "old") + ProcessHandle.current().pid() + "-"
                        + Long.toUnsignedString(RANDOM.nextLong(), 36));
                Files.move(OutputPaths.requireInside(root, finalDir), OutputPaths.requireInside(root, old),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, finalDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null && !Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(old, finalDir, StandardCopyOption.ATOMIC_MOVE);
                    old = null;
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new UncheckedIOException("cannot move the output into " + finalDir + ": " + e, e);
        }
        done = true;
        release();
        if (old != null) {
            deleteQuietly(root, old);
        }
        return finalDir;
    }

    /** Deletes the staging folder unless committed. */
    @Override
    public synchronized void close() {
        if (!done) {
            done = true;
            deleteQuietly(root, staging);
            release();
        }
    }

    private synchronized void abandonOnShutdown() {
        if (!done) {
            done = true;
            deleteQuietly(root, staging);
            LIVE.remove(staging);
        }
    }

    private void release() {
        LIVE.remove(staging);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook will find done == true
        }
    }

    private static String prefix(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-";
    }

    /** Deletes {@code .<name>.staging-<pid>-*} and {@code .<name>.old-<pid>-*} whose process is gone. */
    static void cleanStale(Path root, String name) throws IOException {
        Path parent = root;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                String file = entry.getFileName().toString();
                for (String kind : new String[]{"staging", "old"}) {
                    String prefix = "." + name + "." + kind + "-";
                    if (file.startsWith(prefix) && isStale(entry, file.substring(prefix.length()))) {
                        deleteQuietly(root, entry);
                    }
                }
            }
        }
    }

    private static boolean isStale(Path entry, String pidAndRandom) {
        int dash = pidAndRandom.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(pidAndRandom.substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        if (LIVE.contains(entry.toAbsolutePath().normalize())) {
            return false;
        }
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    /**
     * Deletes a file tree inside {@code root} (never anything else: {@link OutputPaths#requireInside}; links are
     * deleted, never followed), ignoring what cannot be deleted (a later begin() tries again).
     */
    static void deleteQuietly(Path root, Path tree) {
        Path victim = OutputPaths.requireInside(root, tree);
        try {
            Files.walkFileTree(victim, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException ignored) {
            // left for the next begin()
        }
    }
}
