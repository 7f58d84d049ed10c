package dev.mlpmaven.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path temp;

    record Run(int exitCode, List<String> lines) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    Path experiment(String trainingKey) throws IOException {
        return experiment("quick", trainingKey);
    }

    Path experiment(String name, String trainingKey) throws IOException {
        return Files.writeString(temp.resolve(name + ".yaml"), """
                version: 1
                name: %s
                seed: 7
                dataset: fashion-mnist-sample
                model:
                  hidden: [16]
                optimizer:
                  type: sgd
                  learningRate: 0.1
                %s:
                  batchSize: 128
                  epochs: 1
                """.formatted(name, trainingKey));
    }

    @Test
    void usage_mistake_is_a_failure_line_and_exit_code_two() {
        Run r = run();

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        assertThat(r.lines()).singleElement().asString()
                .startsWith("FAILURE command line: found no command, expected train, fetch, evaluate or aggregate - usage: ");
    }

    @Test
    void bad_experiment_is_a_failure_naming_file_line_and_key() throws IOException {
        Path file = experiment("trainig");

        Run r = run("train", "--output-root", temp.resolve("out").toString(), file.toString());

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        Protocol.Message m = Protocol.parse(r.lines().get(r.lines().size() - 1));
        assertThat(m.tag()).isEqualTo(Protocol.FAILURE);
        assertThat(m.text()).startsWith(file + ":10:1: trainig: found unknown key 'trainig'");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void train_says_done_after_each_experiment_with_its_outputs_in_place() throws IOException {
        Path a = experiment("first", "training");
        Path b = experiment("second", "training");
        Path out = temp.resolve("mlp");

        Run r = run("train", "--output-root", out.toString(), "--offline", "--cache-dir", temp.resolve("cache").toString(),
                a.toString(), b.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).filteredOn(l -> l.startsWith("DONE ")).containsExactly("DONE first", "DONE second");
        assertThat(r.lines().indexOf("DONE first")).isLessThan(
                r.lines().indexOf(r.lines().stream().filter(l -> l.startsWith("INFO second: ")).findFirst().orElseThrow()));
        assertThat(out.resolve("first/model.mlp")).isRegularFile();
        assertThat(out.resolve("second/metrics.json")).isRegularFile();
        assertThat(r.lines()).noneMatch(l -> l.startsWith("PROGRESS"));
    }

    @Test
    void fetch_resolves_the_embedded_sample_and_says_so() throws IOException {
        Path file = experiment("training");

        Run r = run("fetch", "--offline", "--cache-dir", temp.resolve("cache").toString(), file.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).contains(
                "INFO mlp: quick: dataset fashion-mnist-sample is ready (6000 training and 1000 test images)");
    }

    @Test
    void missing_model_file_is_a_user_failure() {
        Run r = run("evaluate", "--model", temp.resolve("none.mlp").toString(), "--dataset", "fashion-mnist-sample");

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        assertThat(r.lines().get(r.lines().size() - 1)).startsWith("FAILURE ").contains("none.mlp");
    }

    @Test
    void error_description_names_each_cause() {
        Throwable t = new IllegalStateException("outer", new java.io.IOException("disk full"));
        assertThat(Main.describe(t))
                .isEqualTo("java.lang.IllegalStateException: outer; caused by java.io.IOException: disk full");
    }
}
