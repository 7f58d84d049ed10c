package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidExperimentsTest {
    private static final Path DIR = Corpus.VALID;

    private static Experiment load(String file) {
        return ExperimentLoader.load(DIR.resolve(file), Map.of(), DIR);
    }

    @Test
    void minimal_file_gets_every_default() {
        Experiment e = load("minimal.yaml");
        assertThat(e).isEqualTo(new Experiment(1, "minimal", 42, DatasetSpec.named("fashion-mnist-sample"),
                new ModelSpec(List.of(new LayerSpec(256, Activation.RELU, 0.0, Init.HE),
                        new LayerSpec(256, Activation.RELU, 0.0, Init.HE)), Normalization.SCALE),
                new OptimizerSpec(OptimizerType.SGD, 0.01, 0.0, false, 0.0, 0.9, 0.999, 0.9, 1e-8, 0.0,
                        ScheduleSpec.CONSTANT),
                new TrainingSpec(256, 10, 0.1, null, 0), DIR.resolve("minimal.yaml")));
    }

    @Test
    void seed_mlp_loads_to_the_reference_experiment() {
        Experiment e = load("seed-mlp.yaml");
        assertThat(e.name()).isEqualTo("seed-mlp");
        assertThat(e.dataset()).isEqualTo(DatasetSpec.named("mnist"));
        assertThat(e.model().layers()).extracting(LayerSpec::units).containsExactly(256, 256);
        assertThat(e.optimizer().type()).isEqualTo(OptimizerType.SGD);
        assertThat(e.optimizer().learningRate()).isEqualTo(0.01);
        assertThat(e.training()).isEqualTo(new TrainingSpec(256, 10, 0.1, null, 0));
    }

    @Test
    void every_key_of_the_long_forms_reaches_the_records() {
        Experiment e = load("adam-cosine-early.yaml");
        assertThat(e.name()).isEqualTo("fashion-adam.v2_cosine");
        assertThat(e.seed()).isEqualTo(7);
        assertThat(e.dataset()).isEqualTo(DatasetSpec.named("fashion-mnist"));
        assertThat(e.model()).isEqualTo(new ModelSpec(List.of(
                new LayerSpec(512, Activation.GELU, 0.2, Init.HE),
                new LayerSpec(256, Activation.TANH, 0.1, Init.HE),
                new LayerSpec(128, Activation.RELU, 0.1, Init.HE)), Normalization.STANDARDIZE));
        assertThat(e.optimizer()).isEqualTo(new OptimizerSpec(OptimizerType.ADAMW, 2.0e-3, 0.0, false, 0.01, 0.85,
                0.995, 0.9, 1e-7, 5.0, new ScheduleSpec(ScheduleType.COSINE, 1, 1.0, 1.0e-5, 2)));
        assertThat(e.training()).isEqualTo(new TrainingSpec(128, 30, 0.15,
                new EarlyStoppingSpec("validation_loss", 4, 0.001), 2));
    }

    @Test
    void sgd_with_nesterov_and_step_schedule_and_xavier_for_tanh() {
        Experiment e = load("sgd-nesterov-step.yaml");
        assertThat(e.model().layers()).containsExactly(new LayerSpec(100, Activation.TANH, 0.0, Init.XAVIER));
        assertThat(e.optimizer()).isEqualTo(new OptimizerSpec(OptimizerType.SGD, 0.01, 0.9, true, 5.0e-4, 0.9,
                0.999, 0.9, 1e-8, 1.0, new ScheduleSpec(ScheduleType.STEP, 5, 0.5, 0.0, 1)));
        assertThat(e.training().validationSplit()).isEqualTo(0.0);
        assertThat(e.training().earlyStopping()).isNull();
    }

    @Test
    void rmsprop_defaults_its_learning_rate_and_named_dataset_resolves_data_dirs() {
        Experiment e = load("rmsprop-exponential.yaml");
        assertThat(e.dataset()).isEqualTo(new DatasetSpec("mnist", null, null, null, null,
                List.of("https://mirror.example.org/mnist/"),
                List.of(DIR.resolve("data"), Path.of("/usr/share/datasets/mnist")), List.of()));
        assertThat(e.model().layers()).isEmpty();
        assertThat(e.optimizer()).isEqualTo(new OptimizerSpec(OptimizerType.RMSPROP, 0.001, 0.0, false, 0.0, 0.9,
                0.999, 0.95, 1.0e-6, 0.0, new ScheduleSpec(ScheduleType.EXPONENTIAL, 1, 0.9, 0.0, 0)));
        assertThat(e.training().earlyStopping()).isEqualTo(new EarlyStoppingSpec("validation_accuracy", 3, 0.0));
    }

    @Test
    void local_files_resolve_against_the_experiment_folder() {
        Experiment e = load("local-files.yaml");
        Path data = DIR.resolve("data");
        assertThat(e.dataset()).isEqualTo(new DatasetSpec(null, data.resolve("train-images-idx3-ubyte.gz"),
                data.resolve("train-labels-idx1-ubyte.gz"), data.resolve("t10k-images-idx3-ubyte"),
                data.resolve("t10k-labels-idx1-ubyte"), List.of(), List.of(), List.of("zero", "one", "two")));
        assertThat(e.dataset().isNamed()).isFalse();
    }

    @Test
    void separate_validation_set_resolves_its_files_and_turns_the_split_off() {
        Experiment e = load("validation-set.yaml");
        Path data = DIR.resolve("data");
        assertThat(e.dataset().validationImages()).isEqualTo(data.resolve("t10k-images-idx3-ubyte"));
        assertThat(e.dataset().validationLabels()).isEqualTo(data.resolve("t10k-labels-idx1-ubyte"));
        assertThat(e.dataset().hasValidationSet()).isTrue();
        // the default split of 0.1 does not apply: the validation set replaces it, and early stopping watches it
        assertThat(e.training().validationSplit()).isEqualTo(0.0);
        assertThat(e.training().earlyStopping()).isEqualTo(new EarlyStoppingSpec("validation_loss", 2, 0.0));
    }

    @Test
    void validation_set_with_an_explicit_zero_split_is_accepted() {
        Experiment e = ExperimentLoader.load(DIR.resolve("validation-set.yaml"),
                java.util.Map.of("training.validationSplit", "0"));
        assertThat(e.training().validationSplit()).isEqualTo(0.0);
        assertThat(e.dataset().hasValidationSet()).isTrue();
    }

    @Test
    void local_files_without_validation_keys_have_no_validation_set() {
        Experiment e = load("local-files.yaml");
        assertThat(e.dataset().validationImages()).isNull();
        assertThat(e.dataset().hasValidationSet()).isFalse();
        assertThat(e.training().validationSplit()).isEqualTo(0.1);
    }

    @Test
    void extends_merges_deeply_and_the_extending_file_wins() {
        Experiment e = load("family/variants/quick.yaml");
        Path baseData = DIR.resolve("family/data");
        assertThat(e.name()).isEqualTo("family-quick");
        assertThat(e.seed()).isEqualTo(1);
        // paths written in the base resolve against the base's folder, not the extending file's
        assertThat(e.dataset().trainImages()).isEqualTo(baseData.resolve("train-images-idx3-ubyte.gz"));
        assertThat(e.optimizer().type()).isEqualTo(OptimizerType.ADAM);
        assertThat(e.optimizer().learningRate()).isEqualTo(0.003);
        // the base's short form "cosine" is extended by the mapping on top
        assertThat(e.optimizer().schedule()).isEqualTo(new ScheduleSpec(ScheduleType.COSINE, 1, 1.0, 0.0, 1));
        assertThat(e.training().epochs()).isEqualTo(3);
        // null on top removes the base's value
        assertThat(e.training().earlyStopping()).isNull();
        assertThat(e.source()).isEqualTo(DIR.resolve("family/variants/quick.yaml"));
    }

    @Test
    void overrides_apply_after_extends_and_are_typed_by_the_language() {
        Experiment e = ExperimentLoader.load(DIR.resolve("family/variants/quick.yaml"), Map.of(
                "training.epochs", "1",
                "name", "2024",
                "model.hidden", "[64, 32]",
                "optimizer.weightDecay", "1e-4",
                "training.earlyStopping.patience", "2",
                "optimizer.schedule", "exponential",
                "optimizer.schedule.gamma", "0.5"), DIR);
        assertThat(e.training().epochs()).isEqualTo(1);
        assertThat(e.name()).isEqualTo("2024");
        assertThat(e.model().layers()).extracting(LayerSpec::units).containsExactly(64, 32);
        assertThat(e.optimizer().weightDecay()).isEqualTo(1e-4);
        assertThat(e.training().earlyStopping()).isEqualTo(new EarlyStoppingSpec("validation_accuracy", 2, 0.0));
        assertThat(e.optimizer().schedule()).isEqualTo(new ScheduleSpec(ScheduleType.EXPONENTIAL, 1, 0.5, 0.0, 0));
    }

    @Test
    void dataset_override_replaces_a_short_form_and_extends_a_mapping() {
        Experiment named = ExperimentLoader.load(DIR.resolve("seed-mlp.yaml"), Map.of("dataset", "fashion-mnist"));
        assertThat(named.dataset()).isEqualTo(DatasetSpec.named("fashion-mnist"));
        Experiment dirs = ExperimentLoader.load(DIR.resolve("seed-mlp.yaml"),
                Map.of("dataset.dataDirs", "[/srv/mnist]"));
        assertThat(dirs.dataset()).isEqualTo(new DatasetSpec("mnist", null, null, null, null, List.of(),
                List.of(Path.of("/srv/mnist")), List.of()));
    }

    @Test
    void overrides_are_picked_from_mlp_set_properties() {
        assertThat(ExperimentLoader.overridesFrom(Map.of("mlp.set.training.epochs", "1", "mlp.skip", "true",
                "user.home", "/root"))).isEqualTo(Map.of("training.epochs", "1"));
    }

    @Test
    void valid_files_have_no_problems() {
        for (String f : List.of("minimal.yaml", "seed-mlp.yaml", "adam-cosine-early.yaml", "sgd-nesterov-step.yaml",
                "rmsprop-exponential.yaml", "local-files.yaml", "family/base.yaml", "family/variants/quick.yaml")) {
            assertThat(ExperimentLoader.validate(DIR.resolve(f), Map.of(), DIR)).as(f).isEmpty();
        }
    }

    @Test
    void image_folder_keys_reach_the_image_folder_spec() {
        Experiment e = load("image-folder.yaml");
        assertThat(e.dataset().kind()).isEqualTo(DatasetSpec.Kind.IMAGE_FOLDER);
        assertThat(e.dataset().images()).isEqualTo(new ImageFolderSpec(DIR.resolve("pictures"), 3, 32, 24, true));
        assertThat(e.dataset().classNames()).containsExactly("cat");
        assertThat(e.dataset().testSplit()).isEqualTo(0.25);
        assertThat(e.dataset().inArchive()).isFalse();
    }

    @Test
    void image_folder_defaults_are_grayscale_own_size_not_inverted_and_a_fifth_for_test() {
        Experiment e = ExperimentLoader.load(DIR.resolve("image-folder.yaml"), Map.of(
                "dataset.channels", "1", "dataset.imageSize", "null", "dataset.invert", "null",
                "dataset.testSplit", "null", "dataset.classNames", "null"));
        assertThat(e.dataset().images()).isEqualTo(new ImageFolderSpec(DIR.resolve("pictures"), 1, 0, 0, false));
        assertThat(e.dataset().testSplit()).isEqualTo(Defaults.TEST_SPLIT);
        assertThat(e.dataset().classNames()).isEmpty();
    }

    @Test
    void csv_keys_reach_the_csv_spec_with_columns_by_name_and_index() {
        Experiment e = load("csv-table.yaml");
        assertThat(e.dataset().kind()).isEqualTo(DatasetSpec.Kind.CSV);
        assertThat(e.dataset().csv()).isEqualTo(new CsvSpec(DIR.resolve("tables/iris-head.csv"), null, null,
                CsvSpec.Header.NAMES, ';', CsvSpec.Column.named("species"),
                List.of(CsvSpec.Column.named("petal_length"), CsvSpec.Column.at(0)), "mean", "zero"));
        assertThat(e.dataset().testSplit()).isEqualTo(Defaults.TEST_SPLIT);
    }

    @Test
    void archive_keeps_the_inner_paths_as_written_and_sklearn_header_needs_no_label() {
        Experiment e = load("archive-tables.yaml");
        assertThat(e.dataset().archive()).isEqualTo(DIR.resolve("tables/flowers.tar.xz"));
        assertThat(e.dataset().csv()).isEqualTo(new CsvSpec(null, Path.of("flowers/train.csv"),
                Path.of("flowers/test.csv.zst"), CsvSpec.Header.SKLEARN, ',', null, List.of(), "error", "error"));
        assertThat(e.dataset().testSplit()).isZero();
    }
}
