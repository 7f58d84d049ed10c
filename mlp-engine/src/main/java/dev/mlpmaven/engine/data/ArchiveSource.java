package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.archive.ArchiveExtractor;
import dev.mlpmaven.engine.data.archive.ArchiveLimits;
import dev.mlpmaven.engine.data.archive.ArchiveMessages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An archive of the data, extracted once into the cache ({@code archives/<sha256 of the archive>/}): it is
 * extracted into a temporary folder and moved into place only when complete, under a lock, so a second build
 * waits and then uses it, and a refused or interrupted extraction leaves nothing under the final name.
 */
final class ArchiveSource {
    /** archive, files, cache folder. */
    static final String EXTRACTED = "dataset: extracted %s (%d files) into %s";
    /** archive, cache folder. */
    static final String USING_EXTRACTED = "dataset: using %s, extracted earlier into %s";

    final Path archive;
    final String sha256;
    final Path root;

    private ArchiveSource(Path archive, String sha256, Path root) {
        this.archive = archive;
        this.sha256 = sha256;
        this.root = root;
    }

    static ArchiveSource open(Path archive, DataCache cache, ArchiveLimits limits, DataListener listener) {
        String sha = sha256(archive);
        Path dir = cache.archiveDir(sha);
        try (DataCache.Lock lock = cache.lock("archive-" + sha, () -> listener.info(String.format(
                DataMessages.WAITING_FOR_LOCK, "dataset", archive.getFileName())))) {
            if (Files.isDirectory(dir)) {
                listener.info(String.format(Locale.ROOT, USING_EXTRACTED, archive, dir));
                return new ArchiveSource(archive, sha, dir);
            }
            Path tmp = cache.newTempDir("archive");
            try {
                List<String> files = ArchiveExtractor.extract(archive, tmp.resolve("content"), limits);
                cache.moveIntoPlace(tmp.resolve("content"), dir);
                listener.info(String.format(Locale.ROOT, EXTRACTED, archive, files.size(), dir));
            } finally {
                DataCache.deleteTree(tmp);
            }
            return new ArchiveSource(archive, sha, dir);
        }
    }

    /** A path inside the archive; a missing one is an error listing some of the archive's files. */
    Path resolve(Path inner, boolean folder) {
        Path p = root.resolve(inner.toString()).normalize();
        if (!p.startsWith(root) || !(folder ? Files.isDirectory(p) : Files.isRegularFile(p))) {
            List<String> some;
            try (Stream<Path> all = Files.walk(root)) {
                some = all.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .sorted().toList();
            } catch (IOException e) {
                some = List.of();
            }
            throw new UserException(String.format(Locale.ROOT, ArchiveMessages.NOT_IN_ARCHIVE, archive,
                    (folder ? "folder " : "file ") + inner, ArchiveExtractor.sample(some)));
        }
        return p;
    }

    /** How messages and provenance name a path inside: {@code data.tar.xz!/faces/train.csv}. */
    String name(Path inner) {
        return archive + "!/" + inner.toString().replace('\\', '/');
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = IdxReader.sha256();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return IdxReader.hex(md.digest());
        } catch (IOException e) {
            throw new UserException(String.format(IdxMessages.READ_FAILED, file, e), e);
        }
    }
}
