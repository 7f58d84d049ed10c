package dev.mlpmaven.engine.data.archive;

/**
 * Bounds on what an archive (or a compressed data file) may expand to, so that a hostile one is refused in
 * bounded memory, disk and time (a "zip bomb"). The defaults ({@link #DEFAULTS}) are documented in
 * docs/datasets.md; the ratio test follows Apache POI's {@code ZipSecureFile}: past {@code graceBytes} of output,
 * the output may be at most {@code maxRatio} times the compressed input read so far.
 *
 * @param maxEntries    the most entries (files and folders) an archive may list
 * @param maxEntryBytes the most bytes one entry (or one compressed file) may expand to
 * @param maxTotalBytes the most bytes all entries of one archive may expand to together
 * @param maxRatio      the largest expanded / compressed ratio past {@code graceBytes}
 * @param graceBytes    expanded bytes allowed before the ratio is checked (small files compress very well)
 */
public record ArchiveLimits(long maxEntries, long maxEntryBytes, long maxTotalBytes, double maxRatio,
                            long graceBytes) {
    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(250_000, 2L << 30, 8L << 30, 100, 1L << 20);

    public ArchiveLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || !(maxRatio >= 1) || graceBytes < 0) {
            throw new IllegalArgumentException("archive limits: found " + maxEntries + ", " + maxEntryBytes + ", "
                    + maxTotalBytes + ", " + maxRatio + ", " + graceBytes + ", expected positive limits, ratio >= 1");
        }
    }
}
