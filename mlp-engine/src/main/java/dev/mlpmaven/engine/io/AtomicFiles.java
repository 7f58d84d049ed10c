package dev.mlpmaven.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that it is never seen half-written under its final name: the bytes go to a hidden temporary
 * file {@code .<name>.<random>.tmp} in the same folder (created if missing), are flushed to disk, and the file is
 * then moved over the target with {@code ATOMIC_MOVE}. On failure the temporary file is deleted and the target is
 * untouched. The one place the engine writes a final-named file (model, metrics, provenance, report, charts,
 * index, dataset cache entries).
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Writes {@code parts} back to back (each from its position to its limit) as the content of {@code target}.
     *
     * @throws UncheckedIOException when the file cannot be written; the message names the file and the cause is
     *                              the {@link IOException}
     */
    public static void write(Path target, ByteBuffer... parts) {
        Path dir = target.toAbsolutePath().getParent();
        // not Files.createTempFile: it makes the file readable by the owner only; this one gets the usual umask
        Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                for (ByteBuffer buf : parts) {
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        }
    }

    /** {@link #write(Path, ByteBuffer...)} of {@code bytes}. */
    public static void write(Path target, byte[] bytes) {
        write(target, ByteBuffer.wrap(bytes));
    }

    /** {@link #write(Path, ByteBuffer...)} of the UTF-8 bytes of {@code text}. */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
