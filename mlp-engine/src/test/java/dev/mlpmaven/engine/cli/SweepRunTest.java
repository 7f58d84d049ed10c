package dev.mlpmaven.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.Sweep;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Trials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.mlpmaven.engine.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Sweeps in the engine's command line: trials trained into their folders, a sweep's board, aggregate. */
class SweepRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path temp;
    static Path file;
    static Path out;
    static MainTest.Run trained;
    static Sweep sweep;

    static Path sweepFile(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                seed: 7
                model: {hidden: [8]}
                optimizer: {type: sgd, momentum: 0.9}
                training: {batchSize: 128, epochs: 1, threads: 1}
                sweep:
                  parameters:
                    optimizer.learningRate: {values: [0.1, 0.05, 0.01]}
                """.formatted(name));
    }

    @BeforeAll
    static void trainTheSweep() throws IOException {
        file = sweepFile(temp, "lr");
        out = temp.resolve("mlp");
        trained = run("train", "--output-root", out.toString(), "--offline", "--cache-dir",
                temp.resolve("cache").toString(), file.toString());
        sweep = ExperimentLoader.plan(file, Map.of()).sweep();
    }

    static List<String> ids() {
        return sweep.trials().stream().map(Trials::id).toList();
    }

    @Test
    void each_trial_is_trained_into_its_folder_with_its_trial_json_and_said_done() throws IOException {
        assertThat(trained.exitCode()).as(String.join("\n", trained.lines())).isZero();
        assertThat(trained.lines()).filteredOn(l -> l.startsWith("DONE "))
                .containsExactlyElementsOf(ids().stream().map(id -> "DONE lr-" + id).toList());
        for (String id : ids()) {
            Path dir = Trials.folder(out, "lr", id);
            assertThat(dir.resolve("model.mlp")).isRegularFile();
            assertThat(dir.resolve("report.html")).isRegularFile();
            JsonNode trial = JSON.readTree(dir.resolve(Trials.TRIAL_FILE).toFile());
            assertThat(trial.get("sweep").asText()).isEqualTo("lr");
            assertThat(trial.get("id").asText()).isEqualTo(id);
            assertThat(trial.get("trials").asInt()).isEqualTo(3);
            assertThat(JSON.readTree(dir.resolve("metrics.json").toFile()).get("name").asText())
                    .isEqualTo("lr-" + id);
        }
        assertThat(ids()).allMatch(id -> id.matches("[0-9a-f]{12}")).doesNotHaveDuplicates();
    }

    @Test
    void the_sweep_folder_has_its_leaderboard_best_first() throws IOException {
        JsonNode board = JSON.readTree(out.resolve("lr/leaderboard.json").toFile());
        JsonNode lr = board.get("sweeps").get(0);
        assertThat(lr.get("found").asInt()).isEqualTo(3);
        List<Double> values = new ArrayList<>();
        lr.get("rows").forEach(r -> values.add(r.get("value").asDouble()));
        assertThat(values).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(lr.get("rows").get(0).get("best").asBoolean()).isTrue();
        assertThat(lr.get("best").asText()).isEqualTo(lr.get("rows").get(0).get("id").asText());
        String html = Files.readString(out.resolve("lr/index.html"));
        assertThat(html).contains("<tr class=\"best\">").contains("chart-lr-1.png")
                .contains("href=\"trials/" + lr.get("best").asText() + "/report.html\"");
        assertThat(out.resolve("lr/chart-lr-1.png")).isRegularFile();
        assertThat(Files.readString(out.resolve("lr/leaderboard.csv")).lines().findFirst().orElseThrow())
                .isEqualTo("sweep,rank,best,id,name,optimizer.learningRate,metric,value,validation_accuracy,"
                        + "validation_loss,test_accuracy,test_loss,epochs,seconds,diverged,folder");
        assertThat(Files.readString(out.resolve("lr/summary.md"))).contains("#### sweep lr: validation\\_accuracy"
                + " (maximize), 3 of 3 trials");
    }

    @Test
    void trials_in_two_roots_aggregate_to_the_board_of_one_root() throws IOException {
        // as CI shards: each root holds some of the trials (trained from the same file: see the sweep ITs)
        Path a = temp.resolve("shard-1");
        Path b = temp.resolve("shard-2");
        List<String> ids = ids();
        copyTree(Trials.folder(out, "lr", ids.get(0)), Trials.folder(a, "lr", ids.get(0)));
        copyTree(Trials.folder(out, "lr", ids.get(2)), Trials.folder(a, "lr", ids.get(2)));
        copyTree(Trials.folder(out, "lr", ids.get(1)), Trials.folder(b.resolve("target/mlp"), "lr", ids.get(1)));

        MainTest.Run merged = run("aggregate", "--output-root", temp.resolve("agg").toString(), a.toString(),
                b.toString());
        MainTest.Run single = run("aggregate", "--output-root", temp.resolve("one").toString(), out.toString());

        assertThat(merged.exitCode()).as(String.join("\n", merged.lines())).isZero();
        assertThat(rows(temp.resolve("agg"))).isEqualTo(rows(temp.resolve("one"))).hasSize(3);
        assertThat(merged.lines()).anyMatch(l -> l.startsWith("INFO mlp: sweep lr (3 of 3 trials): best trial "));
        assertThat(single.lines()).anyMatch(l -> l.startsWith("INFO mlp: leaderboard of 1 sweep(s) with 3 trial(s)"));
    }

    @Test
    void a_sweep_with_a_missing_shard_is_a_warning() throws IOException {
        Path part = temp.resolve("part");
        copyTree(Trials.folder(out, "lr", ids().get(1)), Trials.folder(part, "lr", ids().get(1)));

        MainTest.Run r = run("aggregate", "--output-root", temp.resolve("part-board").toString(), part.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).contains("WARN " + String.format(Leaderboard.INCOMPLETE, "lr", 1, 3));
        assertThat(Files.readString(temp.resolve("part-board/summary.md"))).contains("> **Warning:** ");
    }

    /** Each row's id, rank and metrics: what must agree between a sharded and an unsharded sweep. */
    static List<String> rows(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        JSON.readTree(dir.resolve("leaderboard.json").toFile()).get("sweeps").get(0).get("rows").forEach(r ->
                rows.add(r.get("rank") + " " + r.get("id") + " " + r.get("value") + " " + r.get("testAccuracy") + " "
                        + r.get("testLoss") + " " + r.get("validationLoss")));
        return rows;
    }

    @Test
    void a_trial_found_twice_is_a_failure_naming_both_folders() throws IOException {
        Path copy = temp.resolve("copy");
        String id = ids().get(0);
        copyTree(Trials.folder(out, "lr", id), Trials.folder(copy, "lr", id));

        MainTest.Run r = run("aggregate", "--output-root", temp.resolve("dup").toString(), out.toString(),
                copy.toString());

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        String message = Protocol.parse(r.lines().get(r.lines().size() - 1)).text();
        assertThat(message).startsWith("aggregate: found trial " + id + " of sweep lr twice, in "
                + Trials.folder(out, "lr", id).toRealPath() + " (validation_accuracy ")
                .contains(") and in " + Trials.folder(copy, "lr", id).toRealPath() + " (validation_accuracy ")
                .endsWith(Leaderboard.DUPLICATE_TRIAL.substring(Leaderboard.DUPLICATE_TRIAL.indexOf(", expected")));
    }

    @Test
    void trials_of_one_sweep_made_from_different_files_are_a_failure_naming_both() throws IOException {
        // a shard that trained another version of the file: its trial.json has another sweep hash
        Path other = temp.resolve("other");
        String id = ids().get(0);
        Path dir = Trials.folder(other, "lr", id);
        copyTree(Trials.folder(out, "lr", id), dir);
        Path trial = dir.resolve(Trials.TRIAL_FILE);
        JsonNode json = JSON.readTree(trial.toFile());
        String hash = json.get("sweepHash").asText();
        Files.writeString(trial, Files.readString(trial).replace(hash, "0".repeat(hash.length())));

        MainTest.Run r = run("aggregate", "--output-root", temp.resolve("conflict").toString(), out.toString(),
                other.toString());

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        assertThat(Protocol.parse(r.lines().get(r.lines().size() - 1)).text())
                .startsWith("aggregate: found sweep lr made from different files, in " + out.toRealPath())
                .contains(" (sweep hash " + hash + ") and in " + dir.toRealPath() + " (sweep hash "
                        + "0".repeat(hash.length()) + "), expected the trials of one sweep - ");
    }

    @Test
    void a_trial_the_sweep_does_not_have_is_a_failure() {
        MainTest.Run r = run("train", "--output-root", temp.resolve("none").toString(), "--offline",
                "--trial", "000000000000=" + file);

        assertThat(r.exitCode()).isEqualTo(Protocol.EXIT_FAILURE);
        assertThat(Protocol.parse(r.lines().get(r.lines().size() - 1)).text()).isEqualTo(String.format(
                Commands.NO_SUCH_TRIAL, "000000000000", file, 3));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
