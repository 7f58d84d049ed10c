package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-user dataset cache. Layout under {@code <cacheDir>/v1/}:
 * <pre>
 * idx/&lt;sha256&gt;.idx   decompressed IDX file, named by the SHA-256 of its content
 * refs/&lt;sha256&gt;      the content SHA-256 of a verified download, named by the SHA-256 of its .gz
 *                      (for datasets whose content hash is not in the registry, e.g. MNIST)
 * archives/&lt;sha256&gt;/ an archive's files, extracted; named by the SHA-256 of the archive file
 * images/&lt;key&gt;.bin   an image folder's decoded pixels and labels, named by the hash of its files and settings
 * images/&lt;hash&gt;.index an image folder's stat index (listing time, each file's size, time, file key and path,
 *                      and the key), named by the hash of the folder's path and settings
 * locks/&lt;key&gt;.lock   lock files: one process (and one thread) at a time fetches a given file
 * tmp/                 files being written; moved into place atomically when complete
 * </pre>
 * Only verified content is moved into {@code idx/}; readers check the content hash again on every load.
 */
public final class DataCache {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final long STALE_MILLIS = 24L * 3600 * 1000;

    private final Path root;

    public DataCache(Path cacheDir) {
        this.root = cacheDir.toAbsolutePath().normalize().resolve("v1");
    }

    public Path root() {
        return root;
    }

    public Path entry(String contentSha256) {
        return root.resolve("idx").resolve(contentSha256 + ".idx");
    }

    /** The folder an archive with this SHA-256 is extracted into ({@code archives/<sha256>/}). */
    public Path archiveDir(String archiveSha256) {
        return root.resolve("archives").resolve(archiveSha256);
    }

    /** The decoded images of an image folder, named by the key of their files and settings. */
    public Path imagesEntry(String key) {
        return root.resolve("images").resolve(key + ".bin");
    }

    /**
     * A new empty folder in {@code tmp/} (same file system as the entries, so moving it into place is atomic).
     */
    public Path newTempDir(String prefix) {
        try {
            Path dir = Files.createDirectories(root.resolve("tmp"));
            removeStale(dir);
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    /**
     * Moves a completed folder to {@code target} atomically; if another build put it there first, {@code done} is
     * removed and the existing one kept. Returns {@code target}.
     */
    public Path moveIntoPlace(Path done, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(done, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(done);
            }
            return target;
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    /** Writes a file of the cache atomically (a temporary file moved into place). */
    public Path write(Path target, ByteBuffer... parts) {
        return writeAtomically(target, parts);
    }

    /** Deletes a folder and everything in it (links are deleted, never followed). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content hash recorded for a verified download of the .gz with this hash. */
    public Optional<String> contentShaFor(String gzSha256) {
        Path ref = root.resolve("refs").resolve(gzSha256);
        try {
            String s = Files.readString(ref, StandardCharsets.US_ASCII).trim();
            return s.matches("[0-9a-f]{64}") ? Optional.of(s) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void recordContentSha(String gzSha256, String contentSha256) {
        writeAtomically(root.resolve("refs").resolve(gzSha256), ByteBuffer.wrap(
                (contentSha256 + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    /** Stores a verified IDX file (header and data) under its content hash; returns the entry. */
    public Path store(String contentSha256, ByteBuffer header, byte[] data) {
        return writeAtomically(entry(contentSha256), header, ByteBuffer.wrap(data));
    }

    public void delete(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new empty file in {@code tmp/} (same file system as the entries, so moves are atomic). Leftovers of
     * builds that were killed mid-download, older than a day, are removed on the way.
     */
    public Path newTempFile(String prefix) {
        try {
            Path dir = Files.createDirectories(root.resolve("tmp"));
            removeStale(dir);
            return Files.createTempFile(dir, prefix, ".part");
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    /**
     * Takes the lock named {@code key}, waiting for other threads of this JVM and for other processes;
     * {@code onWait} runs once before waiting, if the lock is busy. Close the returned handle to release it.
     */
    public Lock lock(String key, Runnable onWait) {
        Path file;
        try {
            file = Files.createDirectories(root.resolve("locks")).resolve(key + ".lock");
        } catch (IOException e) {
            throw unusable(e);
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        boolean waited = false;
        if (!local.tryLock()) {
            onWait.run();
            waited = true;
            local.lock();
        }
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    if (!waited) {
                        onWait.run();
                    }
                    fileLock = channel.lock();
                }
                return new Lock(local, channel, fileLock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            local.unlock();
            throw unusable(e);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private static void removeStale(Path dir) {
        long cutoff = System.currentTimeMillis() - STALE_MILLIS;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                try {
                    if (Files.getLastModifiedTime(f).toMillis() < cutoff) {
                        if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                            deleteTree(f);
                        } else {
                            Files.deleteIfExists(f);
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    // another build removed it first, or it is not ours to remove: leave it
                }
            }
        } catch (IOException e) {
            // listing failed: the new temp file below reports a real problem if there is one
        }
    }

    private Path writeAtomically(Path target, ByteBuffer... parts) {
        try {
            AtomicFiles.write(target, parts);
            return target;
        } catch (UncheckedIOException e) {
            throw unusable(e.getCause());
        }
    }

    private UserException unusable(IOException e) {
        return new UserException(String.format(DataMessages.CACHE_UNUSABLE, root.getParent(), e), e);
    }

    /** A held lock; {@link #close()} releases it. */
    public static final class Lock implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Lock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
            this.local = local;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                local.unlock();
            }
        }
    }
}
