package dev.mlpmaven.engine.cli;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.run.RunOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliArgumentsTest {

    @Test
    void train_command_line_becomes_run_options() {
        CliArguments a = CliArguments.parse("train", "--output-root", "target/mlp", "--project-dir", ".",
                "--cache-dir", "/tmp/cache", "--offline", "--data-dir", "/d1", "--data-dir", "/d2",
                "--set", "training.epochs=1", "--set", "model.layers=[32]", "--force", "--proxy", "proxy:3128",
                "--progress", "a.yaml", "b.yaml");

        assertThat(a.command()).isEqualTo("train");
        assertThat(a.files()).containsExactly(Path.of("a.yaml"), Path.of("b.yaml"));
        assertThat(a.progress()).isTrue();
        RunOptions o = a.runOptions(Map.of(CliArguments.PROXY_USER_ENV, "alice", CliArguments.PROXY_PASSWORD_ENV, "s3cret"));
        assertThat(o.outputRoot()).isEqualTo(Path.of("target/mlp"));
        assertThat(o.cacheDir()).isEqualTo(Path.of("/tmp/cache"));
        assertThat(o.offline()).isTrue();
        assertThat(o.force()).isTrue();
        assertThat(o.dataDirs()).containsExactly(Path.of("/d1"), Path.of("/d2"));
        assertThat(o.overrides()).containsExactlyInAnyOrderEntriesOf(
                Map.of("training.epochs", "1", "model.layers", "[32]"));
        assertThat(o.proxy()).isEqualTo("proxy:3128");
        assertThat(o.proxySettings()).containsExactlyInAnyOrderEntriesOf(Map.of("user", "alice", "password", "s3cret"));
    }

    @Test
    void unknown_option_is_named() {
        assertThatThrownBy(() -> CliArguments.parse("train", "--fast", "a.yaml"))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("command line: found unknown option --fast - usage: ");
    }

    @Test
    void unknown_command_is_named() {
        assertThatThrownBy(() -> CliArguments.parse("fit", "a.yaml"))
                .hasMessageStartingWith("command line: found command 'fit', expected train, fetch, evaluate or aggregate");
    }

    @Test
    void override_without_equals_sign_is_rejected() {
        assertThatThrownBy(() -> CliArguments.parse("train", "--set", "training.epochs", "a.yaml"))
                .hasMessage("command line: --set training.epochs: found no key before '=', expected key.path=value"
                        + " (e.g. training.epochs=1)");
    }

    @Test
    void option_without_value_is_rejected() {
        assertThatThrownBy(() -> CliArguments.parse("train", "a.yaml", "--cache-dir"))
                .hasMessage("command line: --cache-dir found no value, expected one after it");
    }

    @Test
    void train_without_experiment_is_rejected() {
        assertThatThrownBy(() -> CliArguments.parse("train", "--offline"))
                .hasMessageStartingWith("command line: found no experiment file, expected at least one after train");
    }

    @Test
    void evaluate_needs_a_model_and_one_source_of_data() {
        assertThatThrownBy(() -> CliArguments.parse("evaluate", "--dataset", "mnist"))
                .hasMessage("command line: evaluate found no --model FILE, expected the model to evaluate");
        assertThatThrownBy(() -> CliArguments.parse("evaluate", "--model", "m.mlp"))
                .hasMessage("command line: evaluate found 0 experiment files and no --dataset, expected --dataset NAME"
                        + " or one experiment file");
        assertThat(CliArguments.parse("evaluate", "--model", "m.mlp", "--dataset", "mnist").files()).isEqualTo(List.of());
    }

    @Test
    void trial_options_name_one_trial_of_a_sweep_file_each() {
        CliArguments a = CliArguments.parse("train", "--trial", "3f2a9c1b0d4e=sweeps/lr.yaml", "--trial",
                "000000000001=lr.yaml");
        assertThat(a.files()).isEmpty();
        assertThat(a.trials()).containsExactly(new CliArguments.TrialRef("3f2a9c1b0d4e", Path.of("sweeps/lr.yaml")),
                new CliArguments.TrialRef("000000000001", Path.of("lr.yaml")));
        assertThatThrownBy(() -> CliArguments.parse("train", "--trial", "lr.yaml")).isInstanceOf(UserException.class)
                .hasMessage("command line: --trial lr.yaml: found no id=file, expected ID=FILE (e.g. 3f2a9c1b0d4e=sweep.yaml)");
        assertThatThrownBy(() -> CliArguments.parse("fetch", "--trial", "a=b.yaml", "b.yaml"))
                .isInstanceOf(UserException.class).hasMessageStartingWith("command line: found --trial with fetch,"
                        + " expected it only with train - usage: ");
    }

    @Test
    void aggregate_takes_folders_of_results() {
        CliArguments a = CliArguments.parse("aggregate", "--output-root", "board", "shards/a", "shards/b");
        assertThat(a.files()).containsExactly(Path.of("shards/a"), Path.of("shards/b"));
        assertThat(a.outputRoot()).isEqualTo(Path.of("board"));
        assertThatThrownBy(() -> CliArguments.parse("aggregate", "--output-root", "board"))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("command line: found no folder of results, expected at least one after"
                        + " aggregate - usage: ");
    }
}
