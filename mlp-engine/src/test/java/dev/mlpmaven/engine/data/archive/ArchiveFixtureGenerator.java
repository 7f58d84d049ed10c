package dev.mlpmaven.engine.data.archive;

import io.airlift.compress.zstd.ZstdOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the tiny archive fixtures in {@code src/test/resources/dev/mlpmaven/engine/data/archive/}: one good archive
 * per format with the same two files, and one hostile archive per refusal. {@code ArchiveFixturesTest} regenerates
 * them and compares with the committed files. Every entry has modification time 0, so the bytes are reproducible.
 * Regenerate with:
 * <pre>java -cp "mlp-engine/target/test-classes:$(cat cp.txt)" dev.mlpmaven.engine.data.archive.ArchiveFixtureGenerator \
 *     mlp-engine/src/test/resources/dev/mlpmaven/engine/data/archive</pre>
 * (cp.txt from {@code mvn -pl mlp-engine dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class ArchiveFixtureGenerator {
    /** The two files of every good archive. */
    static final Map<String, byte[]> CONTENT = new LinkedHashMap<>();
    /** A CSV table of 12 rows, the content of the compressed single files. */
    public static final byte[] TABLE;
    /** 4 MiB of zeros: deflate and xz make it a few KiB, far past the ratio limit. */
    static final int BOMB_BYTES = 4 << 20;

    static {
        StringBuilder csv = new StringBuilder("x,y,kind\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i).append(',').append(i * i % 7).append(',').append(i % 3 == 0 ? "odd-one" : "plain").append('\n');
        }
        TABLE = csv.toString().getBytes(StandardCharsets.US_ASCII);
        CONTENT.put("flowers/train.csv", TABLE);
        CONTENT.put("flowers/notes/readme.txt", "two files in a folder\n".getBytes(StandardCharsets.US_ASCII));
    }

    private ArchiveFixtureGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "mlp-engine/src/test/resources/dev/mlpmaven/engine/data/archive");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : fixtures().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
            System.out.println("wrote " + dir.resolve(e.getKey()) + " (" + e.getValue().length + " bytes)");
        }
    }

    static Map<String, byte[]> fixtures() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        // good: the same content in every format
        byte[] tar = tar(t -> {
            dir(t, "flowers/");
            file(t, "flowers/train.csv", TABLE);
            dir(t, "flowers/notes/");
            file(t, "flowers/notes/readme.txt", CONTENT.get("flowers/notes/readme.txt"));
        });
        f.put("good.tar", tar);
        f.put("good.tgz", gzip(tar));
        f.put("good.tar.xz", xz(tar));
        f.put("good.tar.bz2", bzip2(tar));
        f.put("good.tar.zst", zstd(tar));
        f.put("good.zip", zip(z -> {
            zipFile(z, "flowers/train.csv", TABLE);
            zipFile(z, "flowers/notes/readme.txt", CONTENT.get("flowers/notes/readme.txt"));
        }));
        // "./"-prefixed names, as tar -C dir . writes them
        f.put("dot-prefixed.tar.gz", gzip(tar(t -> {
            dir(t, "./");
            dir(t, "./flowers/");
            file(t, "./flowers/train.csv", TABLE);
        })));
        // compressed single files, named without their compression (detected by magic bytes)
        f.put("table.csv", TABLE);
        f.put("table-gzip.csv", gzip(TABLE));
        f.put("table-xz.csv", xz(TABLE));
        f.put("table-bzip2.csv", bzip2(TABLE));
        f.put("table-zstd.csv", zstd(TABLE));
        f.put("bomb.csv.gz", gzip(new byte[BOMB_BYTES]));
        f.put("truncated.csv.xz", Arrays.copyOf(xz(TABLE), 40));

        // hostile archives
        f.put("absolute-path.tar", tar(t -> file(t, "/etc/evil.csv", TABLE)));
        f.put("parent-path.zip", zip(z -> zipFile(z, "../evil.csv", TABLE)));
        f.put("parent-inside-path.tar.gz", gzip(tar(t -> file(t, "flowers/../../evil.csv", TABLE))));
        f.put("windows-absolute-path.zip", zip(z -> zipFile(z, "C:\\evil.csv", TABLE)));
        f.put("symlink.tar", tar(t -> {
            file(t, "flowers/train.csv", TABLE);
            TarArchiveEntry e = new TarArchiveEntry("flowers/passwd", TarConstants.LF_SYMLINK);
            e.setLinkName("/etc/passwd");
            entry(t, e, null);
        }));
        f.put("hardlink.tar", tar(t -> {
            file(t, "flowers/train.csv", TABLE);
            TarArchiveEntry e = new TarArchiveEntry("flowers/copy.csv", TarConstants.LF_LINK);
            e.setLinkName("flowers/train.csv");
            entry(t, e, null);
        }));
        f.put("symlink.zip", zip(z -> {
            ZipArchiveEntry e = new ZipArchiveEntry("flowers/passwd");
            e.setUnixMode(0120777);
            zipEntry(z, e, "/etc/passwd".getBytes(StandardCharsets.US_ASCII));
        }));
        f.put("fifo.tar", tar(t -> entry(t, new TarArchiveEntry("flowers/pipe", TarConstants.LF_FIFO), null)));
        f.put("duplicate.tar", tar(t -> {
            file(t, "flowers/train.csv", TABLE);
            file(t, "flowers/train.csv", "x,y,kind\n1,1,evil\n".getBytes(StandardCharsets.US_ASCII));
        }));
        f.put("file-and-folder.tar", tar(t -> {
            file(t, "flowers", TABLE);
            file(t, "flowers/train.csv", TABLE);
        }));
        f.put("four-entries.zip", zip(z -> {
            for (int i = 1; i <= 4; i++) {
                zipFile(z, "flowers/" + i + ".csv", TABLE);
            }
        }));
        f.put("entry-3000-bytes.tar.gz", gzip(tar(t -> file(t, "flowers/big.csv", repeat(3000)))));
        f.put("two-1500-byte-entries.zip", zip(z -> {
            zipFile(z, "flowers/a.csv", repeat(1500));
            zipFile(z, "flowers/b.csv", repeat(1500));
        }));
        f.put("bomb.zip", zip(z -> zipFile(z, "flowers/zeros.csv", new byte[BOMB_BYTES])));
        f.put("bomb.tar.xz", xz(tar(t -> file(t, "flowers/zeros.csv", new byte[BOMB_BYTES]))));
        f.put("not-an-archive.tar.gz", TABLE);
        f.put("gzip-not-tar.tar.gz", gzip(TABLE));
        f.put("truncated.tar.bz2", Arrays.copyOf(bzip2(tar), 60));
        return f;
    }

    /** {@code n} bytes of varied text, so they do not compress past the ratio limit. */
    static byte[] repeat(int n) {
        byte[] b = new byte[n];
        long s = 7;
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) ('a' + (int) ((s >>> 33) % 26));
        }
        return b;
    }

    interface TarBody {
        void write(TarArchiveOutputStream t) throws IOException;
    }

    interface ZipBody {
        void write(ZipArchiveOutputStream z) throws IOException;
    }

    static byte[] tar(TarBody body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
                t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                body.write(t);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void dir(TarArchiveOutputStream t, String name) throws IOException {
        entry(t, new TarArchiveEntry(name), null);
    }

    static void file(TarArchiveOutputStream t, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true); // keep the name as written (leading '/', '..')
        e.setSize(data.length);
        entry(t, e, data);
    }

    static void entry(TarArchiveOutputStream t, TarArchiveEntry e, byte[] data) throws IOException {
        e.setModTime(0);
        t.putArchiveEntry(e);
        if (data != null) {
            t.write(data);
        }
        t.closeArchiveEntry();
    }

    static byte[] zip(ZipBody body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(out)) {
                body.write(z);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void zipFile(ZipArchiveOutputStream z, String name, byte[] data) throws IOException {
        zipEntry(z, new ZipArchiveEntry(name), data);
    }

    static void zipEntry(ZipArchiveOutputStream z, ZipArchiveEntry e, byte[] data) throws IOException {
        e.setTime(315532800000L + 12L * 3600 * 1000); // 1980-01-01 12:00 UTC: a DOS time in every zone
        z.putArchiveEntry(e);
        z.write(data);
        z.closeArchiveEntry();
    }

    public static byte[] gzip(byte[] data) {
        return compress(data, GzipCompressorOutputStream::new);
    }

    public static byte[] xz(byte[] data) {
        return compress(data, XZCompressorOutputStream::new);
    }

    public static byte[] bzip2(byte[] data) {
        return compress(data, BZip2CompressorOutputStream::new);
    }

    public static byte[] zstd(byte[] data) {
        return compress(data, ZstdOutputStream::new);
    }

    interface Compressor {
        OutputStream open(OutputStream out) throws IOException;
    }

    static byte[] compress(byte[] data, Compressor c) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream o = c.open(out)) {
                o.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of the good archives, in order. */
    static List<String> goodFiles() {
        return List.copyOf(CONTENT.keySet());
    }
}
