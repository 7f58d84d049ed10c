package dev.mlpmaven.engine.data.archive;

/**
 * User-facing messages about archives and compressed files, "where: found X, expected Y - hint"; tests match them
 * word for word. Arguments are filled with {@link String#format}.
 */
public final class ArchiveMessages {
    private ArchiveMessages() {
    }

    /** archive, entry. */
    public static final String ENTRY_ABSOLUTE = "archive %s: entry %s: found an absolute path, expected a path inside"
            + " the archive - the archive is unsafe to extract; nothing was extracted";
    /** archive, entry. */
    public static final String ENTRY_PARENT = "archive %s: entry %s: found '..' in the path, expected a path inside"
            + " the archive - the archive is unsafe to extract; nothing was extracted";
    /** archive, entry, kind ("a symbolic link" or "a hard link"), target. */
    public static final String ENTRY_LINK = "archive %s: entry %s: found %s to %s, expected regular files and folders"
            + " - links are not extracted (they could point outside the data); replace the link by the file";
    /** archive, entry. */
    public static final String ENTRY_SPECIAL = "archive %s: entry %s: found a device, pipe or other special file,"
            + " expected regular files and folders - remove it from the archive";
    /** archive, entry, index of the first, index of the second. */
    public static final String ENTRY_DUPLICATE = "archive %s: entry %s: found it a second time (entries %d and %d),"
            + " expected each path once - the archive is ambiguous; remove one of them";
    /** archive, entry. */
    public static final String ENTRY_FILE_AND_FOLDER = "archive %s: entry %s: found it both as a file and as a"
            + " folder, expected one of them - the archive is ambiguous";
    /** archive, entry. */
    public static final String ENTRY_UNREADABLE = "archive %s: entry %s: found an encrypted entry or an unsupported"
            + " compression method, expected stored or deflated data - write the archive without encryption";
    /** archive, limit. */
    public static final String TOO_MANY_ENTRIES = "archive %s: found more than %d entries, expected at most %d"
            + " - split the data into several archives";
    /** where (archive and entry, or file), limit, limit. */
    public static final String ENTRY_TOO_LARGE = "%s: found more than %d bytes when expanded, expected at most %d"
            + " bytes per entry - the file is too large or a decompression bomb";
    /** archive, limit, limit. */
    public static final String TOTAL_TOO_LARGE = "archive %s: found more than %d bytes when expanded, expected at"
            + " most %d bytes in all - the archive is too large or a decompression bomb";
    /** where, expanded bytes, compressed bytes, ratio found, limit, grace. */
    public static final String RATIO_TOO_HIGH = "%s: found %d bytes expanded from %d compressed (ratio %.0f),"
            + " expected a ratio of at most %.0f past the first %d bytes - this looks like a decompression bomb";
    /** archive, compression, detail. */
    public static final String DAMAGED = "%s: found damaged %s data (%s), expected a complete archive or compressed"
            + " file - the file is corrupt or cut short; fetch it again";
    /** archive, what was found. */
    public static final String NOT_AN_ARCHIVE = "archive %s: found %s, expected a zip or tar archive (.zip, .tar,"
            + " .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar.zst) - check the path";
    /** archive, path inside, entries listed (a few). */
    public static final String NOT_IN_ARCHIVE = "archive %s: found no %s inside, expected it among the entries"
            + " (%s) - paths inside the archive are written as the archive lists them";
}
