package dev.mlpmaven.engine.data.archive;

import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class CompressedFilesTest {
    @ParameterizedTest
    @CsvSource({"table.csv,none", "table-gzip.csv,gzip", "table-xz.csv,xz", "table-bzip2.csv,bzip2",
            "table-zstd.csv,zstd"})
    void compression_is_recognised_by_magic_bytes_not_by_name(String file, String compression) throws IOException {
        try (CompressedFiles.Opened o = CompressedFiles.open(ArchiveExtractorTest.fixture(file), ArchiveLimits.DEFAULTS)) {
            assertThat(o.compression().id()).isEqualTo(compression);
            assertThat(o.content().readAllBytes()).isEqualTo(ArchiveFixtureGenerator.TABLE);
        }
    }

    @Test
    void a_compressed_file_bomb_stops_at_the_ratio_limit() {
        Throwable t = catchThrowable(() -> {
            try (CompressedFiles.Opened o = CompressedFiles.open(ArchiveExtractorTest.fixture("bomb.csv.gz"),
                    ArchiveLimits.DEFAULTS)) {
                o.content().readAllBytes();
            }
        });
        assertThat(t).isInstanceOf(UserException.class);
        assertThat(t.getMessage().replace(ArchiveExtractorTest.DIR + "/", "")).matches("bomb\\.csv\\.gz: found \\d+"
                + " bytes expanded from \\d+ compressed \\(ratio \\d+\\), expected a ratio of at most 100 past the first"
                + " 1048576 bytes - this looks like a decompression bomb");
    }

    @Test
    void a_truncated_compressed_file_is_reported_as_damaged() {
        Throwable t = catchThrowable(() -> {
            try (CompressedFiles.Opened o = CompressedFiles.open(ArchiveExtractorTest.fixture("truncated.csv.xz"),
                    ArchiveLimits.DEFAULTS)) {
                o.content().readAllBytes();
            }
        });
        assertThat(t).isInstanceOf(UserException.class);
        assertThat(t.getMessage().replace(ArchiveExtractorTest.DIR + "/", "")).startsWith(
                "truncated.csv.xz: found damaged xz data (").endsWith("), expected a complete archive or compressed"
                + " file - the file is corrupt or cut short; fetch it again");
    }

    @Test
    void plain_text_that_starts_like_bzip2_is_not_taken_for_it() throws IOException {
        byte[] text = "BZh1,col\n1,2\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (CompressedFiles.Opened o = CompressedFiles.open("t.csv", new java.io.ByteArrayInputStream(text),
                ArchiveLimits.DEFAULTS)) {
            assertThat(o.compression()).isEqualTo(Compression.NONE);
            InputStream in = o.content();
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }
}
