package dev.mlpmaven.engine.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void writes_the_text_creating_missing_folders_and_leaves_no_temporary_file() throws IOException {
        Path target = tmp.resolve("a/b/metrics.json");

        AtomicFiles.writeString(target, "{\"x\": \"\u00e9\"}\n");

        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("{\"x\": \"\u00e9\"}\n");
        assertThat(names(target.getParent())).containsExactly("metrics.json");
    }

    @Test
    void replaces_an_existing_file() throws IOException {
        Path target = tmp.resolve("report.html");
        Files.writeString(target, "old, longer content");

        AtomicFiles.write(target, new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        assertThat(names(tmp)).containsExactly("report.html");
    }

    @Test
    void writes_buffer_parts_back_to_back_from_their_positions() throws IOException {
        Path target = tmp.resolve("entry");
        ByteBuffer header = ByteBuffer.wrap(new byte[] {9, 9, 1, 2});
        header.position(2);

        AtomicFiles.write(target, header, ByteBuffer.wrap(new byte[] {3, 4}));

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void a_failed_write_names_the_file_leaves_the_target_untouched_and_no_temporary_file() throws IOException {
        Path target = tmp.resolve("model.mlp");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1}))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + target + ": ")
                .hasCauseInstanceOf(IOException.class);
        assertThat(target.resolve("keep")).hasContent("x");
        assertThat(names(tmp)).containsExactly("model.mlp");
    }
}
