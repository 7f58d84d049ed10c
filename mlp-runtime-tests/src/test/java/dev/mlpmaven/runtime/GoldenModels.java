package dev.mlpmaven.runtime;

import dev.mlpmaven.runtime.ImageInput.Resize;
import dev.mlpmaven.runtime.TableInput.Categorical;
import dev.mlpmaven.runtime.TableInput.Numeric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.runtime.Activation.*;

/**
 * The golden model files of {@code src/test/resources/dev/mlpmaven/runtime/}, one per format version and input
 * kind, all the same 16-8-7-6-5-4-4-3 network using every hidden activation once (relu, leaky_relu, elu, gelu,
 * tanh, sigmoid) with weights from a fixed formula (multiples of 1/8 and 1/16, exact in float32):
 * <ul>
 *   <li>{@code golden-v1.mlp}: format 1, 16 pixels, standardised (mean 0.25, std 0.5); written on 2026-11-27 by the
 *       engine's v1 writer (the same network and provenance);</li>
 *   <li>{@code golden-v2-image.mlp}: format 2, a 4x4 gray image input, inverted, bilinear resize, the same
 *       scaling;</li>
 *   <li>{@code golden-v2-table.mlp}: format 2, a table of six numeric and two categorical features (16 inputs),
 *       unseenCategory zero, missing mean.</li>
 * </ul>
 * Run {@code main <dir>} only to add the golden file of a NEW format version; existing golden files are never
 * regenerated, since their tests guard that old files keep loading and predicting the same.
 */
final class GoldenModels {
    static final Activation[] ACTIVATIONS = {RELU, LEAKY_RELU, ELU, GELU, TANH, SIGMOID, SOFTMAX};
    static final int[] WIDTHS = {16, 8, 7, 6, 5, 4, 4, 3};
    static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle");
    static final Scaling SCALING = Scaling.standardize(0.25f, 0.5f);

    /** The provenance of every golden file (the v1 file has the same values). */
    static final String PROVENANCE = """
            {"experiment":{"name":"golden","seed":7,"training":{"batchSize":4,"epochs":1,"validationSplit":0.25},"version":1},
             "experimentSha256":"f0618ab20482bb0c72441a1583d7a441655e14e7414b0a18955d0da271fe4658",
             "dataSha256":{"train-images":"0000000000000000000000000000000000000000000000000000000000000000",
                           "train-labels":"1111111111111111111111111111111111111111111111111111111111111111"},
             "seed":7,"engineVersion":"0.1.0-SNAPSHOT","nd4jVersion":"1.0.0-M2.1","javaVersion":"17.0.15",
             "javaVendor":"Debian","osName":"Linux","osArch":"amd64","cpuModel":"golden CPU","threads":2,
             "blasKernel":"openblas-test","gitCommit":"0123456789abcdef0123456789abcdef01234567","gitDirty":false,
             "startTime":"2026-01-01T00:00:00Z","endTime":"2026-01-01T00:00:01Z"}""";

    private GoldenModels() {
    }

    static List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < ACTIVATIONS.length; l++) {
            int in = WIDTHS[l];
            int out = WIDTHS[l + 1];
            float[] w = new float[in * out];
            for (int k = 0; k < w.length; k++) {
                w[k] = ((k * 7919 + l * 104729) % 41 - 20) / 8f;
            }
            float[] b = new float[out];
            for (int o = 0; o < out; o++) {
                b[o] = ((o * 31 + l * 17) % 11 - 5) / 16f;
            }
            layers.add(new Layer(in, out, ACTIVATIONS[l], w, b));
        }
        return layers;
    }

    static ImageInput imageInput() {
        return ImageInput.of(4, 4, 1, true, Resize.BILINEAR, SCALING);
    }

    static TableInput tableInput() {
        List<TableInput.Feature> features = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            features.add(new Numeric("x" + i, i * 0.5f - 1f, 0.25f + i * 0.125f));
        }
        features.add(new Categorical("shape", List.of("circle", "square", "triangle", "star", "moon")));
        features.add(new Categorical("colour", List.of("red", "green", "blue", "black", "white")));
        return new TableInput(features, TableInput.Unseen.ZERO, TableInput.Missing.MEAN);
    }

    /** The fixed pixel inputs the golden tests predict on: 16 raw pixels each. */
    static byte[][] pixels() {
        byte[][] in = new byte[4][16];
        for (int i = 0; i < 16; i++) {
            in[0][i] = 0;
            in[1][i] = (byte) 255;
            in[2][i] = (byte) (i * 17);
            in[3][i] = (byte) ((i * 73 + 11) % 256);
        }
        return in;
    }

    /** The fixed table rows the golden table test predicts on, in feature order. */
    static String[][] rows() {
        return new String[][] {
                {"0", "0", "0", "0", "0", "0", "circle", "red"},
                {"-1", "0.5", "1.25", "-2e-1", "3", "", "star", "white"},
                {"2.5", "-0.75", "", "1", "-1", "0.125", "moon", "purple"},
                {"", "", "", "", "", "", "", ""},
        };
    }

    /** Writes the v2 golden files into the folder given and prints their predictions. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve("golden-v2-image.mlp"), ModelWriter.encode(imageInput(), layers(), CLASS_NAMES, PROVENANCE));
        Files.write(dir.resolve("golden-v2-table.mlp"), ModelWriter.encode(tableInput(), layers(), CLASS_NAMES, PROVENANCE));
        MlpModel image = MlpModel.load(dir.resolve("golden-v2-image.mlp"));
        for (byte[] px : pixels()) {
            System.out.println(java.util.Arrays.toString(image.predictPixels(px).probabilities()));
        }
        MlpModel table = MlpModel.load(dir.resolve("golden-v2-table.mlp"));
        for (String[] row : rows()) {
            System.out.println(java.util.Arrays.toString(table.predictRow(row).probabilities()));
        }
    }
}
