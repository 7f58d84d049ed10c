package dev.mlpmaven.engine.data.archive;

import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveExtractorTest {
    static final Path DIR = Path.of("src/test/resources/dev/mlpmaven/engine/data/archive");
    /** Small limits for the count and size cases, so their fixtures stay tiny. */
    static final ArchiveLimits SMALL = new ArchiveLimits(3, 2048, 2048, 100, 1 << 20);

    @TempDir
    Path tmp;

    static Path fixture(String name) {
        return DIR.resolve(name);
    }

    private String refused(String name, ArchiveLimits limits) {
        Path out = tmp.resolve("out");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> ArchiveExtractor.extract(fixture(name), out, limits));
        assertThat(t).as(name).isInstanceOf(UserException.class);
        return t.getMessage().replace(DIR.toString() + "/", "");
    }

    private String refused(String name) {
        return refused(name, ArchiveLimits.DEFAULTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"good.tar", "good.tgz", "good.tar.xz", "good.tar.bz2", "good.tar.zst", "good.zip"})
    void every_format_extracts_the_same_files(String name) throws IOException {
        Path out = tmp.resolve("out");
        List<String> files = ArchiveExtractor.extract(fixture(name), out, ArchiveLimits.DEFAULTS);
        assertThat(files).containsExactlyElementsOf(ArchiveFixtureGenerator.goodFiles());
        for (String f : files) {
            assertThat(Files.readAllBytes(out.resolve(f))).isEqualTo(ArchiveFixtureGenerator.CONTENT.get(f));
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(Files::isRegularFile).count()).isEqualTo(2);
        }
    }

    @Test
    void dot_prefixed_names_land_inside_the_folder() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(ArchiveExtractor.extract(fixture("dot-prefixed.tar.gz"), out, ArchiveLimits.DEFAULTS))
                .containsExactly("flowers/train.csv");
        assertThat(Files.readAllBytes(out.resolve("flowers/train.csv"))).isEqualTo(ArchiveFixtureGenerator.TABLE);
    }

    @Test
    void refuses_an_absolute_path() {
        assertThat(refused("absolute-path.tar")).isEqualTo("archive absolute-path.tar: entry /etc/evil.csv: found an"
                + " absolute path, expected a path inside the archive - the archive is unsafe to extract; nothing was"
                + " extracted");
    }

    @Test // Commons Compress reads a zip's backslashes as '/'
    void refuses_a_windows_absolute_path() {
        assertThat(refused("windows-absolute-path.zip")).isEqualTo("archive windows-absolute-path.zip: entry"
                + " C:/evil.csv: found an absolute path, expected a path inside the archive - the archive is unsafe"
                + " to extract; nothing was extracted");
    }

    @Test
    void refuses_a_parent_path() {
        assertThat(refused("parent-path.zip")).isEqualTo("archive parent-path.zip: entry ../evil.csv: found '..' in"
                + " the path, expected a path inside the archive - the archive is unsafe to extract; nothing was"
                + " extracted");
    }

    @Test
    void refuses_a_parent_path_inside_a_folder() {
        assertThat(refused("parent-inside-path.tar.gz")).isEqualTo("archive parent-inside-path.tar.gz: entry"
                + " flowers/../../evil.csv: found '..' in the path, expected a path inside the archive - the archive is"
                + " unsafe to extract; nothing was extracted");
    }

    @Test
    void refuses_a_symbolic_link_in_a_tar() {
        assertThat(refused("symlink.tar")).isEqualTo("archive symlink.tar: entry flowers/passwd: found a symbolic"
                + " link to /etc/passwd, expected regular files and folders - links are not extracted (they could point"
                + " outside the data); replace the link by the file");
    }

    @Test
    void refuses_a_hard_link_in_a_tar() {
        assertThat(refused("hardlink.tar")).isEqualTo("archive hardlink.tar: entry flowers/copy.csv: found a hard"
                + " link to flowers/train.csv, expected regular files and folders - links are not extracted (they could"
                + " point outside the data); replace the link by the file");
    }

    @Test
    void refuses_a_symbolic_link_in_a_zip() {
        assertThat(refused("symlink.zip")).isEqualTo("archive symlink.zip: entry flowers/passwd: found a symbolic"
                + " link to /etc/passwd, expected regular files and folders - links are not extracted (they could point"
                + " outside the data); replace the link by the file");
    }

    @Test
    void refuses_a_pipe() {
        assertThat(refused("fifo.tar")).isEqualTo("archive fifo.tar: entry flowers/pipe: found a device, pipe or"
                + " other special file, expected regular files and folders - remove it from the archive");
    }

    @Test
    void refuses_a_duplicate_entry() {
        assertThat(refused("duplicate.tar")).isEqualTo("archive duplicate.tar: entry flowers/train.csv: found it a"
                + " second time (entries 1 and 2), expected each path once - the archive is ambiguous; remove one of"
                + " them");
    }

    @Test
    void refuses_a_path_that_is_a_file_and_a_folder() {
        assertThat(refused("file-and-folder.tar")).isEqualTo("archive file-and-folder.tar: entry flowers: found it"
                + " both as a file and as a folder, expected one of them - the archive is ambiguous");
    }

    @Test
    void refuses_more_entries_than_the_limit() {
        assertThat(refused("four-entries.zip", SMALL)).isEqualTo("archive four-entries.zip: found more than 3"
                + " entries, expected at most 3 - split the data into several archives");
    }

    @Test
    void refuses_an_entry_larger_than_the_limit() {
        assertThat(refused("entry-3000-bytes.tar.gz", SMALL)).isEqualTo("archive entry-3000-bytes.tar.gz: entry"
                + " flowers/big.csv: found more than 2048 bytes when expanded, expected at most 2048 bytes per entry -"
                + " the file is too large or a decompression bomb");
    }

    @Test
    void refuses_entries_larger_than_the_total_limit() {
        assertThat(refused("two-1500-byte-entries.zip", SMALL)).isEqualTo("archive two-1500-byte-entries.zip: found"
                + " more than 2048 bytes when expanded, expected at most 2048 bytes in all - the archive is too large"
                + " or a decompression bomb");
    }

    @Test
    void refuses_a_zip_bomb_with_the_default_limits() {
        assertThat(refused("bomb.zip")).matches("archive bomb\\.zip: entry flowers/zeros\\.csv: found \\d+ bytes"
                + " expanded from \\d+ compressed \\(ratio \\d+\\), expected a ratio of at most 100 past the first"
                + " 1048576 bytes - this looks like a decompression bomb");
    }

    @Test
    void refuses_a_tar_xz_bomb_with_the_default_limits() {
        assertThat(refused("bomb.tar.xz")).matches("archive bomb\\.tar\\.xz: entry flowers/zeros\\.csv: found \\d+"
                + " bytes expanded from \\d+ compressed \\(ratio \\d+\\), expected a ratio of at most 100 past the first"
                + " 1048576 bytes - this looks like a decompression bomb");
    }

    @Test
    void refuses_a_file_that_is_not_an_archive() {
        assertThat(refused("not-an-archive.tar.gz")).isEqualTo("archive not-an-archive.tar.gz: found neither a zip"
                + " nor a tar archive, expected a zip or tar archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.bz2,"
                + " .tar.zst) - check the path");
    }

    @Test
    void refuses_compressed_data_that_is_not_a_tar() {
        assertThat(refused("gzip-not-tar.tar.gz")).isEqualTo("archive gzip-not-tar.tar.gz: found gzip data that is"
                + " not a tar archive, expected a zip or tar archive (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.bz2,"
                + " .tar.zst) - check the path");
    }

    @Test
    void refuses_a_truncated_archive() {
        assertThat(refused("truncated.tar.bz2")).startsWith("truncated.tar.bz2: found damaged bzip2 data (")
                .endsWith("), expected a complete archive or compressed file - the file is corrupt or cut short; fetch"
                        + " it again");
    }

    @Test
    void a_refused_archive_writes_nothing_outside_its_folder() throws IOException {
        refused("parent-path.zip");
        refused("absolute-path.tar");
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
    @Test
    void refuses_an_encrypted_zip_entry() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            z.putNextEntry(new java.util.zip.ZipEntry("flowers/train.csv"));
            z.write(ArchiveFixtureGenerator.TABLE);
            z.closeEntry();
        }
        byte[] b = bytes.toByteArray();
        b[6] |= 1; // bit 0 of the general purpose flag, "encrypted", in the local header ...
        for (int i = b.length - 4; i >= 0; i--) { // ... and in the central directory's entry (PK 1 2)
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                b[i + 8] |= 1;
                break;
            }
        }
        Path zip = tmp.resolve("encrypted.zip");
        Files.write(zip, b);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> ArchiveExtractor.extract(zip, tmp.resolve("out"), ArchiveLimits.DEFAULTS));
        assertThat(t).isInstanceOf(UserException.class).hasMessage("archive " + zip + ": entry flowers/train.csv:"
                + " found an encrypted entry or an unsupported compression method, expected stored or deflated data -"
                + " write the archive without encryption");
    }
}
