package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSampleTest {
    @TempDir
    Path cache;

    @Test
    void sample_has_600_training_and_100_test_images_per_class() throws java.io.IOException {
        RecordingListener listener = new RecordingListener();
        LoadedDataset sample = new DatasetResolver(TestDatasets.options(cache).withOffline(true), listener)
                .resolve(DatasetSpec.named("fashion-mnist-sample"));
        assertThat(sample.name()).isEqualTo("fashion-mnist-sample");
        assertThat(sample.train().size()).isEqualTo(6_000);
        assertThat(sample.test().size()).isEqualTo(1_000);
        assertThat(sample.inputSize()).isEqualTo(784);
        assertThat(sample.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(counts(sample.train().labels())).containsOnly(600);
        assertThat(counts(sample.test().labels())).containsOnly(100);
        // pinned: SampleGenerator remakes exactly these bytes from Debian's Fashion-MNIST
        assertThat(sample.contentSha256()).containsEntry("train-images",
                "a26b1e84449bfd8c4d37e5cba9167ff7d43be81bde1d6c2c4b0cb0fd5f82b402")
                .containsEntry("train-labels", "df7bf33304a81d7605ebc2c721ac4ebe196537ca1539b0332e1c524778210a0b")
                .containsEntry("test-images", "5ae05cefae835813a9ba57673450541195d5c421ff4be541a0f4c04632069c74")
                .containsEntry("test-labels", "e779e0f8bdaf781ad5c631a36ecbbc739a8f1c89cebf2e6a2666be02f804ef71");
        assertThat(sample.origin().get("train-images"))
                .isEqualTo("classpath:/dev/mlpmaven/engine/data/fashion-mnist-sample/train-images-idx3-ubyte.gz");
        assertThat(TestDatasets.cacheEntries(cache).isEmpty()).isTrue();
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void sample_images_are_real_fashion_mnist_images() {
        LoadedDataset sample = new DatasetResolver(TestDatasets.options(cache), DataListener.SILENT)
                .resolve(DatasetSpec.named("fashion-mnist-sample"));
        IdxImages test = new IdxReader().readImages(TestDatasets.DEBIAN.resolve(TestDatasets.T10K_IMAGES)).data();
        IdxLabels labels = new IdxReader().readLabels(TestDatasets.DEBIAN.resolve(TestDatasets.T10K_LABELS), 10).data();
        int[] chosen = SampleGenerator.choose(labels, 10, SampleGenerator.TEST_PER_CLASS, SampleGenerator.SEED + 1000);
        byte[] px = sample.test().images().pixels();
        for (int k = 0; k < chosen.length; k += 97) {
            for (int p = 0; p < 784; p++) {
                assertThat(px[k * 784 + p]).isEqualTo(test.pixels()[chosen[k] * 784 + p]);
            }
            assertThat(sample.test().labels().label(k)).isEqualTo(labels.label(chosen[k]));
        }
    }

    private static java.util.Collection<Integer> counts(IdxLabels labels) {
        java.util.Map<Integer, Integer> m = new java.util.TreeMap<>();
        for (int i = 0; i < labels.count(); i++) {
            m.merge(labels.label(i), 1, Integer::sum);
        }
        assertThat(m).hasSize(10);
        return m.values();
    }
}
