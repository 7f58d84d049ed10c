package dev.mlpmaven.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.io.OutputPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicOutputTest {
    @TempDir
    Path root;

    private Path finalDir() {
        return root.resolve("mlp").resolve("run");
    }

    private void oldCompleteRun() throws IOException {
        Files.createDirectories(finalDir());
        Files.writeString(finalDir().resolve("metrics.json"), "old");
        Files.writeString(finalDir().resolve("only-in-old.txt"), "old");
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void nothing_appears_under_the_final_name_before_commit() throws IOException {
        try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
            Files.writeString(out.dir().resolve("metrics.json"), "new");
            assertThat(finalDir()).doesNotExist();
            assertThat(out.dir().getParent()).isEqualTo(finalDir().getParent());
            assertThat(out.dir().getFileName().toString()).startsWith(".run.staging-" + ProcessHandle.current().pid() + "-");
            out.commit();
        }
        assertThat(Files.readString(finalDir().resolve("metrics.json"))).isEqualTo("new");
    }

    @Test
    void commit_replaces_the_whole_old_folder_and_leaves_no_hidden_folders() throws IOException {
        oldCompleteRun();
        try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
            Files.writeString(out.dir().resolve("metrics.json"), "new");
            assertThat(Files.readString(finalDir().resolve("metrics.json"))).isEqualTo("old");
            assertThat(out.commit()).isEqualTo(finalDir().toAbsolutePath());
        }
        assertThat(names(finalDir())).containsExactly("metrics.json");
        assertThat(names(finalDir().getParent())).containsExactly("run");
    }

    @Test
    void a_failure_before_commit_keeps_the_old_output_and_deletes_the_staging_folder() throws IOException {
        oldCompleteRun();
        assertThatThrownBy(() -> {
            try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
                Files.writeString(out.dir().resolve("metrics.json"), "half");
                throw new IOException("No space left on device");
            }
        }).hasMessage("No space left on device");
        assertThat(names(finalDir())).containsExactly("metrics.json", "only-in-old.txt");
        assertThat(Files.readString(finalDir().resolve("metrics.json"))).isEqualTo("old");
        assertThat(names(finalDir().getParent())).containsExactly("run");
    }

    @Test
    void commit_twice_is_a_programming_error() {
        try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
            out.commit();
            assertThatThrownBy(out::commit).isInstanceOf(IllegalStateException.class)
                    .hasMessage("output " + finalDir().toAbsolutePath() + " was already committed or closed");
        }
    }

    @Test
    void begin_deletes_the_staging_folder_of_a_dead_process_but_not_of_a_live_one() throws Exception {
        Process gone = new ProcessBuilder(javaBinary(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor(60, TimeUnit.SECONDS);
        Path parent = finalDir().getParent();
        Path dead = parent.resolve(".run.staging-" + gone.pid() + "-abc");
        Path deadOld = parent.resolve(".run.old-" + gone.pid() + "-abd");
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        Path live = parent.resolve(".run.staging-" + livePid + "-abe");
        Path otherName = parent.resolve(".other.staging-" + gone.pid() + "-abf");
        for (Path p : List.of(dead, deadOld, live, otherName)) {
            Files.createDirectories(p.resolve("sub"));
            Files.writeString(p.resolve("sub").resolve("model.mlp"), "x");
        }
        try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
            assertThat(dead).doesNotExist();
            assertThat(deadOld).doesNotExist();
            assertThat(live).exists();
            assertThat(otherName).exists();
        }
    }

    @Test
    void a_killed_jvm_leaves_no_final_named_output_and_the_next_run_cleans_up() throws Exception {
        oldCompleteRun();
        Process p = startKilledRun();
        Path staging = waitForStaged(p);
        assertThat(staging.resolve("model.mlp")).exists();
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(names(finalDir())).containsExactly("metrics.json", "only-in-old.txt");
        assertThat(Files.readString(finalDir().resolve("metrics.json"))).isEqualTo("old");
        assertThat(staging).exists(); // SIGKILL runs no cleanup; only a hidden folder is left

        try (AtomicOutput next = AtomicOutput.begin(finalDir().getParent(), "run")) {
            assertThat(staging).doesNotExist();
        }
        assertThat(names(finalDir().getParent())).containsExactly("run");
    }

    @Test
    void a_terminated_jvm_deletes_its_staging_folder_on_the_way_out() throws Exception {
        Process p = startKilledRun();
        Path staging = waitForStaged(p);
        p.destroy(); // SIGTERM, as Ctrl-C or a killed Maven fork
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(staging).doesNotExist();
        assertThat(finalDir()).doesNotExist();
    }

    @Test
    void dot_dot_dot_and_paths_as_names_are_refused_before_anything_is_created_or_deleted() throws IOException {
        Path project = root.resolve("project");
        Path outputRoot = project.resolve("models");
        Files.createDirectories(outputRoot.resolve("other"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.writeString(outputRoot.resolve("other/model.mlp"), "other experiment");
        for (String name : List.of("..", ".", "", "../project", "a/b", ".hidden", ".run.staging-1-x", "x".repeat(213))) {
            assertThatThrownBy(() -> AtomicOutput.begin(outputRoot, name)).isInstanceOf(UserException.class)
                    .hasMessage(String.format(OutputPaths.NOT_A_FOLDER_NAME, name.length() > 40
                            ? name.substring(0, 40) + "... (" + name.length() + " characters)" : name, outputRoot));
        }
        assertThat(Files.readString(project.resolve("pom.xml"))).isEqualTo("<project/>");
        assertThat(Files.readString(outputRoot.resolve("other/model.mlp"))).isEqualTo("other experiment");
        assertThat(names(outputRoot)).containsExactly("other");
        assertThat(names(project)).containsExactly("models", "pom.xml");
    }

    @Test
    void the_longest_name_fits_the_file_system_with_its_staging_suffix() throws IOException {
        String name = "n".repeat(OutputPaths.MAX_NAME_BYTES);
        assertThat(OutputPaths.MAX_NAME_BYTES).isGreaterThanOrEqualTo(dev.mlpmaven.config.Experiment.NAME_MAX_LENGTH);
        Path outputRoot = root.resolve("mlp");
        try (AtomicOutput out = AtomicOutput.begin(outputRoot, name)) {
            Files.writeString(out.dir().resolve("metrics.json"), "new");
            out.commit();
        }
        try (AtomicOutput out = AtomicOutput.begin(outputRoot, name)) { // renames the first aside: the old suffix
            out.commit();
        }
        assertThat(names(outputRoot)).containsExactly(name);
        // the longest suffix the staging folder can get: a 19-digit pid and a 13-digit random part
        Path longest = outputRoot.resolve("." + name + ".staging-" + "9".repeat(19) + "-" + "z".repeat(13));
        Files.createDirectory(longest);
        assertThat(longest.getFileName().toString().length()).isEqualTo(255);
    }

    @Test
    void a_final_folder_that_is_a_link_is_replaced_without_touching_what_it_points_to() throws IOException {
        Path elsewhere = root.resolve("project");
        Files.createDirectories(elsewhere.resolve("src"));
        Files.writeString(elsewhere.resolve("pom.xml"), "<project/>");
        Files.createDirectories(finalDir().getParent());
        Files.createSymbolicLink(finalDir(), elsewhere);
        try (AtomicOutput out = AtomicOutput.begin(finalDir().getParent(), "run")) {
            Files.writeString(out.dir().resolve("metrics.json"), "new");
            out.commit();
        }
        assertThat(Files.isSymbolicLink(finalDir())).isFalse();
        assertThat(names(finalDir())).containsExactly("metrics.json");
        assertThat(names(elsewhere)).containsExactly("pom.xml", "src");
    }

    @Test
    void nothing_outside_the_output_root_is_ever_deleted_or_renamed() throws IOException {
        Path outputRoot = Files.createDirectories(root.resolve("project/target/mlp"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(outputRoot.resolve("link"), outside);
        for (Path p : List.of(outputRoot, outputRoot.resolve(".."), outputRoot.resolve("x/../.."),
                outputRoot.resolve("link/file"), root.resolve("project/pom.xml"))) {
            assertThatThrownBy(() -> OutputPaths.requireInside(outputRoot, p)).isInstanceOf(UserException.class)
                    .hasMessage(String.format(OutputPaths.OUTSIDE, p, outputRoot));
            assertThatThrownBy(() -> AtomicOutput.deleteQuietly(outputRoot, p)).isInstanceOf(UserException.class);
        }
        assertThat(OutputPaths.requireInside(outputRoot, outputRoot.resolve("link")))
                .isEqualTo(outputRoot.toRealPath().resolve("link"));
        assertThat(outside).exists();
        assertThat(root.resolve("project")).exists();
    }

    private Process startKilledRun() throws IOException {
        return new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                KilledRunMain.class.getName(), finalDir().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static Path waitForStaged(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("first line of the child JVM").startsWith("STAGED ");
        return Path.of(line.substring("STAGED ".length()));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
