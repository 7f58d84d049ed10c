package dev.mlpmaven.plugin.fork;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words for a message: the NIO exceptions carry the path as their message and the
 * reason in their type ({@code AccessDeniedException}) or in {@link FileSystemException#getReason()}
 * ({@code "Read-only file system"}, {@code "No space left on device"}).
 */
public final class IoReason {
    private IoReason() {
    }

    public static String of(IOException e) {
        Throwable t = e instanceof ForkLauncher.ArgFileException && e.getCause() instanceof IOException c ? c : e;
        if (t instanceof AccessDeniedException a) {
            return a.getReason() != null ? a.getReason() : "permission denied";
        }
        if (t instanceof FileAlreadyExistsException f) {
            return "a file is in the way at " + f.getFile();
        }
        if (t instanceof NotDirectoryException n) {
            return n.getFile() + " is not a folder";
        }
        if (t instanceof NoSuchFileException n) {
            return n.getFile() + " does not exist";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
