package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.mlpmaven.engine.data.TestDatasets.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local copies in data folders, recognised by content hash; and the time to load from the cache. */
class LocalCopyTest {
    @TempDir
    Path cache;
    @TempDir
    Path data;
    final RecordingListener listener = new RecordingListener();

    @Test
    void debian_copy_is_recognised_by_content_hash_offline_then_loaded_from_the_cache() throws IOException {
        DataOptions options = options(cache).withOffline(true)
                .withDataDirs(List.of(), List.of(DataOptions.DEBIAN_DATASETS));
        LoadedDataset first = new DatasetResolver(options, listener).resolve(DatasetSpec.named("fashion-mnist"));
        assertThat(first.train().size()).isEqualTo(60_000);
        assertThat(first.test().size()).isEqualTo(10_000);
        assertThat(first.classNames()).startsWith("T-shirt/top", "Trouser").hasSize(10);
        assertThat(first.origin()).containsEntry("train-images", DEBIAN.resolve(TRAIN_IMAGES).toString());
        assertThat(listener.infos).contains("fashion-mnist: using " + DEBIAN.resolve(TRAIN_IMAGES)
                + " (SHA-256 of the content verified), copied into the cache");
        assertThat(listener.warnings).isEmpty();
        assertThat(cacheEntries(cache)).hasSize(4);
        assertCacheHoldsOnlyVerified(cache);

        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            LoadedDataset cached = new DatasetResolver(options, DataListener.SILENT)
                    .resolve(DatasetSpec.named("fashion-mnist"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("LOAD-TIME run " + run + ": 70,000 images of fashion-mnist from the cache, hashes"
                    + " verified, in " + millis + " ms");
            assertThat(cached.origin().get("train-images")).startsWith(cache.toString());
            assertThat(cached.train().images().pixels()).isEqualTo(first.train().images().pixels());
        }
    }

    @Test
    void copy_with_unknown_content_hash_is_accepted_by_its_gz_hash_like_mnist() {
        DataOptions options = options(cache).withOffline(true).withDataDirs(List.of(DEBIAN), List.of());
        RegisteredDataset tiny = tiny(List.of("http://127.0.0.1:9/"), false);
        LoadedDataset loaded = new DatasetResolver(options, listener, new DatasetRegistry(List.of(tiny)))
                .resolve(DatasetSpec.named("tiny"));
        assertThat(loaded.contentSha256()).containsEntry("train-images", contentSha(T10K_IMAGES));
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void copy_with_other_content_is_ignored_with_a_warning() throws IOException {
        Files.createSymbolicLink(data.resolve(TRAIN_IMAGES), DEBIAN.resolve(TRAIN_IMAGES));
        Files.write(data.resolve(TRAIN_LABELS), debian(T10K_LABELS)); // the test labels under the training name
        DataOptions options = options(cache).withOffline(true).withDataDirs(List.of(data), List.of());
        DatasetResolver resolver = new DatasetResolver(options, listener);
        assertThatThrownBy(() -> resolver.resolve(DatasetSpec.named("fashion-mnist")))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("dataset fashion-mnist: train-labels-idx1-ubyte.gz is neither in the cache");
        assertThat(listener.warnings).containsExactly("Ignoring " + data.resolve(TRAIN_LABELS) + ": SHA-256 of its"
                + " content found " + contentSha(T10K_LABELS) + ", expected " + contentSha(TRAIN_LABELS)
                + " - not the train-labels-idx1-ubyte of fashion-mnist");
    }

    @Test
    void broken_copy_is_ignored_with_the_reason() throws IOException {
        Files.write(data.resolve(T10K_LABELS), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        Files.write(data.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1});
        DataOptions options = options(cache).withOffline(true).withDataDirs(List.of(data, DEBIAN), List.of());
        RegisteredDataset tiny = tiny(List.of("http://127.0.0.1:9/"), true);
        new DatasetResolver(options, listener, new DatasetRegistry(List.of(tiny))).resolve(DatasetSpec.named("tiny"));
        assertThat(listener.warnings).hasSize(2);
        assertThat(listener.warnings.get(0)).startsWith("Ignoring " + data.resolve(T10K_LABELS) + ": "
                + data.resolve(T10K_LABELS) + ": gzip: found a damaged stream (");
        assertThat(listener.warnings.get(1)).isEqualTo("Ignoring " + data.resolve("t10k-labels-idx1-ubyte") + ": "
                + data.resolve("t10k-labels-idx1-ubyte") + ": data: found 1 bytes, expected 5 (5 labels)"
                + " - the file is truncated");
    }
}
