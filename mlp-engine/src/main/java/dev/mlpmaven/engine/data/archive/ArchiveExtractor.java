package dev.mlpmaven.engine.data.archive;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.CountingInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.mlpmaven.engine.data.archive.ArchiveMessages.*;

/**
 * Extracts a zip or tar archive (plain or compressed with gzip, xz, bzip2 or zstd; recognised by magic bytes)
 * into a new folder, refusing a hostile archive before or while it is read, in bounded memory and time:
 * <ul>
 *   <li>an entry whose path is absolute ({@code /etc/x}, {@code C:\x}) or leaves the folder ({@code ../x}),</li>
 *   <li>a symbolic or hard link, a device, a pipe,</li>
 *   <li>the same path twice, or one path both as a file and as a folder,</li>
 *   <li>more than {@code maxEntries} entries,</li>
 *   <li>an expansion past {@link ArchiveLimits} (see {@link ExpansionGuard}).</li>
 * </ul>
 * Every message names the archive, the entry and the limit. Paths are compared as normalised {@link Path}s that
 * must stay below the target (as plexus-archiver's {@code AbstractUnArchiver.extractFile} does), files are created
 * with {@code CREATE_NEW} and no link is ever created, so nothing can be written outside the target folder. The
 * caller extracts into a temporary folder and moves it into place, so a refused archive leaves nothing behind.
 */
