package dev.mlpmaven.plugin.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A dynamic class-data sharing (AppCDS) archive of the fork's classes, so later forks map the parsed classes of
 * Jackson, ND4J and the engine instead of loading them from 57 jars: measured on the 2-core build machine it
 * brings the first training step of a fork about a second closer (docs/performance.md, Start-up).
 *
 * <p>One archive per JDK and classpath (the file name is a SHA-256 of {@code java.home}, {@code java.version}
 * and each jar's path, size and modification time), in {@code <dir>/cds/}. The first fork writes it at exit
 * ({@code -XX:ArchiveClassesAtExit}) to a temporary name, and {@link #finish(int)} moves it into place only after a
 * successful run; the next forks use it ({@code -XX:SharedArchiveFile}). A stale or unreadable archive is ignored by
 * the JVM ({@code -Xshare:auto}), never fatal. A user who sets {@code -Xshare} or an archive in {@code argLine}
 * gets no archive of ours.
 */
public final class ClassDataArchive {
    /**
     * Silences the JVM's CDS log, which goes to standard output (where the plugin reads protocol lines) and
     * lists, while the archive is written, every class it cannot archive (old class files of slf4j, commons-math).
     */
    static final String QUIET = "-Xlog:cds*=off";
    /**
     * While the archive is written: the JVM's CDS errors on standard error, where the plugin reads why writing failed
     * ("Unable to write to shared archive file" on a full disk).
     */
    static final String ERRORS = "-Xlog:cds=error:stderr";

    private final Path file;
    private final Path temp;
    private final boolean exists;
    private boolean writing;

    private ClassDataArchive(Path file, Path temp, boolean exists) {
        this.file = file;
        this.temp = temp;
        this.exists = exists;
    }

    /** The archive for this JDK and classpath under {@code cacheDir/cds/}. */
    public static ClassDataArchive of(Path cacheDir, String javaHome, String javaVersion, List<Path> classpath) {
        Path dir = cacheDir.resolve("cds");
        Path file = dir.resolve("fork-" + key(javaHome, javaVersion, classpath) + ".jsa");
        Path temp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".tmp");
        return new ClassDataArchive(file, temp, Files.isRegularFile(file));
    }

    /** Whether the user's JVM options already choose class-data sharing themselves. */
    public static boolean chosenBy(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(a -> a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile")
                || a.startsWith("-XX:ArchiveClassesAtExit"));
    }

    static String key(String javaHome, String javaVersion, List<Path> classpath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder(javaHome).append('\n').append(javaVersion).append('\n');
            for (Path p : classpath) {
                b.append(p.toAbsolutePath()).append(' ');
                try {
                    b.append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
                } catch (IOException e) {
                    b.append("missing");
                }
                b.append('\n');
            }
            return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The JVM options for the fork: use the archive, or write it at exit; none when its folder cannot be made. */
    public List<String> jvmArgs() {
        if (exists) {
            return List.of(QUIET, "-XX:SharedArchiveFile=" + file);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return List.of();
        }
        writing = true;
        return List.of(QUIET, ERRORS, "-XX:ArchiveClassesAtExit=" + temp);
    }

    /** Whether the fork was told to write the archive at its exit. */
    public boolean isWriting() {
        return writing;
    }

    /**
     * After the fork: a newly written archive is moved into place when the fork succeeded, deleted otherwise.
     * Returns whether a new archive was put in place.
     */
    public boolean finish(int exitCode) {
        if (exists || !Files.isRegularFile(temp)) {
            return false;
        }
        try {
            if (exitCode == 0) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file; the next fork writes its own
            }
        }
        return false;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return exists;
    }
}
