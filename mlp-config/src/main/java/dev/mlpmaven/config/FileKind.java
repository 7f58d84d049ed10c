package dev.mlpmaven.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What is at a path, in the words messages use ("a directory", "a named pipe (FIFO)"), found without opening it:
 * reading a FIFO or a device would block or never end, so nothing is read before the kind is known.
 */
public enum FileKind {
    MISSING("no file"),
    REGULAR("a file"),
    DIRECTORY("a directory"),
    FIFO("a named pipe (FIFO)"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("a special file that is not a regular file"),
    /** The path exists but its attributes cannot be read (a folder on the way is not searchable). */
    UNREADABLE("a path whose attributes cannot be read");

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    /** "a directory", "no file", ... as in "found a directory at /x, expected a regular file". */
    public String words() {
        return words;
    }

    /** The kind of what {@code path} names (links followed). */
    public static FileKind of(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return MISSING;
        } catch (IOException | SecurityException e) {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? UNREADABLE : MISSING;
        }
        if (a.isRegularFile()) {
            return REGULAR;
        }
        if (a.isDirectory()) {
            return DIRECTORY;
        }
        try {
            // st_mode's file type bits (S_IFMT); the "unix" view exists on Linux and macOS
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> FIFO;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                case 0140000 -> SOCKET;
                default -> OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return OTHER;
        }
    }

    /**
     * Why a file could not be read, for a message: "permission denied", "is a directory", "no such file", or the
     * operating system's own reason. Never the file's content.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the current user may read {@code path}; false with the reason when not, e.g. "permission denied".
     * Returns null when it can be read.
     */
    public static String unreadableReason(Path path) {
        if (Files.isReadable(path)) {
            return null;
        }
        try (var ignored = Files.newByteChannel(path)) {
            return null;
        } catch (IOException e) {
            return reason(e);
        }
    }
}
