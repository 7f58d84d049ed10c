package dev.mlpmaven.plugin.fork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {
    @TempDir
    Path temp;

    private Path jar(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void first_fork_writes_the_archive_under_a_temporary_name_and_success_moves_it_into_place() throws IOException {
        List<Path> cp = List.of(jar("a.jar", "a"));
        ClassDataArchive first = ClassDataArchive.of(temp.resolve("cache"), "/jdk", "17", cp);
        assertThat(first.exists()).isFalse();
        List<String> args = first.jvmArgs();
        assertThat(args).hasSize(3).startsWith(ClassDataArchive.QUIET, ClassDataArchive.ERRORS);
        assertThat(first.isWriting()).isTrue();
        assertThat(args.get(2)).startsWith("-XX:ArchiveClassesAtExit=").doesNotEndWith(first.file().toString());
        Files.writeString(Path.of(args.get(2).substring("-XX:ArchiveClassesAtExit=".length())), "archive");

        assertThat(first.finish(0)).isTrue();
        assertThat(first.file()).hasContent("archive");
        ClassDataArchive next = ClassDataArchive.of(temp.resolve("cache"), "/jdk", "17", cp);
        assertThat(next.exists()).isTrue();
        assertThat(next.jvmArgs()).containsExactly(ClassDataArchive.QUIET, "-XX:SharedArchiveFile=" + next.file());
    }

    @Test
    void failed_fork_leaves_no_archive_behind() throws IOException {
        ClassDataArchive a = ClassDataArchive.of(temp.resolve("cache"), "/jdk", "17", List.of(jar("a.jar", "a")));
        String arg = a.jvmArgs().get(2);
        Files.writeString(Path.of(arg.substring(arg.indexOf('=') + 1)), "half");

        assertThat(a.finish(1)).isFalse();
        try (var files = Files.list(temp.resolve("cache/cds"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void archive_changes_with_the_jdk_and_with_a_rebuilt_jar() throws IOException {
        Path jar = jar("a.jar", "a");
        String before = ClassDataArchive.key("/jdk", "17", List.of(jar));
        assertThat(ClassDataArchive.key("/jdk", "17", List.of(jar))).isEqualTo(before);
        assertThat(ClassDataArchive.key("/jdk", "17.0.2", List.of(jar))).isNotEqualTo(before);
        assertThat(ClassDataArchive.key("/other-jdk", "17", List.of(jar))).isNotEqualTo(before);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        assertThat(ClassDataArchive.key("/jdk", "17", List.of(jar))).isNotEqualTo(before);
    }

    @Test
    void user_choice_of_class_data_sharing_in_arg_line_wins() {
        assertThat(ClassDataArchive.chosenBy(List.of("-Xmx2g", "-Xshare:off"))).isTrue();
        assertThat(ClassDataArchive.chosenBy(List.of("-XX:SharedArchiveFile=/x.jsa"))).isTrue();
        assertThat(ClassDataArchive.chosenBy(List.of("-XX:ArchiveClassesAtExit=/x.jsa"))).isTrue();
        assertThat(ClassDataArchive.chosenBy(List.of("-Xmx2g"))).isFalse();
    }
}
