package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.mlpmaven.engine.data.TestDatasets.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Two fetchers at once on one cache download each file once, and both succeed. */
class ConcurrentFetchTest {
    @TempDir
    Path cache;

    @Test
    void two_processes_share_one_cache_and_download_once() throws Exception {
        try (FaultyServer server = serveAll(new FaultyServer(), "m1")) {
            // the first request waits 1.5 s before answering, so the other process surely arrives meanwhile
            server.stallMillis = 1500;
            server.faults("m1", TRAIN_IMAGES, FaultyServer.Fault.LATE);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                processes.add(new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                        FetchMain.class.getName(), cache.toString(), server.mirror("m1"))
                        .redirectErrorStream(true).start());
            }
            List<String> outputs = new ArrayList<>();
            for (Process p : processes) {
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return e.toString();
                    }
                });
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String text = out.get(10, TimeUnit.SECONDS);
                System.out.println(text);
                assertThat(p.exitValue()).as(text).isZero();
                outputs.add(text);
            }
            for (String text : outputs) {
                assertThat(text).contains("RESULT train=60000 test=10000 " + contentSha(TRAIN_IMAGES));
            }
            assertThat(String.join("", outputs)).containsOnlyOnce("Downloaded " + server.mirror("m1") + TRAIN_IMAGES)
                    .containsOnlyOnce("full: another build is fetching train-images-idx3-ubyte.gz into the cache;"
                            + " waiting for it");
            for (String name : List.of(TRAIN_IMAGES, TRAIN_LABELS, T10K_IMAGES, T10K_LABELS)) {
                assertThat(server.hits("m1", name)).as(name).isEqualTo(1);
            }
            assertCacheHoldsOnlyVerified(cache);
            assertThat(cacheEntries(cache)).hasSize(4);
        }
    }

    @Test
    void two_threads_share_one_cache_and_download_once() throws Exception {
        try (FaultyServer server = serveAll(new FaultyServer(), "m1")) {
            RegisteredDataset tiny = tiny(List.of(server.mirror("m1")), false);
            List<CompletableFuture<LoadedDataset>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> new DatasetResolver(options(cache),
                        new RecordingListener(), new DatasetRegistry(List.of(tiny))).resolve(DatasetSpec.named("tiny"))));
            }
            for (CompletableFuture<LoadedDataset> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS).contentSha256())
                        .containsEntry("test-images", contentSha(T10K_IMAGES));
            }
            assertThat(server.hits("m1", T10K_IMAGES)).isEqualTo(1);
            assertThat(server.hits("m1", T10K_LABELS)).isEqualTo(1);
            assertCacheHoldsOnlyVerified(cache);
        }
    }
}
