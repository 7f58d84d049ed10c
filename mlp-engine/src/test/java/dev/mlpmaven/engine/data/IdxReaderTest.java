package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxReaderTest {
    private final IdxReader reader = new IdxReader();

    static Path fixture(String name) {
        try {
            return Path.of(IdxReaderTest.class.getResource("idx/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reader_reads_raw_images_and_labels() {
        IdxRead<IdxImages> images = reader.readImages(fixture("images.idx"));
        IdxRead<IdxLabels> labels = reader.readLabels(fixture("labels.idx"), 10);
        assertThat(images.data().count()).isEqualTo(3);
        assertThat(images.data().rows()).isEqualTo(2);
        assertThat(images.data().cols()).isEqualTo(4);
        assertThat(images.data().pixels()).containsExactly(IdxFixtureGenerator.PIXELS);
        assertThat(labels.data().labels()).containsExactly(IdxFixtureGenerator.LABELS);
        assertThat(labels.data().label(1)).isEqualTo(9);
        assertThat(images.gzip()).isFalse();
        assertThat(images.fileSha256()).isEqualTo(images.contentSha256());
        assertThat(images.fileBytes()).isEqualTo(16 + 24);
    }

    @Test
    void reader_reads_gzip_to_the_same_content_and_hash() throws IOException {
        IdxRead<IdxImages> raw = reader.readImages(fixture("images.idx"));
        IdxRead<IdxImages> gz = reader.readImages(fixture("images.idx.gz"));
        assertThat(gz.gzip()).isTrue();
        assertThat(gz.data()).usingRecursiveComparison().isEqualTo(raw.data());
        assertThat(gz.contentSha256()).isEqualTo(raw.contentSha256())
                .isEqualTo(sha256(Files.readAllBytes(fixture("images.idx"))));
        assertThat(gz.fileSha256()).isEqualTo(sha256(Files.readAllBytes(fixture("images.idx.gz"))));
        IdxRead<IdxLabels> labels = reader.readLabels(fixture("labels.idx.gz"), 0);
        assertThat(labels.data().labels()).containsExactly(IdxFixtureGenerator.LABELS);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"xz", "bzip2", "zstd"})
    void reader_reads_xz_bzip2_and_zstd_by_their_magic_bytes(String codec) throws IOException {
        byte[] rawBytes = Files.readAllBytes(fixture("images.idx"));
        byte[] packed = switch (codec) {
            case "xz" -> dev.mlpmaven.engine.data.archive.ArchiveFixtureGenerator.xz(rawBytes);
            case "bzip2" -> dev.mlpmaven.engine.data.archive.ArchiveFixtureGenerator.bzip2(rawBytes);
            default -> dev.mlpmaven.engine.data.archive.ArchiveFixtureGenerator.zstd(rawBytes);
        };
        IdxRead<IdxImages> read = reader.readImages("images-idx3-ubyte", new java.io.ByteArrayInputStream(packed),
                packed.length);
        assertThat(read.data().pixels()).containsExactly(IdxFixtureGenerator.PIXELS);
        assertThat(read.contentSha256()).isEqualTo(sha256(rawBytes));
        assertThat(read.fileSha256()).isEqualTo(sha256(packed));
    }

    @Test
    void reader_rejects_empty_file() {
        Path p = fixture("empty.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": header: found 0 bytes, expected at least 16 - the file is empty or truncated");
    }

    @Test
    void reader_rejects_short_header() {
        Path p = fixture("header-short.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": header: found 10 bytes, expected at least 16 - the file is empty or truncated");
    }

    @Test
    void reader_rejects_labels_file_given_as_images() {
        Path p = fixture("images-with-labels-magic.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": magic number: found 0x00000801, expected 0x00000803 (IDX images)"
                        + " - is this a labels file?");
    }

    @Test
    void reader_rejects_images_file_given_as_labels() {
        Path p = fixture("labels-with-images-magic.idx");
        assertThatThrownBy(() -> reader.readLabels(p, 10)).isInstanceOf(UserException.class)
                .hasMessage(p + ": magic number: found 0x00000803, expected 0x00000801 (IDX labels)"
                        + " - is this an images file?");
    }

    @Test
    void reader_rejects_wrong_dimension_count() {
        Path p = fixture("images-magic-0802.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": magic number: found 0x00000802, expected 0x00000803 (IDX images)"
                        + " - byte 4 is the number of dimensions; IDX images have 3");
    }

    @Test
    void reader_rejects_nonzero_first_bytes() {
        Path p = fixture("images-nonzero-first-bytes.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": magic number: found 0x504B0803, expected 0x00000803 (IDX images)"
                        + " - the first two bytes of an IDX file are zero; this is not an IDX file");
    }

    @Test
    void reader_rejects_non_byte_data_type() {
        Path p = fixture("images-float-type.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": magic number: found 0x00000D03, expected 0x00000803 (IDX images)"
                        + " - byte 3 is the data type; only 0x08 (unsigned byte) is supported");
    }

    @Test
    void reader_rejects_zero_dimension() {
        Path p = fixture("images-zero-rows.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": dimension 1 (rows): found 0, expected a positive number - the header is corrupt");
    }

    @Test
    void reader_rejects_truncated_raw_images() {
        Path p = fixture("images-truncated.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": data: found 19 bytes, expected 24 (3 images of 2x4) - the file is truncated");
    }

    @Test
    void reader_rejects_truncated_gzip_images() {
        Path p = fixture("images-truncated.idx.gz");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": data: found 19 bytes, expected 24 (3 images of 2x4) - the file is truncated");
    }

    @Test
    void reader_rejects_trailing_bytes_raw_and_gzip() {
        for (String name : new String[] {"images-trailing.idx", "images-trailing.idx.gz"}) {
            Path p = fixture(name);
            assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                    .hasMessage(p + ": data: found more than 24 bytes, expected exactly 24 (3 images of 2x4)"
                            + " - trailing bytes after the data; the header count is wrong or the file is corrupt");
        }
    }

    @Test
    void reader_rejects_raw_header_claiming_billions_before_allocating() {
        Path p = fixture("images-billions.idx");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": data: found 24 bytes, expected 3367254359280 (4294967295 images of 28x28)"
                        + " - the file is truncated");
    }

    @Test
    void reader_rejects_gzip_header_claiming_billions_before_allocating() {
        Path p = fixture("images-billions.idx.gz");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": header: found 4294967295 images of 28x28 = 3367254359280 pixels, expected at most"
                        + " 100000000 - the header is corrupt (or raise the limit maxPixels)");
    }

    @Test
    void reader_rejects_label_out_of_range_when_classes_known() {
        Path p = fixture("labels-out-of-range.idx");
        assertThatThrownBy(() -> reader.readLabels(p, 10)).isInstanceOf(UserException.class)
                .hasMessage(p + ": label of item 1: found 10, expected 0..9 (10 classes)");
        assertThat(reader.readLabels(p, 0).data().label(1)).isEqualTo(10);
    }

    @Test
    void reader_rejects_images_and_labels_of_different_counts() {
        IdxImages images = reader.readImages(fixture("images.idx")).data();
        IdxLabels labels = reader.readLabels(fixture("labels-two.idx"), 10).data();
        assertThatThrownBy(() -> IdxReader.checkSameCount("a.idx", images, "b.idx", labels))
                .isInstanceOf(UserException.class)
                .hasMessage("a.idx and b.idx: found 3 images and 2 labels, expected the same count"
                        + " - are they from the same split?");
    }

    @Test
    void reader_rejects_damaged_gzip() {
        Path p = fixture("images-damaged.idx.gz");
        assertThatThrownBy(() -> reader.readImages(p)).isInstanceOf(UserException.class)
                .message().startsWith(p + ": gzip: found a damaged stream (")
                .endsWith("), expected valid gzip data - the file is corrupt; fetch it again");
    }

    @Test
    void reader_stops_a_gzip_bomb_at_the_first_byte_past_the_header_count(@TempDir Path dir) throws IOException {
        // 10 images of 28x28 claimed, followed by 256 MiB of zeros: about 260 KB compressed
        Path bomb = dir.resolve("bomb-images-idx3-ubyte.gz");
        writeBomb(bomb, 10, 256L << 20);
        assertThat(Files.size(bomb)).isLessThan(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.readImages(bomb)).isInstanceOf(UserException.class)
                .hasMessage(bomb + ": data: found more than 7840 bytes, expected exactly 7840 (10 images of 28x28)"
                        + " - trailing bytes after the data; the header count is wrong or the file is corrupt");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    }

    @Test
    void reader_bounds_gzip_pixels_by_the_configured_limit() {
        IdxReader small = new IdxReader(20);
        Path p = fixture("images.idx.gz");
        assertThatThrownBy(() -> small.readImages(p)).isInstanceOf(UserException.class)
                .hasMessage(p + ": header: found 3 images of 2x4 = 24 pixels, expected at most 20"
                        + " - the header is corrupt (or raise the limit maxPixels)");
    }

    @Test
    void reader_reads_from_a_stream_with_unknown_size() {
        byte[] gz = IdxFixtureGenerator.gzip(IdxFixtureGenerator.images(0x803, 3, 2, 4, IdxFixtureGenerator.PIXELS));
        IdxRead<IdxImages> read = reader.readImages("stream.gz", new ByteArrayInputStream(gz), -1);
        assertThat(read.data().pixels()).containsExactly(IdxFixtureGenerator.PIXELS);
        assertThat(read.fileBytes()).isEqualTo(gz.length);
    }

    /** Writes a gzip IDX images file whose header claims {@code count} 28x28 images, followed by many zeros. */
    static void writeBomb(Path file, int count, long zeros) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(ByteBuffer.allocate(16).putInt(0x803).putInt(count).putInt(28).putInt(28).array());
            byte[] block = new byte[1 << 20];
            for (long done = 0; done < zeros; done += block.length) {
                out.write(block);
            }
        }
    }

    static String sha256(byte[] bytes) {
        return IdxReader.hex(IdxReader.sha256().digest(bytes));
    }
}
