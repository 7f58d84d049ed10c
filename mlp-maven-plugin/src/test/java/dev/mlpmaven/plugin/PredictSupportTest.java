package dev.mlpmaven.plugin;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.engine.predict.CsvFormat;
import dev.mlpmaven.runtime.MlpModel;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How mlp:predict finds and names its model, and its failures before any prediction. */
class PredictSupportTest {
    @TempDir
    Path tmp;

    PredictSupport support() {
        return new PredictSupport(new ModelFixtures.RecordingLog(), tmp, tmp.resolve("target/mlp"));
    }

    @Test
    void outputs_are_named_after_the_recorded_experiment_else_after_the_file() {
        MlpModel named = MlpModel.load(new ByteArrayInputStream(ModelFixtures.model("fashion-seed")));
        MlpModel anonymous = MlpModel.load(new ByteArrayInputStream(ModelFixtures.model(null)));
        MlpModel hostile = MlpModel.load(new ByteArrayInputStream(ModelFixtures.model("../../etc")));
        assertThat(PredictSupport.nameOf(named, Path.of("x/y.mlp"))).isEqualTo("fashion-seed");
        assertThat(PredictSupport.nameOf(anonymous, Path.of("target/mlp/quick/model.mlp"))).isEqualTo("quick");
        assertThat(PredictSupport.nameOf(anonymous, Path.of("models/shoes.mlp"))).isEqualTo("shoes");
        assertThat(PredictSupport.nameOf(hostile, Path.of("models/shoes.mlp"))).isEqualTo("shoes");
    }

    @Test
    void predict_needs_an_input_and_a_model() {
        assertThatThrownBy(() -> support().predict(null, null, null, null, null, null, Map.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: predict found no input, expected -Dmlp.input=PATH: a folder of images, an IDX images "
                        + "file or a CSV file");
        assertThatThrownBy(() -> support().predict(null, new File("images"), null, null, null, null, Map.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: predict found no model, expected -Dmlp.model=FILE or an experiment (src/main/mlp/, "
                        + "-Dmlp.experiment=FILE) whose trained model to use");
        assertThatThrownBy(() -> support().predict(new File("nope.mlp"), new File("images"), null, null, null, null,
                null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: model file " + tmp.resolve("nope.mlp") + ": found no such file, expected a model.mlp "
                        + "written by mlp:train");
        Path model = tmp.resolve("target/mlp/bars/model.mlp");
        assertThatThrownBy(() -> support().predict(null, new File("images"), null, null, null, null,
                Map.of("bars", new PredictSupport.Trained(model, null))))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: bars: found no trained model " + model + ", expected the model.mlp of mlp:train - run "
                        + "mlp:train first, or give -Dmlp.model=FILE");
    }

    @Test
    void a_damaged_model_fails_with_the_readers_message_alone() throws Exception {
        Path file = Files.writeString(tmp.resolve("text.mlp"), "not a model");
        assertThatThrownBy(() -> support().predict(file.toFile(), new File("images"), null, null, null, null, null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(file + ": not an mlp-maven model file: found first bytes 6e6f742061206d6f, expected "
                        + "\"MLPMODEL\" (4d4c504d4f44454c) - pass a model.mlp written by mlp:train");
    }

    @Test
    void predictions_land_in_the_models_folder_and_input_mistakes_are_user_errors() throws Exception {
        Path file = Files.write(tmp.resolve("m.mlp"), ModelFixtures.model("shop"));
        assertThatThrownBy(() -> support().predict(file.toFile(), new File("missing"), null, null, null, null, null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(tmp.resolve("missing") + ": input not found - give a folder of images, an IDX images file "
                        + "or a CSV file");
        Path images = Files.createDirectories(tmp.resolve("images"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        javax.imageio.ImageIO.write(img, "png", images.resolve("black.png").toFile());
        support().predict(file.toFile(), new File("images"), null, null, null, null, null);
        assertThat(Files.readAllLines(tmp.resolve("target/mlp/shop/predictions.csv")))
                .containsExactly("input,predicted,probability,top1,top1_probability,top2,top2_probability",
                        "black.png,dark,0.999665,dark,0.999665,bright,0.000335");
    }

    @Test
    void the_csv_layout_is_the_parameters_else_the_experiments_dataset_else_a_header_and_commas() throws Exception {
        CsvFormat experiment = new CsvFormat(';', CsvSpec.Header.NONE);
        assertThat(PredictSupport.csvFormat(null, null, null)).isEqualTo(CsvFormat.DEFAULT);
        assertThat(PredictSupport.csvFormat(null, null, experiment)).isEqualTo(experiment);
        assertThat(PredictSupport.csvFormat(new char[] {'|'}, null, experiment))
                .isEqualTo(new CsvFormat('|', CsvSpec.Header.NONE));
        assertThat(PredictSupport.csvFormat(null, true, experiment)).isEqualTo(new CsvFormat(';', CsvSpec.Header.NAMES));
        assertThat(PredictSupport.csvFormat(null, false, null)).isEqualTo(new CsvFormat(',', CsvSpec.Header.NONE));

        Path file = Files.write(tmp.resolve("m.mlp"), ModelFixtures.model("shop"));
        assertThatThrownBy(() -> support().predict(file.toFile(), new File("rows.csv"), null, null, ";;", null, null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("csvDelimiter: found ';;', expected one character that is not a quote or a line break "
                        + "(\\t for a tab)");
    }

    @Test
    void an_experiments_csv_dataset_gives_its_delimiter_and_header() throws Exception {
        Files.writeString(tmp.resolve("rows.csv"), "1;2;3;a\n4;5;6;b\n");
        Path yaml = Files.writeString(tmp.resolve("t.yaml"), """
                version: 1
                name: rows
                dataset:
                  csv: rows.csv
                  header: false
                  delimiter: ";"
                  label: 3
                model:
                  hidden: [4]
                """);
        Map<String, PredictSupport.Trained> models = support().experimentModels(List.of(yaml), Map.of(), tmp);
        assertThat(models).containsExactly(Map.entry("rows", new PredictSupport.Trained(
                tmp.resolve("target/mlp/rows/model.mlp"), new CsvFormat(';', CsvSpec.Header.NONE))));
    }
}
