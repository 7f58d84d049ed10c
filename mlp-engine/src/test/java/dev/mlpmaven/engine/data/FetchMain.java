package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process for {@code ConcurrentFetchTest}: resolves the full Fashion-MNIST from one mirror into one
 * cache and prints what it got. Arguments: cache folder, mirror URL.
 */
public final class FetchMain {
    private FetchMain() {
    }

    public static void main(String[] args) {
        RegisteredDataset full = TestDatasets.full(List.of(args[1]));
        LoadedDataset data = new DatasetResolver(TestDatasets.options(Path.of(args[0])), new RecordingListener(),
                new DatasetRegistry(List.of(full))).resolve(DatasetSpec.named(full.name()));
        System.out.println("RESULT train=" + data.train().size() + " test=" + data.test().size() + " "
                + data.contentSha256().get("train-images"));
    }
}
