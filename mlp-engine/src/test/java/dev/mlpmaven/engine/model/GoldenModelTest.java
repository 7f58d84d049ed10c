package dev.mlpmaven.engine.model;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden v1 file must load and predict exactly these values forever. Never regenerate it. */
class GoldenModelTest {
    /** Pinned on 2026-11-27 with format v1; exact float32 values. */
    private static final float[][] PINNED = {
            {0.09302888f, 0.13577741f, 0.7711937f},
            {0.068603076f, 0.5183648f, 0.41303214f},
            {0.012500413f, 0.901266f, 0.08623358f},
            {0.08647527f, 0.14837112f, 0.7651536f},
    };

    static Path golden() throws URISyntaxException {
        return Path.of(GoldenModelTest.class.getResource("golden-v1.mlp").toURI());
    }

    @Test
    void golden_v1_file_predicts_pinned_probabilities() throws Exception {
        LoadedModel loaded = ModelFile.read(golden());
        Predictor predictor = new Predictor(loaded.model());
        byte[][] inputs = GoldenModelGenerator.inputs();
        for (int i = 0; i < inputs.length; i++) {
            float[] p = predictor.probabilities(inputs[i], 0);
            for (int c = 0; c < 3; c++) {
                assertThat(Float.floatToIntBits(p[c]))
                        .as("input %d class %d: %s", i, c, p[c])
                        .isEqualTo(Float.floatToIntBits(PINNED[i][c]));
            }
        }
    }

    @Test
    void golden_v1_file_holds_the_generated_architecture_weights_and_provenance() throws Exception {
        LoadedModel loaded = ModelFile.read(golden());
        TrainedModel expected = GoldenModelGenerator.model();
        assertThat(loaded.formatVersion()).isEqualTo(1);
        assertThat(loaded.model().inputSize()).isEqualTo(16);
        assertThat(loaded.model().scaling()).isEqualTo(new InputScaling("standardize", 0.25f, 0.5f));
        assertThat(loaded.model().classNames()).containsExactly("circle", "square", "triangle");
        assertThat(loaded.model().layers()).hasSize(7);
        for (int l = 0; l < 7; l++) {
            DenseLayer a = loaded.model().layers().get(l);
            DenseLayer b = expected.layers().get(l);
            assertThat(a.activation()).isEqualTo(GoldenModelGenerator.ACTIVATIONS[l]);
            assertThat(a.in()).isEqualTo(b.in());
            assertThat(a.out()).isEqualTo(b.out());
            assertThat(a.weights()).containsExactly(b.weights());
            assertThat(a.bias()).containsExactly(b.bias());
        }
        Provenance p = loaded.provenance();
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.experiment().get("name").asText()).isEqualTo("golden");
        assertThat(p.experimentSha256()).isEqualTo(CanonicalJson.sha256(p.experiment()));
        assertThat(p.gitCommit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(p.gitDirty()).isFalse();
        assertThat(p.endTime()).isEqualTo(Instant.parse("2026-01-01T00:00:01Z"));
        assertThat(p).isEqualTo(GoldenModelGenerator.provenance());
    }
}
