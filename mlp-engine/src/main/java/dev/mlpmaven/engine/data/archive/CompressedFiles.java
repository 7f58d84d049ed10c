package dev.mlpmaven.engine.data.archive;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.CountingInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a data file that may be compressed (gzip, xz, bzip2 or zstd, recognised by {@link Compression#detect
 * magic bytes}), giving its content. A compressed file's expansion is bounded by {@link ArchiveLimits}
 * ({@code maxEntryBytes}, and {@code maxRatio} past {@code graceBytes}), so a decompression bomb fails at the first
 * byte past a limit.
 */
public final class CompressedFiles {
    private CompressedFiles() {
    }

    /** An open content stream and the compression it was stored with. */
    public record Opened(InputStream content, Compression compression) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            content.close();
        }
    }

    /** The content of {@code file}; close the result. */
    public static Opened open(Path file, ArchiveLimits limits) {
        try {
            return open(file.toString(), Files.newInputStream(file), limits);
        } catch (IOException e) {
            throw new UserException(String.format(Locale.ROOT, "%s: could not read the file (%s)", file, e), e);
        }
    }

    /** The content of the stored bytes {@code raw} (closed with the result), named {@code name} in messages. */
    public static Opened open(String name, InputStream raw, ArchiveLimits limits) throws IOException {
        CountingInputStream counted = new CountingInputStream(raw);
        InputStream stored = Compression.markable(counted);
        Compression c = Compression.detect(stored);
        if (c == Compression.NONE) {
            return new Opened(stored, c);
        }
        InputStream decoded = decode(name, c, stored);
        ExpansionGuard guard = new ExpansionGuard(name, new ArchiveLimits(1, limits.maxEntryBytes(),
                limits.maxEntryBytes(), limits.maxRatio(), limits.graceBytes()));
        return new Opened(new Damage(name, c, guard.entry(name, decoded, counted::count, true)), c);
    }

    static InputStream decode(String name, Compression c, InputStream stored) {
        try {
            return c.decode(stored);
        } catch (IOException e) {
            throw damaged(name, c, e);
        }
    }

    static UserException damaged(String name, Compression c, IOException e) {
        return damaged(name, c.id(), e);
    }

    static UserException damaged(String name, String kind, IOException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new UserException(String.format(Locale.ROOT, ArchiveMessages.DAMAGED, name, kind, detail), e);
    }

    /** Turns the decoders' IOExceptions into {@link ArchiveMessages#DAMAGED}. */
    private static final class Damage extends java.io.FilterInputStream {
        private final String name;
        private final Compression compression;

        Damage(String name, Compression compression, InputStream in) {
            super(in);
            this.name = name;
            this.compression = compression;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw damaged(name, compression, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw damaged(name, compression, e);
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