public final class ArchiveExtractor {
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};

    private final String name;
    private final ArchiveLimits limits;
    private final Path target;
    private final ExpansionGuard guard;
    private final Map<String, Integer> files = new HashMap<>();
    private final Map<String, Integer> folders = new HashMap<>();
    private final List<String> listed = new ArrayList<>();
    private int entries;

    private ArchiveExtractor(String name, ArchiveLimits limits, Path target) {
        this.name = name;
        this.limits = limits;
        this.target = target.toAbsolutePath().normalize();
        this.guard = new ExpansionGuard(name, limits);
    }

    /**
     * Extracts {@code archive} into {@code target} (created; it must not exist) and returns the paths of the
     * regular files extracted, relative to {@code target} with '/' separators, in archive order.
     */
    public static List<String> extract(Path archive, Path target, ArchiveLimits limits) {
        ArchiveExtractor x = new ArchiveExtractor(archive.toString(), limits, target);
        try {
            Files.createDirectory(x.target);
            byte[] head = new byte[4];
            int n;
            try (InputStream in = Files.newInputStream(archive)) {
                n = in.readNBytes(head, 0, 4);
            }
            if (n == 4 && (java.util.Arrays.equals(head, ZIP_LOCAL) || java.util.Arrays.equals(head, ZIP_EMPTY))) {
                x.zip(archive);
            } else {
                x.tar(archive);
            }
        } catch (IOException e) {
            throw new UserException(String.format(Locale.ROOT, "archive %s: could not extract it (%s)", archive, e), e);
        }
        return List.copyOf(x.listed);
    }

    private void zip(Path archive) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry e = all.nextElement();
                String path = check(e.getName());
                if (e.isUnixSymlink()) {
                    throw new UserException(String.format(Locale.ROOT, ENTRY_LINK, name, e.getName(),
                            "a symbolic link", zip.getUnixSymlink(e)));
                }
                if (path == null) {
                    continue;
                }
                if (e.isDirectory()) {
                    folder(path);
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    throw new UserException(String.format(Locale.ROOT, ENTRY_UNREADABLE, name, e.getName()));
                }
                try (InputStream raw = zip.getInputStream(e)) {
                    InputStream in = guard.entry("archive " + name + ": entry " + e.getName(), raw,
                            raw instanceof InputStreamStatistics s ? s::getCompressedCount
                                    : () -> e.getCompressedSize() > 0 ? e.getCompressedSize() : Long.MAX_VALUE, true);
                    file(path, in, Compression.NONE);
                }
            }
        }
    }

    private void tar(Path archive) throws IOException {
        try (InputStream file = Files.newInputStream(archive)) {
            CountingInputStream counted = new CountingInputStream(file);
            InputStream stored = Compression.markable(counted);
            Compression c = Compression.detect(stored);
            InputStream decoded = Compression.markable(CompressedFiles.decode(name, c, stored));
            byte[] header = new byte[512];
            decoded.mark(header.length);
            int n;
            try {
                n = decoded.readNBytes(header, 0, header.length);
            } catch (IOException e) {
                throw CompressedFiles.damaged(name, c, e);
            }
            decoded.reset();
            if (!TarArchiveInputStream.matches(header, n)) {
                throw new UserException(String.format(Locale.ROOT, NOT_AN_ARCHIVE, name,
                        c == Compression.NONE ? "neither a zip nor a tar archive" : c.id() + " data that is not a tar archive"));
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(decoded)) {
                TarArchiveEntry e;
                while ((e = next(tar, c)) != null) {
                    String path = check(e.getName());
                    if (e.isSymbolicLink() || e.isLink()) {
                        throw new UserException(String.format(Locale.ROOT, ENTRY_LINK, name, e.getName(),
                                e.isSymbolicLink() ? "a symbolic link" : "a hard link", e.getLinkName()));
                    }
                    if (path == null) {
                        continue;
                    }
                    if (e.isDirectory()) {
                        folder(path);
                    } else if (isRegular(e)) {
                        InputStream in = guard.entry("archive " + name + ": entry " + e.getName(), tar, counted::count,
                                false);
                        file(path, in, c);
                    } else {
                        throw new UserException(String.format(Locale.ROOT, ENTRY_SPECIAL, name, e.getName()));
                    }
                }
            }
        }
    }

    /** A plain file: type '0', the old NUL or '7' (contiguous); not a pipe, device or sparse file. */
    private static boolean isRegular(TarArchiveEntry e) {
        byte flag = e.getLinkFlag();
        return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG)
                && !e.isSparse();
    }

    private TarArchiveEntry next(TarArchiveInputStream tar, Compression c) {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw CompressedFiles.damaged(name, c == Compression.NONE ? "tar" : c.id(), e);
        }
    }

    /**
     * Checks an entry's name and counts it; returns its normalised relative path ('/' separators), or null for the
     * archive's root folder ({@code ./}).
     */
    private String check(String entryName) {
        if (++entries > limits.maxEntries()) {
            throw new UserException(String.format(Locale.ROOT, TOO_MANY_ENTRIES, name, limits.maxEntries(),
                    limits.maxEntries()));
        }
        String n = entryName.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_ABSOLUTE, name, entryName));
        }
        List<String> parts = new ArrayList<>();
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw new UserException(String.format(Locale.ROOT, ENTRY_PARENT, name, entryName));
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String path = String.join("/", parts);
        Path resolved;
        try {
            resolved = target.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_SPECIAL, name, entryName), e);
        }
        if (!resolved.startsWith(target) || resolved.equals(target)) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_PARENT, name, entryName));
        }
        return path;
    }

    private void folder(String path) throws IOException {
        if (files.containsKey(path)) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_FILE_AND_FOLDER, name, path));
        }
        parents(path);
        folders.putIfAbsent(path, entries);
        Files.createDirectories(target.resolve(path));
    }

    /** Every parent of {@code path} is a folder, never a file. */
    private void parents(String path) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            String parent = path.substring(0, i);
            if (files.containsKey(parent)) {
                throw new UserException(String.format(Locale.ROOT, ENTRY_FILE_AND_FOLDER, name, parent));
            }
            folders.putIfAbsent(parent, entries);
        }
    }

    private void file(String path, InputStream in, Compression c) throws IOException {
        Integer first = files.get(path);
        if (first != null) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_DUPLICATE, name, path, first, entries));
        }
        if (folders.containsKey(path)) {
            throw new UserException(String.format(Locale.ROOT, ENTRY_FILE_AND_FOLDER, name, path));
        }
        parents(path);
        files.put(path, entries);
        Path out = target.resolve(path);
        Files.createDirectories(out.getParent());
        byte[] buf = new byte[1 << 16];
        try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                int r;
                try {
                    r = in.read(buf);
                } catch (UserException e) {
                    throw e;
                } catch (IOException e) {
                    throw CompressedFiles.damaged(name, c == Compression.NONE ? "tar" : c.id(), e);
                }
                if (r < 0) {
                    break;
                }
                o.write(buf, 0, r);
            }
        }
        listed.add(path);
    }

    /** For messages: the first few regular files, e.g. "faces/a.png, faces/b.png, ... (120 files)". */
    public static String sample(List<String> paths) {
        List<String> shown = paths.size() <= 5 ? paths : paths.subList(0, 5);
        return String.join(", ", shown) + (paths.size() <= 5 ? "" : ", ... (" + paths.size() + " files)");
    }
}
