package dev.mlpmaven.engine.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixed model and provenance for the engine's tests: the network of the golden model files (a 16-8-7-6-5-4-4-3
 * network using every hidden activation once, weights from a fixed formula; the golden files themselves and their
 * generator are in mlp-runtime-tests, {@code GoldenModels}), standardised input scaling, a fixed provenance.
 */
public final class GoldenModelGenerator {
    static final String[] ACTIVATIONS = {"relu", "leaky_relu", "elu", "gelu", "tanh", "sigmoid", "softmax"};
    static final int[] WIDTHS = {16, 8, 7, 6, 5, 4, 4, 3};

    private GoldenModelGenerator() {
    }

    public static TrainedModel model() {
        List<DenseLayer> layers = new ArrayList<>();
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
            layers.add(new DenseLayer(in, out, ACTIVATIONS[l], w, b));
        }
        return new TrainedModel(16, layers, new InputScaling("standardize", 0.25f, 0.5f),
                List.of("circle", "square", "triangle"));
    }

    public static Provenance provenance() {
        ObjectNode experiment = JsonNodeFactory.instance.objectNode();
        experiment.put("version", 1).put("name", "golden").put("seed", 7);
        experiment.putObject("training").put("batchSize", 4).put("epochs", 1).put("validationSplit", 0.25);
        return new Provenance(experiment, CanonicalJson.sha256(experiment),
                Map.of("train-images", "0".repeat(64), "train-labels", "1".repeat(64)), 7L,
                "0.1.0-SNAPSHOT", "1.0.0-M2.1", "17.0.15", "Debian", "Linux", "amd64", "golden CPU", 2,
                "openblas-test", "0123456789abcdef0123456789abcdef01234567", Boolean.FALSE,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"));
    }

    /** The fixed inputs the golden test predicts on: 16 raw pixels each. */
    public static byte[][] inputs() {
        byte[][] in = new byte[4][16];
        for (int i = 0; i < 16; i++) {
            in[0][i] = 0;
            in[1][i] = (byte) 255;
            in[2][i] = (byte) (i * 17);
            in[3][i] = (byte) ((i * 73 + 11) % 256);
        }
        return in;
    }
}
