package dev.mlpmaven.engine.data.archive;

import io.airlift.compress.zstd.ZstdInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The compressions a data file or an archive may have, recognised by their magic bytes (never by the file name):
 * <pre>
 * gzip   1f 8b                                  (RFC 1952; a damaged header is then reported as damaged gzip)
 * xz     fd 37 7a 58 5a 00                      (the .xz container of LZMA2)
 * bzip2  42 5a 68 '1'..'9' 31 41 59 26 53 59    ("BZh", block size, first block's magic; or 17 72 45 38 50 90
 *                                               for an empty stream)
 * zstd   28 b5 2f fd                            (a Zstandard frame)
 * </pre>
 * Anything else is {@link #NONE}: read as it is. Concatenated streams (members, frames) are read to the end.
 * gzip, xz and bzip2 are decoded by Apache Commons Compress (xz through org.tukaani:xz, with a decoder memory
 * limit), zstd by aircompressor's pure-Java decoder, so nothing native is loaded.
 */
public enum Compression {
    NONE("none"),
    GZIP("gzip"),
    XZ("xz"),
    BZIP2("bzip2"),
    ZSTD("zstd");

    /** Bytes {@link #detect} looks at. */
    public static final int MAGIC_BYTES = 10;
    /** The most memory the xz decoder may use, in KiB (xz -9 needs 65 MiB). */
    static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private final String id;

    Compression(String id) {
        this.id = id;
    }

    /** gzip, xz, bzip2, zstd or none. */
    public String id() {
        return id;
    }

    /** The compression whose magic bytes start {@code head} (the first {@code length} bytes of a file). */
    public static Compression detect(byte[] head, int length) {
        if (starts(head, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (starts(head, length, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) {
            return XZ;
        }
        if (starts(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (length >= 10 && starts(head, length, 'B', 'Z', 'h') && head[3] >= '1' && head[3] <= '9'
                && (matches(head, 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)
                || matches(head, 4, 0x17, 0x72, 0x45, 0x38, 0x50, 0x90))) {
            return BZIP2;
        }
        return NONE;
    }

    /** The compression of the stream's first bytes; {@code in} must support mark (it is reset). */
    public static Compression detect(InputStream in) throws IOException {
        byte[] head = new byte[MAGIC_BYTES];
        in.mark(MAGIC_BYTES);
        int n = 0;
        try {
            while (n < MAGIC_BYTES) {
                int r = in.read(head, n, MAGIC_BYTES - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } finally {
            in.reset();
        }
        return detect(head, n);
    }

    /** {@code in} (positioned at the magic bytes) decompressed; {@code in} itself for {@link #NONE}. */
    public InputStream decode(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
            case XZ -> new XZCompressorInputStream(in, true, XZ_MEMORY_LIMIT_KIB);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case ZSTD -> new ZstdInputStream(in);
        };
    }

    /** A stream with mark support over {@code in} (itself when it has it). */
    public static InputStream markable(InputStream in) {
        return in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    }

    private static boolean starts(byte[] head, int length, int... magic) {
        return length >= magic.length && matches(head, 0, magic);
    }

    private static boolean matches(byte[] head, int offset, int... magic) {
        for (int i = 0; i < magic.length; i++) {
            if ((head[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
