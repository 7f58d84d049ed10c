package dev.mlpmaven.plugin;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class ReportArchiveTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path temp;

    private final TimeZone zone = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    private Path experiment(String root, long mtime) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(root).resolve("quick"));
        for (String f : new String[]{"report.html", "loss.png", "confusion.png", "experiment.json", "metrics.json",
                "history.csv", "provenance.json", "model.mlp", "fingerprint"}) {
            Path p = Files.writeString(dir.resolve(f), "content of " + f);
            Files.setLastModifiedTime(p, FileTime.fromMillis(mtime));
        }
        return dir;
    }

    @Test
    void two_builds_at_other_times_and_in_other_zones_write_the_same_bytes() throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        Path first = ReportArchive.write(experiment("a", 1_000_000_000_000L), T);
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        Path second = ReportArchive.write(experiment("b", 1_600_000_000_000L), T);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void entries_are_the_report_files_only_in_name_order_dated_by_the_timestamp_with_mode_644() throws IOException {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path zip = ReportArchive.write(experiment("a", 1_000_000_000_000L), T);

        assertThat(zip).isEqualTo(temp.resolve("a/quick-report.zip"));
        List<String> names = new ArrayList<>();
        try (ZipFile z = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry e : Collections.list(z.getEntries())) {
                names.add(e.getName());
                assertThat(e.getTime()).isEqualTo(T.toEpochMilli());
                assertThat(e.getUnixMode()).isEqualTo(0100644);
                assertThat(e.getExtraFields()).isEmpty();
            }
        }
        assertThat(names).containsExactly("quick/confusion.png", "quick/experiment.json", "quick/loss.png",
                "quick/report.html");
        try (var files = Files.list(temp.resolve("a"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void a_folder_without_a_report_gets_no_archive() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("c/quick"));
        Files.writeString(dir.resolve("model.mlp"), "m");

        assertThat(ReportArchive.write(dir, T)).isNull();
        assertThat(ReportArchive.fileFor(dir)).doesNotExist();
    }
}
