package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment files written to do harm: {@code extends} aimed at secrets, files too large to read, FIFOs that would
 * block a reader, values long enough to flood a log. Each ends with its exact message, at once (the timeouts
 * guard against a hang, they do not measure speed), and no message carries a secret.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {
    private static final String SECRET = "s3cr3t-Pa55w0rd";

    @TempDir
    Path tmp;
    private Path project;
    private Path outside;

    @BeforeEach
    void machineWithSecrets() throws IOException {
        project = Files.createDirectories(tmp.resolve("project"));
        outside = Files.createDirectories(tmp.resolve("home/.m2"));
        Files.writeString(outside.resolve("settings.xml"), "<settings>\n  <servers>\n    <server>\n"
                + "      <id>central</id>\n      <password>" + SECRET + "</password>\n    </server>\n"
                + "  </servers>\n</settings>\n");
        Files.writeString(outside.resolve("passwd.yaml"), "root:x:0:0:" + SECRET + ":/root:/bin/bash\n");
        Files.writeString(outside.resolve("secrets.yaml"), "password: " + SECRET + "\nname: " + SECRET + " x\n");
    }

    private Path experiment(String yaml) throws IOException {
        Path file = project.resolve("src/main/mlp/e.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> problems(Path file) {
        List<String> found = ExperimentLoader.validate(file, Map.of(), project).stream().map(Problem::format)
                .toList();
        assertThat(String.join("\n", found)).doesNotContain(SECRET);
        return found;
    }

    @Test
    void extends_refuses_an_absolute_path_without_reading_it() throws IOException {
        Path file = experiment("name: x\nextends: " + outside.resolve("settings.xml") + "\n");
        assertThat(problems(file)).containsExactly(file + ":2:10: extends: " + String.format(
                Messages.EXTENDS_ABSOLUTE, outside.resolve("settings.xml"), file, project));
    }

    @Test
    void extends_refuses_a_path_that_climbs_out_of_the_project() throws IOException {
        Path file = experiment("name: x\nextends: ../../../../home/.m2/passwd.yaml\n");
        assertThat(problems(file)).containsExactly(file + ":2:10: extends: " + String.format(
                Messages.EXTENDS_OUTSIDE, "../../../../home/.m2/passwd.yaml", outside.resolve("passwd.yaml"), project,
                project));
    }

    @Test
    void extends_refuses_a_link_in_the_project_that_leads_out_of_it() throws IOException {
        Path file = experiment("name: x\nextends: ../base.yaml\n");
        Files.createSymbolicLink(project.resolve("src/main/base.yaml"), outside.resolve("secrets.yaml"));
        assertThat(problems(file)).containsExactly(file + ":2:10: extends: " + String.format(
                Messages.EXTENDS_OUTSIDE, "../base.yaml", outside.resolve("secrets.yaml").toRealPath(), project,
                project));
    }

    @Test
    void extends_refuses_a_file_that_is_not_yaml_even_inside_the_project() throws IOException {
        Files.copy(outside.resolve("settings.xml"), project.resolve("settings.xml"));
        Path file = experiment("name: x\nextends: ../../../settings.xml\n");
        assertThat(problems(file)).containsExactly(file + ":2:10: extends: "
                + String.format(Messages.EXTENDS_NOT_YAML, "../../../settings.xml"));
    }

    @Test
    void a_base_file_that_is_not_a_mapping_is_named_by_its_kind_never_by_its_content() throws IOException {
        Files.copy(outside.resolve("passwd.yaml"), project.resolve("base.yaml"));
        Path file = experiment("name: x\nextends: ../../../base.yaml\n");
        assertThat(problems(file)).containsExactly(project.resolve("base.yaml") + ":1:1: (document): "
                + String.format(Messages.ROOT_NOT_MAP, "a string"));
    }

    @Test
    void a_syntax_error_in_a_base_file_does_not_quote_its_lines() throws IOException {
        Files.writeString(project.resolve("base.yaml"), "optimizer:\n  password: \"" + SECRET + "\n");
        Files.writeString(project.resolve("base2.yaml"), "token: " + SECRET + ": " + SECRET + "\n");
        Files.writeString(project.resolve("base3.yaml"), "- " + SECRET + "\n" + SECRET + ": [\n");
        for (String base : List.of("base.yaml", "base2.yaml", "base3.yaml")) {
            Path file = experiment("name: x\nextends: ../../../" + base + "\n");
            List<String> found = problems(file);
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).startsWith(project.resolve(base) + ":").contains(": (document): found invalid YAML");
        }
    }

    @Test
    void a_wider_extends_root_admits_a_base_above_the_project() throws IOException {
        Files.writeString(tmp.resolve("shared.yaml"), "training: {epochs: 3}\n");
        Path file = experiment("name: x\nextends: ../../../../shared.yaml\n");
        assertThat(ExperimentLoader.load(file, Map.of(), tmp).training().epochs()).isEqualTo(3);
        assertThat(problems(file)).hasSize(1);
    }

    @Test
    void extends_refuses_a_fifo_without_opening_it() throws Exception {
        Path fifo = fifo(project.resolve("pipe.yaml"));
        Path file = experiment("name: x\nextends: ../../../pipe.yaml\n");
        assertThat(problems(file)).containsExactly(file + ":2:10: extends: "
                + String.format(Messages.EXTENDS_NOT_A_FILE, "a named pipe (FIFO)", fifo));
    }

    @Test
    void an_experiment_file_that_is_a_fifo_or_a_directory_is_named_as_such() throws Exception {
        Path fifo = fifo(project.resolve("e.yaml"));
        assertThat(problems(fifo)).containsExactly(fifo + ": (document): "
                + String.format(Messages.NOT_A_FILE, "a named pipe (FIFO)"));
        Path dir = Files.createDirectories(project.resolve("d.yaml"));
        assertThat(problems(dir)).containsExactly(dir + ": (document): "
                + String.format(Messages.NOT_A_FILE, "a directory"));
    }

    @Test
    void files_of_ten_and_fifty_megabytes_are_refused_before_they_are_read() throws IOException {
        for (long size : new long[]{10_000_000L, 50_000_000L}) {
            Path file = project.resolve("big-" + size + ".yaml");
            Files.writeString(file, "name: ");
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(size); // sparse: one long scalar of NUL bytes, never read
            }
            assertThat(problems(file)).containsExactly(file + ": (document): "
                    + String.format(Messages.FILE_TOO_LARGE, size, YamlReader.MAX_BYTES));
        }
    }

    @Test
    void a_long_value_is_quoted_by_its_first_forty_characters_and_its_length() throws IOException {
        String value = "v".repeat(100_000);
        String key = "k".repeat(1000); // YAML allows implicit keys of up to 1024 characters
        Path file = experiment("name: " + value + "\noptimizer: {type: " + value + "}\n" + key + ": 1\n");
        assertThat(problems(file)).containsExactly(
                file + ":1:7: name: " + String.format(Messages.NAME_TOO_LONG, "v".repeat(40)
                        + "... (100000 characters)", Experiment.NAME_MAX_LENGTH),
                file + ":2:19: optimizer.type: found '" + "v".repeat(40) + "... (100000 characters)', expected one of"
                        + " sgd, adam, adamw, rmsprop - e.g. type: adam",
                file + ":3:1: " + "k".repeat(40) + "... (1000 characters): found unknown key '" + "k".repeat(40)
                        + "... (1000 characters)', expected a key of the experiment - valid keys: version, name,"
                        + " seed, extends, dataset, model, optimizer, training, sweep");
    }

    @Test
    void an_override_longer_than_a_file_may_be_is_refused_before_it_is_parsed() throws IOException {
        Path file = experiment("name: x\n");
        String value = "[" + "1, ".repeat(100_000) + "1]";
        assertThat(ExperimentLoader.validate(file, Map.of("model.hidden", value), project)).extracting(Problem::format)
                .containsExactly("<override mlp.set.model.hidden>: model.hidden: " + String.format(
                        Messages.OVERRIDE_TOO_LONG, value.length(), YamlReader.MAX_BYTES));
    }

    @Test
    void deep_nesting_is_a_syntax_error_not_a_stack_overflow() throws IOException {
        Path file = experiment("name: x\nmodel: " + "[".repeat(100_000) + "\n");
        List<String> found = problems(file);
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith(file + ":").contains(": (document): found invalid YAML");
    }

    @Test
    void a_data_file_that_is_a_directory_or_a_fifo_is_named_as_such() throws Exception {
        Files.createDirectories(project.resolve("data/train.idx"));
        fifo(project.resolve("data/labels.idx"));
        Files.writeString(project.resolve("data/test.idx"), "x");
        Path file = experiment("name: x\ndataset: {trainImages: ../../../data/train.idx, trainLabels: ../../../data/labels.idx,"
                + " testImages: ../../../data/test.idx, testLabels: ../../../data/none.idx}\n");
        assertThat(problems(file)).containsExactly(
                file + ":2:24: dataset.trainImages: " + String.format(Messages.DATA_FILE_NOT_A_FILE, "a directory",
                        project.resolve("data/train.idx")),
                file + ":2:62: dataset.trainLabels: " + String.format(Messages.DATA_FILE_NOT_A_FILE,
                        "a named pipe (FIFO)", project.resolve("data/labels.idx")),
                file + ":2:136: dataset.testLabels: " + String.format(Messages.DATA_FILE_MISSING,
                        project.resolve("data/none.idx")));
    }

    @Test
    void a_data_file_that_is_a_device_is_named_as_such() throws IOException {
        Files.createDirectories(project.resolve("data"));
        Path device = Files.createSymbolicLink(project.resolve("data/dev.idx"), Path.of("/dev/null"));
        String d = "../../../data/dev.idx";
        Path file = experiment("name: x\ndataset: {trainImages: " + d + ", trainLabels: " + d + ", testImages: " + d
                + ", testLabels: " + d + "}\n");
        String problem = ": " + String.format(Messages.DATA_FILE_NOT_A_FILE, "a character device", device);
        assertThat(problems(file)).containsExactly(file + ":2:24: dataset.trainImages" + problem,
                file + ":2:60: dataset.trainLabels" + problem, file + ":2:95: dataset.testImages" + problem,
                file + ":2:130: dataset.testLabels" + problem);
        assertThat(problem).isEqualTo(": found a character device at " + device + ", expected a regular file"
                + " - name the data file itself");
    }

    @Test
    void an_unreadable_data_file_is_named_with_the_reason() throws Exception {
        Files.createDirectories(project.resolve("data"));
        for (String n : List.of("train-images.idx", "train-labels.idx", "test-images.idx", "test-labels.idx")) {
            Files.writeString(project.resolve("data/" + n), "x");
        }
        Path locked = project.resolve("data/train-labels.idx");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        Path file = experiment("name: x\ndataset: {trainImages: ../../../data/train-images.idx, trainLabels:"
                + " ../../../data/train-labels.idx, testImages: ../../../data/test-images.idx, testLabels:"
                + " ../../../data/test-labels.idx}\n");
        String expected = file + ":2:69: dataset.trainLabels: found a file at " + locked + " that cannot be read"
                + " (permission denied), expected a readable file - check its permissions";
        // root reads through every permission bit; in a user namespace of its own it has no such privilege
        List<String> found = "root".equals(System.getProperty("user.name"))
                ? ProblemsInAUserNamespace.validate(file, project) : problems(file);
        assertThat(found).containsExactly(expected);
    }

    @Test
    void reasons_name_what_went_wrong_in_words() {
        assertThat(FileKind.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(FileKind.reason(new java.nio.file.NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(FileKind.reason(new java.nio.file.FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("is a directory");
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo(FileKind.CHARACTER_DEVICE);
    }

    private static Path fifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
        return path;
    }
}
