package dev.mlpmaven.engine.data;

import dev.mlpmaven.engine.SystemPackages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry entries over Debian's real Fashion-MNIST files, whose .gz hashes differ from upstream's. */
final class TestDatasets {
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
    static final String T10K_IMAGES = "t10k-images-idx3-ubyte.gz";
    static final String T10K_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private TestDatasets() {
    }

    static byte[] debian(String name) {
        return BYTES.computeIfAbsent(name, n -> {
            try {
                return Files.readAllBytes(SystemPackages.require(DEBIAN.resolve(n), SystemPackages.FASHION_MNIST));
            } catch (IOException e) {
                throw new UncheckedIOException("the tests need Debian's package dataset-fashion-mnist", e);
            }
        });
    }

    static String sha(byte[] b) {
        return IdxReader.hex(IdxReader.sha256().digest(b));
    }

    static String contentSha(String name) {
        RegisteredDataset fashion = DatasetRegistry.builtIn().find(DatasetRegistry.FASHION_MNIST).orElseThrow();
        return fashion.files().values().stream().filter(f -> f.fileName().equals(name)).findFirst().orElseThrow()
                .contentSha256();
    }

    /** A remote file served from Debian's copy; the expected .gz hash is that of Debian's .gz. */
    static RemoteFile file(FileRole role, String name, boolean knownContent) {
        return new RemoteFile(role, name, sha(debian(name)), knownContent ? contentSha(name) : null);
    }

    /**
     * "tiny": the t10k files stand in for both splits (4.4 MB), so fault tests stay quick.
     * With {@code knownContent} false the content hashes are unknown, as for MNIST.
     */
    static RegisteredDataset tiny(List<String> mirrors, boolean knownContent) {
        return new RegisteredDataset("tiny", DatasetRegistry.FASHION_CLASSES, mirrors, Map.of(
                FileRole.TRAIN_IMAGES, file(FileRole.TRAIN_IMAGES, T10K_IMAGES, knownContent),
                FileRole.TRAIN_LABELS, file(FileRole.TRAIN_LABELS, T10K_LABELS, knownContent),
                FileRole.TEST_IMAGES, file(FileRole.TEST_IMAGES, T10K_IMAGES, knownContent),
                FileRole.TEST_LABELS, file(FileRole.TEST_LABELS, T10K_LABELS, knownContent)), null);
    }

    /** The whole of Fashion-MNIST, served from Debian's copy. */
    static RegisteredDataset full(List<String> mirrors) {
        return new RegisteredDataset("full", DatasetRegistry.FASHION_CLASSES, mirrors, Map.of(
                FileRole.TRAIN_IMAGES, file(FileRole.TRAIN_IMAGES, TRAIN_IMAGES, true),
                FileRole.TRAIN_LABELS, file(FileRole.TRAIN_LABELS, TRAIN_LABELS, true),
                FileRole.TEST_IMAGES, file(FileRole.TEST_IMAGES, T10K_IMAGES, true),
                FileRole.TEST_LABELS, file(FileRole.TEST_LABELS, T10K_LABELS, true)), null);
    }

    static FaultyServer serveAll(FaultyServer server, String folder) {
        for (String name : List.of(T10K_IMAGES, T10K_LABELS, TRAIN_IMAGES, TRAIN_LABELS)) {
            server.serve(folder, name, debian(name));
        }
        return server;
    }

    /** Options for tests: this cache, no data folders, quick timeouts and back-off. */
    static DataOptions options(Path cache) {
        return DataOptions.defaults().withCacheDir(cache).withDataDirs(List.of(), List.of())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), 2, Duration.ofMillis(10));
    }

    /** Every cache entry's content hashes to its name, and nothing half-written is left. */
    static void assertCacheHoldsOnlyVerified(Path cacheDir) throws IOException {
        Path idx = cacheDir.resolve("v1").resolve("idx");
        if (Files.isDirectory(idx)) {
            try (Stream<Path> entries = Files.list(idx)) {
                for (Path e : entries.toList()) {
                    assertThat(e.getFileName().toString()).matches("[0-9a-f]{64}\\.idx");
                    assertThat(sha(Files.readAllBytes(e)) + ".idx").as("content of %s", e)
                            .isEqualTo(e.getFileName().toString());
                }
            }
        }
        Path tmp = cacheDir.resolve("v1").resolve("tmp");
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("files left in tmp/").isEmpty();
            }
        }
    }

    static List<String> cacheEntries(Path cacheDir) throws IOException {
        Path idx = cacheDir.resolve("v1").resolve("idx");
        if (!Files.isDirectory(idx)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(idx)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".idx")).sorted().toList();
        }
    }
}
