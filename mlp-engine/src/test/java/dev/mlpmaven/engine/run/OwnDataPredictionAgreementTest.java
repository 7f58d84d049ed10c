package dev.mlpmaven.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.TableInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training and prediction never disagree: a model trained through the runner on an image folder (RGB, resized,
 * inverted, standardised) and on CSV tables, loaded by mlp-runtime and asked about the raw test files (PNG images,
 * CSV rows), gives exactly the confusion matrix the trainer wrote to metrics.json.
 */
class OwnDataPredictionAgreementTest {
    @TempDir
    Path tmp;

    private RunOptions options() {
        return new RunOptions(tmp.resolve("out"), tmp, tmp.resolve("cache"), true, List.of(), Map.of(), false, null,
                Map.of());
    }

    private JsonNode train(Path yaml) throws IOException {
        Experiment e = ExperimentLoader.load(yaml, Map.of());
        new ExperimentRunner(options(), new RecordingRunListener()).run(e);
        return new ObjectMapper().readTree(tmp.resolve("out").resolve(e.name()).resolve("metrics.json").toFile());
    }

    private static int[][] matrix(JsonNode metrics) {
        JsonNode cm = metrics.get("test").get("confusionMatrix");
        int[][] m = new int[cm.size()][cm.size()];
        for (int i = 0; i < cm.size(); i++) {
            for (int j = 0; j < cm.size(); j++) {
                m[i][j] = cm.get(i).get(j).asInt();
            }
        }
        return m;
    }

    @Test
    void an_image_folder_model_predicts_the_raw_test_images_as_training_scored_them() throws IOException {
        SplittableRandom rng = new SplittableRandom(5);
        String[] classes = {"dark", "red", "wide"};
        for (String split : List.of("train", "test")) {
            for (int c = 0; c < classes.length; c++) {
                for (int i = 0; i < (split.equals("train") ? 30 : 10); i++) {
                    int w = 10 + rng.nextInt(6);
                    int h = 8 + rng.nextInt(4);
                    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            int r = c == 1 ? 150 + rng.nextInt(100) : rng.nextInt(120);
                            int g = rng.nextInt(c == 0 ? 60 : 200);
                            int b = c == 2 && x > w / 2 ? 220 : rng.nextInt(100);
                            img.setRGB(x, y, (r << 16) | (g << 8) | b);
                        }
                    }
                    Path f = tmp.resolve("pics/" + split + "/" + classes[c] + "/" + i + ".png");
                    Files.createDirectories(f.getParent());
                    ImageIO.write(img, "png", f.toFile());
                }
            }
        }
        Path yaml = tmp.resolve("pics.yaml");
        Files.writeString(yaml, "name: pics\nseed: 3\ndataset: {images: pics, channels: 3, imageSize: [6, 8],"
                + " invert: true}\nmodel: {hidden: [16], normalization: standardize}\noptimizer: {type: adam,"
                + " learningRate: 0.01}\ntraining: {epochs: 5, batchSize: 8, validationSplit: 0}\n");
        int[][] trained = matrix(train(yaml));
        MlpModel model = MlpModel.load(tmp.resolve("out/pics/model.mlp"));
        ImageInput input = (ImageInput) model.input();
        assertThat(input.channels()).isEqualTo(3);
        assertThat(input.invert()).isTrue();
        assertThat(input.resize()).isEqualTo(ImageInput.Resize.BILINEAR);
        int[][] predicted = new int[3][3];
        for (int c = 0; c < classes.length; c++) {
            try (Stream<Path> files = Files.list(tmp.resolve("pics/test/" + classes[c]))) {
                for (Path f : files.toList()) {
                    predicted[c][model.predictImage(ImageIO.read(f.toFile())).index()]++;
                }
            }
        }
        assertThat(predicted).isEqualTo(trained);
        assertThat(Arrays.stream(trained).mapToInt(r -> Arrays.stream(r).sum()).sum()).isEqualTo(30);
    }

    @Test
    void a_table_model_predicts_the_raw_test_rows_as_training_scored_them() throws IOException {
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder train = new StringBuilder("size,color,weight,kind\n");
        StringBuilder test = new StringBuilder("size,color,weight,kind\n");
        String[] colors = {"red", "green", "blue"};
        for (int i = 0; i < 160; i++) {
            int k = rng.nextInt(2);
            String row = String.format(java.util.Locale.ROOT, "%.3f,%s,%s,%s%n", rng.nextGaussian() + 2 * k,
                    colors[(k + rng.nextInt(2)) % 3], rng.nextInt(10) == 0 ? "" : Integer.toString(rng.nextInt(50)),
                    k == 0 ? "small" : "large");
            (i < 120 ? train : test).append(row);
        }
        Files.writeString(tmp.resolve("train.csv"), train);
        Files.writeString(tmp.resolve("test.csv"), test);
        Path yaml = tmp.resolve("table.yaml");
        Files.writeString(yaml, "name: table\ndataset: {trainCsv: train.csv, testCsv: test.csv, label: kind,"
                + " missing: mean}\nmodel: {hidden: [8]}\noptimizer: {type: adam, learningRate: 0.01}\n"
                + "training: {epochs: 10, batchSize: 16, validationSplit: 0}\n");
        int[][] trained = matrix(train(yaml));
        MlpModel model = MlpModel.load(tmp.resolve("out/table/model.mlp"));
        assertThat(((TableInput) model.input()).featureNames()).containsExactly("size", "color", "weight");
        List<String> classes = List.of("large", "small");
        int[][] predicted = new int[2][2];
        for (String line : test.toString().split("\n")) {
            if (line.startsWith("size")) {
                continue;
            }
            String[] v = line.split(",", -1);
            int truth = classes.indexOf(v[3]);
            predicted[truth][model.predictRow(Map.of("size", v[0], "color", v[1], "weight", v[2])).index()]++;
        }
        assertThat(predicted).isEqualTo(trained);
    }
}
