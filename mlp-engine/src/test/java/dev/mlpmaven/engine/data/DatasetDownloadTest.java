package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.mlpmaven.engine.data.FaultyServer.Fault.*;
import static dev.mlpmaven.engine.data.TestDatasets.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real download code against a real HTTP server on 127.0.0.1 serving Debian's Fashion-MNIST files. */
class DatasetDownloadTest {
    @TempDir
    Path cache;
    FaultyServer server;
    final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() throws IOException {
        server = new FaultyServer();
        serveAll(server, "m1");
        serveAll(server, "m2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LoadedDataset resolve(RegisteredDataset dataset, DataOptions options) {
        return new DatasetResolver(options, listener, new DatasetRegistry(List.of(dataset)))
                .resolve(DatasetSpec.named(dataset.name()));
    }

    private String url(String folder, String name) {
        return server.mirror(folder) + name;
    }

    @Test
    void download_is_verified_cached_and_then_loaded_from_the_cache() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        LoadedDataset first = resolve(tiny, options(cache));
        assertThat(first.train().size()).isEqualTo(10_000);
        assertThat(first.test().size()).isEqualTo(10_000);
        assertThat(first.contentSha256()).containsEntry("test-images", contentSha(T10K_IMAGES));
        assertThat(first.origin()).containsEntry("train-images", url("m1", T10K_IMAGES));
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(1);
        assertThat(server.hits("m1", T10K_LABELS)).isEqualTo(1);
        assertThat(cacheEntries(cache)).containsExactly(contentSha(T10K_LABELS) + ".idx",
                contentSha(T10K_IMAGES) + ".idx");
        assertThat(listener.infos).contains("Downloading " + url("m1", T10K_IMAGES) + " (4.4 MB)");
        assertThat(listener.warnings).isEmpty();

        LoadedDataset second = resolve(tiny, options(cache));
        assertThat(server.totalHits()).isEqualTo(2);
        assertThat(second.contentSha256()).isEqualTo(first.contentSha256());
        assertThat(second.test().images().pixels()).isEqualTo(first.test().images().pixels());
        Path entry = cache.resolve("v1/idx/" + contentSha(T10K_IMAGES) + ".idx");
        assertThat(listener.infos).contains("tiny: using cached t10k-images-idx3-ubyte (" + entry + ")");
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void server_error_500_is_retried_then_succeeds() throws IOException {
        server.faults("m1", T10K_IMAGES, STATUS_500);
        resolve(tiny(List.of(server.mirror("m1")), true), options(cache));
        assertThat(listener.warnings).containsExactly(
                url("m1", T10K_IMAGES) + ": HTTP 500 - retrying in 10 ms (attempt 2 of 3)");
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(2);
        assertCacheHoldsOnlyVerified(cache);
        assertThat(cacheEntries(cache)).hasSize(2);
    }

    @Test
    void connection_cut_mid_body_is_retried_then_succeeds() throws IOException {
        server.faults("m1", T10K_IMAGES, CUT);
        resolve(tiny(List.of(server.mirror("m1")), true), options(cache));
        assertThat(listener.warnings).hasSize(1);
        assertThat(listener.warnings.get(0)).matches(java.util.regex.Pattern.quote(url("m1", T10K_IMAGES))
                + ": connection cut after \\d+ of 4422079 bytes - retrying in 10 ms \\(attempt 2 of 3\\)");
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(2);
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void checksum_mismatch_goes_to_the_next_mirror_and_is_never_cached() throws IOException {
        server.always("m1", T10K_IMAGES, WRONG_BYTES);
        byte[] wrong = debian(T10K_IMAGES).clone();
        wrong[wrong.length / 2] ^= 0x01;
        resolve(tiny(List.of(server.mirror("m1"), server.mirror("m2")), true), options(cache));
        assertThat(listener.warnings).containsExactly(url("m1", T10K_IMAGES) + ": SHA-256 found " + sha(wrong)
                + ", expected " + sha(debian(T10K_IMAGES)) + " - not the expected file; discarded it");
        assertThat(server.hits("m2", T10K_IMAGES)).isEqualTo(1);
        assertThat(server.hits("m1", T10K_LABELS)).isEqualTo(1);
        assertThat(server.hits("m2", T10K_LABELS)).isZero();
        assertCacheHoldsOnlyVerified(cache);
        assertThat(cacheEntries(cache)).hasSize(2);
    }

    @Test
    void checksum_mismatch_on_every_mirror_fails_with_what_to_do() throws IOException {
        server.always("m1", T10K_LABELS, WRONG_BYTES);
        byte[] wrong = debian(T10K_LABELS).clone();
        wrong[wrong.length / 2] ^= 0x01;
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        DataOptions options = options(cache).withDataDirs(List.of(cache.resolve("data")), List.of());
        assertThatThrownBy(() -> resolve(tiny, options)).isInstanceOf(UserException.class)
                .hasMessage("dataset tiny: could not download t10k-labels-idx1-ubyte.gz from any mirror:"
                        + System.lineSeparator() + "  " + url("m1", T10K_LABELS) + ": SHA-256 mismatch (found "
                        + sha(wrong) + ")" + System.lineSeparator()
                        + " - check the network and the proxy (Maven's settings.xml), add a mirror (dataset mirrors),"
                        + " or put the file in a data directory (" + cache.resolve("data") + ")");
        assertCacheHoldsOnlyVerified(cache);
        assertThat(cacheEntries(cache)).containsExactly(contentSha(T10K_IMAGES) + ".idx");
    }

    @Test
    void stalled_server_times_out_is_retried_then_the_next_mirror_is_used() throws IOException {
        server.always("m1", T10K_IMAGES, STALL);
        server.stallMillis = 2000;
        DataOptions options = options(cache).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), 1,
                Duration.ofMillis(10));
        long start = System.nanoTime();
        resolve(tiny(List.of(server.mirror("m1"), server.mirror("m2")), true), options);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
        assertThat(listener.warnings).containsExactly(
                url("m1", T10K_IMAGES) + ": timed out: no data for 300 ms - retrying in 10 ms (attempt 2 of 2)",
                url("m1", T10K_IMAGES) + ": timed out: no data for 300 ms - trying the next mirror");
        assertThat(server.hits("m2", T10K_IMAGES)).isEqualTo(1);
        assertCacheHoldsOnlyVerified(cache);
        assertThat(cacheEntries(cache)).hasSize(2);
    }

