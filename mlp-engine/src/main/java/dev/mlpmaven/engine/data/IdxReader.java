package dev.mlpmaven.engine.data;


import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.CountingInputStream;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import dev.mlpmaven.engine.data.archive.ArchiveLimits;
import dev.mlpmaven.engine.data.archive.CompressedFiles;
import dev.mlpmaven.engine.data.archive.Compression;

import static dev.mlpmaven.engine.data.IdxMessages.*;

/**
 * Reads IDX files (the MNIST format), raw or compressed with gzip, xz, bzip2 or zstd (recognised by their magic
 * bytes, see {@link Compression}), checking every
 * header byte: the two zero bytes, the data type 0x08 (unsigned byte), the number of dimensions (3 for images,
 * 1 for labels), positive dimensions, and the data length against the header (truncated and trailing bytes).
 *
 * <p>Hostile input fails before memory is spent on it: for a raw file the header is checked against the file
 * size before anything is allocated; for a compressed file the claimed size is bounded by {@code maxPixels} and the
 * buffer
 * grows only as real data arrives, so a header claiming billions of items or a gzip bomb fails fast.
 *
 * <p>The SHA-256 of the decompressed content and of the stored bytes are computed in the same single pass.
 * All errors are {@link UserException}s whose messages are in {@link IdxMessages}.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 0x00000803;
    public static final int LABELS_MAGIC = 0x00000801;
    public static final int IMAGES_HEADER_BYTES = 16;
    public static final int LABELS_HEADER_BYTES = 8;
    /** Default bound on the items an IDX header may claim when the size cannot be checked up front (gzip). */
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    /** The largest Java byte array we ask for. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int CHUNK = 1 << 20;

    private final long maxPixels;

    public IdxReader() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels the most bytes of data (pixels or labels) one file may claim */
    public IdxReader(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels: found " + maxPixels + ", expected a positive number");
        }
        this.maxPixels = maxPixels;
    }

    public IdxRead<IdxImages> readImages(Path file) {
        return readFile(file, true, 0).asImages();
    }

    /** @param numClasses the number of classes if known (labels must be below it), or 0 */
    public IdxRead<IdxLabels> readLabels(Path file, int numClasses) {
        return readFile(file, false, numClasses).asLabels();
    }

    /**
     * @param name    the file name used in messages
     * @param in      the stored bytes (raw, or gzip, xz, bzip2 or zstd); not closed
     * @param rawSize the number of stored bytes if known, or -1
     */
    public IdxRead<IdxImages> readImages(String name, InputStream in, long rawSize) {
        return readStream(name, in, rawSize, true, 0).asImages();
    }

    public IdxRead<IdxLabels> readLabels(String name, InputStream in, long rawSize, int numClasses) {
        return readStream(name, in, rawSize, false, numClasses).asLabels();
    }

    /** Fails unless the images and labels files hold the same number of items. */
    public static void checkSameCount(String imagesName, IdxImages images, String labelsName, IdxLabels labels) {
        if (images.count() != labels.count()) {
            throw new UserException(String.format(COUNT_MISMATCH, imagesName, labelsName, images.count(),
                    labels.count()));
        }
    }

    private Parsed readFile(Path file, boolean images, int numClasses) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return readStream(name, in, Files.size(file), images, numClasses);
        } catch (IOException e) {
            throw new UserException(String.format(READ_FAILED, name, e), e);
        }
    }

    private Parsed readStream(String name, InputStream source, long rawSize, boolean images, int numClasses) {
        MessageDigest fileDigest = sha256();
        MessageDigest contentDigest = sha256();
        DigestInputStream hashed = new DigestInputStream(source, fileDigest);
        CountingInputStream counted = new CountingInputStream(hashed);
        BufferedInputStream stored = new BufferedInputStream(counted, 1 << 16);
        try {
            Compression compression = Compression.detect(stored);
            boolean gzip = compression == Compression.GZIP;
            boolean compressed = compression != Compression.NONE;
            InputStream content;
            if (gzip) {
                try {
                    content = new GZIPInputStream(stored, 1 << 16);
                } catch (ZipException | EOFException e) {
                    throw new UserException(String.format(BAD_GZIP, name, e.getMessage()), e);
                }
            } else if (compressed) {
                // xz, bzip2, zstd: bounded like gzip below (the header's claim, maxPixels, trailing bytes)
                content = CompressedFiles.open(name, stored, new ArchiveLimits(1, MAX_ARRAY, MAX_ARRAY,
                        Double.MAX_VALUE, 0)).content();
            } else {
                hashed.on(false); // raw: the stored bytes are the content, hashed once below
                content = stored;
            }
            Parsed parsed = parse(name, content, compressed ? -1 : rawSize, compressed ? rawSize : -1, images,
                    numClasses, contentDigest);
            // consume whatever follows the gzip stream so the file hash covers every stored byte
            byte[] drain = new byte[8192];
            while (stored.read(drain) >= 0) {
                // draining
            }
            String contentSha = hex(contentDigest.digest());
            return new Parsed(parsed.images, parsed.labels, contentSha,
                    compressed ? hex(fileDigest.digest()) : contentSha, counted.count(), gzip);
        } catch (ZipException e) {
            throw new UserException(String.format(BAD_GZIP, name, e.getMessage()), e);
        } catch (IOException e) {
            throw new UserException(String.format(READ_FAILED, name, e), e);
        }
    }

    /**
     * @param rawSize        exact content size when known (raw file), else -1
     * @param compressedSize size of the compressed file when known, else -1 (sizes the first buffer)
     */
    private Parsed parse(String name, InputStream in, long rawSize, long compressedSize, boolean images,
                         int numClasses, MessageDigest digest) throws IOException {
        int headerBytes = images ? IMAGES_HEADER_BYTES : LABELS_HEADER_BYTES;
        byte[] header = new byte[headerBytes];
        int got = readUpTo(name, in, header, 0, 4);
        if (got < 4) {
            throw new UserException(String.format(HEADER_TRUNCATED, name, got, headerBytes));
        }
        checkMagic(name, header, images);
        got += readUpTo(name, in, header, 4, headerBytes - 4);
        if (got < headerBytes) {
            throw new UserException(String.format(HEADER_TRUNCATED, name, got, headerBytes));
        }
        digest.update(header);
        long count = dimension(name, header, 0, "count");
        long rows = images ? dimension(name, header, 1, "rows") : 1;
        long cols = images ? dimension(name, header, 2, "columns") : 1;
        long expected = multiply(multiply(count, rows), cols);
        String what = images ? count + " images of " + rows + "x" + cols : count + " labels";

        if (rawSize >= 0) {
            long found = rawSize - headerBytes;
            if (found < expected) {
                throw new UserException(String.format(DATA_TRUNCATED, name, found, expected, what));
            }
            if (found > expected) {
                throw new UserException(String.format(DATA_TRAILING, name, expected, expected, what));
            }
        }
        long limit = Math.min(maxPixels, MAX_ARRAY);
        if (expected > limit) {
            throw new UserException(images
                    ? String.format(TOO_MANY_PIXELS, name, count, rows, cols, expected, limit)
                    : String.format(TOO_MANY_LABELS, name, count, limit));
        }
        int total = (int) expected;
        int capacity = rawSize >= 0 ? total
                : (int) Math.min(total, Math.max(CHUNK, compressedSize > 0 ? compressedSize * 8 : CHUNK));
        byte[] data = new byte[capacity];
        int filled = 0;
        try {
            while (filled < total) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(total, (long) data.length * 2));
                }
                int n = in.read(data, filled, Math.min(data.length - filled, CHUNK));
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (EOFException e) {
            // gzip stream ended early: reported as truncated below
        }
        if (filled < total) {
            throw new UserException(String.format(DATA_TRUNCATED, name, filled, expected, what));
        }
        int extra;
        try {
            extra = in.read();
        } catch (EOFException e) {
            extra = -1;
        }
        if (extra >= 0) {
            throw new UserException(String.format(DATA_TRAILING, name, expected, expected, what));
        }
        digest.update(data, 0, total);
        if (images) {
            return new Parsed(new IdxImages((int) count, (int) rows, (int) cols, data), null, null, null, 0, false);
        }
        if (numClasses > 0) {
            for (int i = 0; i < total; i++) {
                int label = data[i] & 0xFF;
                if (label >= numClasses) {
                    throw new UserException(String.format(LABEL_OUT_OF_RANGE, name, i, label, numClasses - 1,
                            numClasses));
                }
            }
        }
        return new Parsed(null, new IdxLabels((int) count, data), null, null, 0, false);
    }

    private static void checkMagic(String name, byte[] h, boolean images) {
        int expectedDims = images ? 3 : 1;
        int magic = ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        int expected = images ? IMAGES_MAGIC : LABELS_MAGIC;
        if (magic == expected) {
            return;
        }
        String kind = images ? "images" : "labels";
        String hint;
        if (magic == (images ? LABELS_MAGIC : IMAGES_MAGIC)) {
            hint = images ? HINT_IS_LABELS : HINT_IS_IMAGES;
        } else if (h[0] != 0 || h[1] != 0) {
            hint = HINT_ZERO_BYTES;
        } else if ((h[2] & 0xFF) != 0x08) {
            hint = HINT_TYPE_BYTE;
        } else {
            hint = String.format(HINT_DIMENSIONS, kind, expectedDims);
        }
        throw new UserException(String.format(BAD_MAGIC, name, magic, expected, kind, hint));
    }

    private static long dimension(String name, byte[] h, int index, String field) {
        int at = 4 + 4 * index;
        long value = ((long) (h[at] & 0xFF) << 24) | ((h[at + 1] & 0xFF) << 16) | ((h[at + 2] & 0xFF) << 8)
                | (h[at + 3] & 0xFF);
        if (value <= 0) {
            throw new UserException(String.format(BAD_DIMENSION, name, index, field, value));
        }
        return value;
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Reads up to {@code len} bytes; fewer only at the end of the stream. */
    private static int readUpTo(String name, InputStream in, byte[] buf, int off, int len) throws IOException {
        int total = 0;
        try {
            while (total < len) {
                int n = in.read(buf, off + total, len - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            // a gzip stream that ends inside the header: the caller reports a truncated header
        }
        return total;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private record Parsed(IdxImages images, IdxLabels labels, String contentSha256, String fileSha256,
                          long fileBytes, boolean gzip) {
        IdxRead<IdxImages> asImages() {
            return new IdxRead<>(images, contentSha256, fileSha256, fileBytes, gzip);
        }

        IdxRead<IdxLabels> asLabels() {
            return new IdxRead<>(labels, contentSha256, fileSha256, fileBytes, gzip);
        }
    }
}
