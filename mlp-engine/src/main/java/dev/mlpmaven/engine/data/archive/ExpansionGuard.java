package dev.mlpmaven.engine.data.archive;


import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.CountingInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import static dev.mlpmaven.engine.data.archive.ArchiveMessages.ENTRY_TOO_LARGE;
import static dev.mlpmaven.engine.data.archive.ArchiveMessages.RATIO_TOO_HIGH;
import static dev.mlpmaven.engine.data.archive.ArchiveMessages.TOTAL_TOO_LARGE;

/**
 * Counts what an archive's entries (or a compressed file) expand to while they are read and stops at the first
 * byte past a limit of {@link ArchiveLimits}: an entry larger than {@code maxEntryBytes}, all entries together
 * larger than {@code maxTotalBytes}, or, past {@code graceBytes}, more than {@code maxRatio} expanded bytes per
 * compressed byte read (Apache POI's {@code ZipArchiveThresholdInputStream.checkThreshold} does the same with
 * Commons Compress's {@code InputStreamStatistics}). Memory stays bounded whatever the archive claims: nothing is
 * read ahead of the check.
 */
final class ExpansionGuard {
    private final String archive;
    private final ArchiveLimits limits;
    private long total;

    /** @param archive the archive (or compressed file) for messages */
    ExpansionGuard(String archive, ArchiveLimits limits) {
        this.archive = archive;
        this.limits = limits;
    }

    /**
     * The expanded bytes of one entry, checked as they are read.
     *
     * @param where      the archive and entry for messages, e.g. "archive data.zip: entry a.csv"
     * @param expanded   the entry's expanded bytes
     * @param compressed the compressed bytes behind what has been read so far: of this entry (zip), or of the
     *                   whole stream (a compressed tar, whose entries share one compressed stream)
     * @param ofEntry    whether {@code compressed} counts this entry only (the ratio is then the entry's) or the
     *                   whole stream (the ratio is then of everything expanded so far)
     */
    InputStream entry(String where, InputStream expanded, LongSupplier compressed, boolean ofEntry) {
        return new Guarded(where, expanded, compressed, ofEntry);
    }

    private final class Guarded extends FilterInputStream {
        private final String where;
        private final LongSupplier compressed;
        private final boolean ofEntry;
        private long count;

        Guarded(String where, InputStream in, LongSupplier compressed, boolean ofEntry) {
            super(in);
            this.where = where;
            this.compressed = compressed;
            this.ofEntry = ofEntry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // never more than one grace's worth at a time, so the check runs before much memory is filled
            int n = super.read(b, off, (int) Math.min(len, Math.max(8192, limits.graceBytes())));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void add(long n) {
            count += n;
            total += n;
            if (count > limits.maxEntryBytes()) {
                throw new UserException(String.format(Locale.ROOT, ENTRY_TOO_LARGE, where, limits.maxEntryBytes(),
                        limits.maxEntryBytes()));
            }
            if (total > limits.maxTotalBytes()) {
                throw new UserException(String.format(Locale.ROOT, TOTAL_TOO_LARGE, archive, limits.maxTotalBytes(),
                        limits.maxTotalBytes()));
            }
            long out = ofEntry ? count : total;
            if (out > limits.graceBytes()) {
                long in = Math.max(1, compressed.getAsLong());
                double ratio = (double) out / in;
                if (ratio > limits.maxRatio()) {
                    throw new UserException(String.format(Locale.ROOT, RATIO_TOO_HIGH, where, out, in, ratio,
                            limits.maxRatio(), limits.graceBytes()));
                }
            }
        }
    }
}