    @Test
    void server_slow_to_answer_times_out_on_the_headers() throws IOException {
        server.always("m1", T10K_LABELS, LATE);
        server.stallMillis = 2000;
        DataOptions options = options(cache).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300), 0,
                Duration.ofMillis(10));
        assertThatThrownBy(() -> resolve(tiny(List.of(server.mirror("m1")), true), options))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("  " + url("m1", T10K_LABELS) + ": timed out: no data for 300 ms"
                        + System.lineSeparator());
        assertCacheHoldsOnlyVerified(cache);
        assertThat(cacheEntries(cache)).containsExactly(contentSha(T10K_IMAGES) + ".idx");
    }

    @Test
    void not_found_on_the_first_mirror_goes_to_the_second_without_retrying() throws IOException {
        server.always("m1", T10K_IMAGES, STATUS_404);
        server.always("m1", T10K_LABELS, STATUS_404);
        resolve(tiny(List.of(server.mirror("m1"), server.mirror("m2")), true), options(cache));
        assertThat(listener.warnings).containsExactly(
                url("m1", T10K_IMAGES) + ": HTTP 404 - trying the next mirror",
                url("m1", T10K_LABELS) + ": HTTP 404 - trying the next mirror");
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(1);
        assertThat(server.hits("m2", T10K_IMAGES)).isEqualTo(1);
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void mirror_that_is_not_http_is_reported_and_skipped() {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        DatasetSpec spec = new DatasetSpec("tiny", null, null, null, null, List.of("file:///srv/data/"),
                List.of(), List.of());
        new DatasetResolver(options(cache), listener, new DatasetRegistry(List.of(tiny))).resolve(spec);
        assertThat(listener.warnings).containsExactly(
                "file:///srv/data/t10k-images-idx3-ubyte.gz: not a usable URL (scheme file) - mirrors are http:// or"
                        + " https:// folders; list local folders in dataDirs - trying the next mirror",
                "file:///srv/data/t10k-labels-idx1-ubyte.gz: not a usable URL (scheme file) - mirrors are http:// or"
                        + " https:// folders; list local folders in dataDirs - trying the next mirror");
    }

    @Test
    void downloads_go_through_the_proxy_with_its_credentials() throws IOException {
        // the test server acts as the proxy; the mirror's host name exists only behind it
        server.requiredProxyAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("ada:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int port = Integer.parseInt(server.mirror("m1").replaceAll(".*:(\\d+)/.*", "$1"));
        ProxySettings proxy = new ProxySettings("127.0.0.1", port, "ada", "s3cret", List.of());
        RegisteredDataset tiny = tiny(List.of("http://mirror.invalid/m1/"), true);
        LoadedDataset data = resolve(tiny, options(cache).withProxy(proxy));
        assertThat(data.origin()).containsEntry("train-images", "http://mirror.invalid/m1/" + T10K_IMAGES);
        assertThat(server.requests).contains("GET http://mirror.invalid/m1/" + T10K_IMAGES);
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(1);
        assertThat(listener.warnings).isEmpty();
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void non_proxy_hosts_are_reached_directly() {
        ProxySettings deadProxy = new ProxySettings("127.0.0.1", 9, null, null, List.of("127.0.0.1"));
        resolve(tiny(List.of(server.mirror("m1")), true), options(cache).withProxy(deadProxy));
        assertThat(server.requests).allMatch(r -> r.startsWith("GET /m1/"));
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void redirect_is_followed() throws IOException {
        server.always("m1", T10K_IMAGES, REDIRECT);
        LoadedDataset data = resolve(tiny(List.of(server.mirror("m1")), true), options(cache));
        assertThat(server.hits("m2", T10K_IMAGES)).isEqualTo(1);
        assertThat(data.contentSha256()).containsEntry("train-images", contentSha(T10K_IMAGES));
        assertThat(listener.warnings).isEmpty();
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void progress_line_shows_bytes_percent_and_speed() {
        assertThat(Downloader.progress(java.net.URI.create("http://h/x/train-images-idx3-ubyte.gz"), 13_210_928,
                26_421_856, 2_000_000_000L))
                .isEqualTo("  train-images-idx3-ubyte.gz: 13.2 MB of 26.4 MB (50%), 6.6 MB/s");
        assertThat(Downloader.progress(java.net.URI.create("http://h/f.gz"), 1500, -1, 1_000_000_000L))
                .isEqualTo("  f.gz: 1.5 kB of ?, 1.5 kB/s");
    }

    @Test
    void mirrors_of_the_experiment_come_before_the_built_in_ones() {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        DatasetSpec spec = new DatasetSpec("tiny", null, null, null, null, List.of(server.mirror("m2")),
                List.of(), List.of());
        new DatasetResolver(options(cache), listener, new DatasetRegistry(List.of(tiny))).resolve(spec);
        assertThat(server.hits("m2", T10K_IMAGES)).isEqualTo(1);
        assertThat(server.hits("m1", T10K_IMAGES)).isZero();
    }

    @Test
    void corrupted_cache_entry_is_reported_deleted_and_fetched_again() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        resolve(tiny, options(cache));
        Path entry = cache.resolve("v1/idx/" + contentSha(T10K_IMAGES) + ".idx");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[5000] ^= 0x7F;
        Files.write(entry, bytes);

        LoadedDataset again = resolve(tiny, options(cache));
        assertThat(listener.warnings).containsExactly("Cache entry " + entry + " is corrupt (SHA-256 of the content"
                + " found " + sha(bytes) + ", expected " + contentSha(T10K_IMAGES) + ") - deleted it; fetching the file"
                + " again");
        assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(2);
        assertThat(again.contentSha256()).containsEntry("train-images", contentSha(T10K_IMAGES));
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void truncated_cache_entry_is_reported_and_fetched_again() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        resolve(tiny, options(cache));
        Path entry = cache.resolve("v1/idx/" + contentSha(T10K_LABELS) + ".idx");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, 5000));

        resolve(tiny, options(cache));
        assertThat(listener.warnings).containsExactly("Cache entry " + entry + " is corrupt (" + entry
                + ": data: found 4992 bytes, expected 10000 (10000 labels) - the file is truncated) - deleted it;"
                + " fetching the file again");
        assertThat(server.hits("m1", T10K_LABELS)).isEqualTo(2);
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void offline_uses_the_cached_copy() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), false);
        resolve(tiny, options(cache));
        int hits = server.totalHits();
        server.close();
        LoadedDataset offline = resolve(tiny, options(cache).withOffline(true));
        assertThat(offline.train().size()).isEqualTo(10_000);
        assertThat(server.totalHits()).isEqualTo(hits);
        assertThat(listener.warnings).isEmpty();
    }

    @Test
    void offline_without_a_cached_copy_says_what_to_do() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), true);
        Path dir = cache.resolve("empty-data");
        DataOptions options = options(cache).withOffline(true).withDataDirs(List.of(dir), List.of());
        assertThatThrownBy(() -> resolve(tiny, options)).isInstanceOf(UserException.class)
                .hasMessage("dataset tiny: t10k-images-idx3-ubyte.gz is neither in the cache (" + cache + ") nor in a"
                        + " data directory (" + dir + "), and downloads are off (offline) - run `mvn mlp:fetch` once"
                        + " online to fill the cache, or set dataDirs to a folder holding the file");
        assertThat(server.totalHits()).isZero();
        assertThat(cacheEntries(cache)).isEmpty();
    }

    @Test
    void offline_message_for_fashion_mnist_names_the_debian_package() {
        DataOptions options = options(cache).withOffline(true);
        DatasetResolver resolver = new DatasetResolver(options, listener);
        assertThatThrownBy(() -> resolver.resolve(DatasetSpec.named("fashion-mnist")))
                .isInstanceOf(UserException.class)
                .hasMessage("dataset fashion-mnist: train-images-idx3-ubyte.gz is neither in the cache (" + cache
                        + ") nor in a data directory (none set), and downloads are off (offline) - run `mvn mlp:fetch` once"
                        + " online to fill the cache, install the Debian package dataset-fashion-mnist (apt-get"
                        + " install dataset-fashion-mnist), or set dataDirs to a folder holding the file");
    }

    @Test
    void content_hash_unknown_in_advance_is_recorded_at_download_like_mnist() throws IOException {
        RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), false);
        resolve(tiny, options(cache));
        Path ref = cache.resolve("v1/refs/" + sha(debian(T10K_IMAGES)));
        assertThat(Files.readString(ref).trim()).isEqualTo(contentSha(T10K_IMAGES));
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void gzip_bomb_with_the_expected_hash_fails_fast_and_is_not_cached() throws IOException {
        Path bomb = cache.resolve("bomb.gz");
        IdxReaderTest.writeBomb(bomb, 10, 128L << 20);
        byte[] bytes = Files.readAllBytes(bomb);
        Files.delete(bomb);
        server.serve("evil", T10K_IMAGES, bytes).serve("evil", T10K_LABELS, debian(T10K_LABELS));
        RegisteredDataset evil = new RegisteredDataset("evil", DatasetRegistry.FASHION_CLASSES,
                List.of(server.mirror("evil")), java.util.Map.of(
                FileRole.TRAIN_IMAGES, new RemoteFile(FileRole.TRAIN_IMAGES, T10K_IMAGES, sha(bytes), null),
                FileRole.TRAIN_LABELS, file(FileRole.TRAIN_LABELS, T10K_LABELS, true),
                FileRole.TEST_IMAGES, new RemoteFile(FileRole.TEST_IMAGES, T10K_IMAGES, sha(bytes), null),
                FileRole.TEST_LABELS, file(FileRole.TEST_LABELS, T10K_LABELS, true)), null);
        long start = System.nanoTime();
        assertThatThrownBy(() -> resolve(evil, options(cache))).isInstanceOf(UserException.class)
                .hasMessage(url("evil", T10K_IMAGES) + ": data: found more than 7840 bytes, expected exactly 7840"
                        + " (10 images of 28x28) - trailing bytes after the data; the header count is wrong or the"
                        + " file is corrupt");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(2.0);
        assertThat(cacheEntries(cache)).isEmpty();
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void header_claiming_billions_of_images_fails_before_allocating_and_is_not_cached() throws IOException {
        byte[] bytes = Files.readAllBytes(IdxReaderTest.fixture("images-billions.idx.gz"));
        server.serve("evil", T10K_IMAGES, bytes);
        RegisteredDataset evil = new RegisteredDataset("evil", DatasetRegistry.FASHION_CLASSES,
                List.of(server.mirror("evil")), java.util.Map.of(
                FileRole.TRAIN_IMAGES, new RemoteFile(FileRole.TRAIN_IMAGES, T10K_IMAGES, sha(bytes), null),
                FileRole.TRAIN_LABELS, file(FileRole.TRAIN_LABELS, T10K_LABELS, true),
                FileRole.TEST_IMAGES, new RemoteFile(FileRole.TEST_IMAGES, T10K_IMAGES, sha(bytes), null),
                FileRole.TEST_LABELS, file(FileRole.TEST_LABELS, T10K_LABELS, true)), null);
        assertThatThrownBy(() -> resolve(evil, options(cache))).isInstanceOf(UserException.class)
                .hasMessage(url("evil", T10K_IMAGES) + ": header: found 4294967295 images of 28x28 = 3367254359280"
                        + " pixels, expected at most 100000000 - the header is corrupt (or raise the limit maxPixels)");
        assertThat(cacheEntries(cache)).isEmpty();
        assertCacheHoldsOnlyVerified(cache);
    }

    @Test
    void unknown_dataset_name_lists_the_known_ones() {
        DatasetResolver resolver = new DatasetResolver(options(cache), listener);
        assertThatThrownBy(() -> resolver.resolve(DatasetSpec.named("cifar-10"))).isInstanceOf(UserException.class)
                .hasMessage("dataset: found \"cifar-10\", expected one of [fashion-mnist, fashion-mnist-sample, mnist]"
                        + " - or give four local IDX files (trainImages, trainLabels, testImages, testLabels)");
    }
}
