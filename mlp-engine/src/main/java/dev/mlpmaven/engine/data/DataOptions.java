package dev.mlpmaven.engine.data;

import dev.mlpmaven.engine.data.archive.ArchiveLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How datasets are found, cached and downloaded. Defaults in one place: {@link #defaults()}.
 *
 * @param cacheDir       the per-user cache (default: {@code $MLP_CACHE_DIR}, else {@code ~/.cache/mlp-maven});
 *                       the plugin sets it from {@code -Dmlp.cacheDir}
 * @param offline        use the cache and local copies only (Maven's {@code -o})
 * @param dataDirs       folders holding dataset files, searched before downloading
 * @param datasetRoots   folders with one sub-folder per dataset name, searched after {@code dataDirs}
 *                       (default {@code /usr/share/datasets}, where Debian's dataset packages install)
 * @param proxy          the HTTP proxy, or null for a direct connection
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    longest wait for the response headers or for the next bytes of the body
 * @param retries        further attempts on one mirror after a 5xx, a timeout or a cut connection
 * @param retryBackoff   wait before the first retry; doubled for each further one
 * @param maxPixels      the most bytes of data one IDX file may claim (bounds memory on hostile headers)
 * @param archiveLimits  what an archive or a compressed data file may expand to (bounds disk, memory and time)
 */
public record DataOptions(Path cacheDir, boolean offline, List<Path> dataDirs, List<Path> datasetRoots,
                          ProxySettings proxy, Duration connectTimeout, Duration readTimeout, int retries,
                          Duration retryBackoff, long maxPixels, ArchiveLimits archiveLimits) {
    public static final String CACHE_ENV = "MLP_CACHE_DIR";
    public static final Path DEBIAN_DATASETS = Path.of("/usr/share/datasets");

    public DataOptions {
        dataDirs = List.copyOf(dataDirs);
        datasetRoots = List.copyOf(datasetRoots);
        if (cacheDir == null) {
            throw new IllegalArgumentException("cacheDir: found null, expected a folder");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries: found " + retries + ", expected 0 or more");
        }
    }

    public static DataOptions defaults() {
        return new DataOptions(defaultCacheDir(System.getenv(), System.getProperty("user.home")), false, List.of(),
                List.of(DEBIAN_DATASETS), null, Duration.ofSeconds(20), Duration.ofSeconds(30), 3,
                Duration.ofSeconds(1), IdxReader.DEFAULT_MAX_PIXELS, ArchiveLimits.DEFAULTS);
    }

    /** {@code $MLP_CACHE_DIR} if set, else {@code <home>/.cache/mlp-maven}. */
    public static Path defaultCacheDir(Map<String, String> env, String userHome) {
        String fromEnv = env.get(CACHE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        return Path.of(userHome, ".cache", "mlp-maven");
    }

    public DataOptions withCacheDir(Path dir) {
        return new DataOptions(dir, offline, dataDirs, datasetRoots, proxy, connectTimeout, readTimeout, retries,
                retryBackoff, maxPixels, archiveLimits);
    }

    public DataOptions withOffline(boolean value) {
        return new DataOptions(cacheDir, value, dataDirs, datasetRoots, proxy, connectTimeout, readTimeout, retries,
                retryBackoff, maxPixels, archiveLimits);
    }

    public DataOptions withDataDirs(List<Path> dirs, List<Path> roots) {
        return new DataOptions(cacheDir, offline, dirs, roots, proxy, connectTimeout, readTimeout, retries,
                retryBackoff, maxPixels, archiveLimits);
    }

    public DataOptions withProxy(ProxySettings value) {
        return new DataOptions(cacheDir, offline, dataDirs, datasetRoots, value, connectTimeout, readTimeout, retries,
                retryBackoff, maxPixels, archiveLimits);
    }

    public DataOptions withTimeouts(Duration connect, Duration read, int retryCount, Duration backoff) {
        return new DataOptions(cacheDir, offline, dataDirs, datasetRoots, proxy, connect, read, retryCount, backoff,
                maxPixels, archiveLimits);
    }

    public DataOptions withArchiveLimits(ArchiveLimits value) {
        return new DataOptions(cacheDir, offline, dataDirs, datasetRoots, proxy, connectTimeout, readTimeout, retries,
                retryBackoff, maxPixels, value);
    }

    public DataOptions withMaxPixels(long value) {
        return new DataOptions(cacheDir, offline, dataDirs, datasetRoots, proxy, connectTimeout, readTimeout, retries,
                retryBackoff, value, archiveLimits);
    }
}
