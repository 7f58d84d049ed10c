package dev.mlpmaven.engine.data;

/**
 * User-facing messages of the dataset resolver, cache and downloader, kept in one place so tests and
 * integration tests match them word for word. Arguments are filled with {@link String#format}.
 */
public final class DataMessages {
    private DataMessages() {
    }

    /** name given, the names known. */
    public static final String UNKNOWN_DATASET =
            "dataset: found \"%s\", expected one of %s - or give four local IDX files (trainImages, trainLabels,"
                    + " testImages, testLabels)";
    /** which field. */
    public static final String LOCAL_FILE_MISSING_FIELD =
            "dataset.%s: found nothing, expected the path of an IDX file - give all four local files or a dataset name";
    /** field, path, what was expected ({@link #IDX_FILE}, {@link #CSV_FILE}, ...). */
    public static final String LOCAL_FILE_NOT_FOUND =
            "dataset.%s: found \"%s\", expected an existing %s - check the path; relative paths"
                    + " are resolved against the experiment file's folder";
    public static final String IDX_FILE = "IDX file (raw, gzip, xz, bzip2 or zstd)";
    public static final String CSV_FILE = "CSV file (plain, gzip, xz, bzip2 or zstd)";
    public static final String ARCHIVE_FILE = "archive (zip or tar, plain or compressed)";
    public static final String IMAGE_FOLDER = "folder of class folders of images";
    /** train images file, test images file, rows, cols, rows, cols. */
    public static final String IMAGE_SIZE_MISMATCH =
            "%s and %s: found images of %dx%d and %dx%d, expected the same size - are they from the same dataset?";
    /** resource path. */
    public static final String SAMPLE_MISSING =
            "fashion-mnist-sample: resource %s not found on the classpath - the mlp-engine jar is incomplete; rebuild it";

    /** cache file, problem. */
    public static final String CACHE_CORRUPT =
            "Cache entry %s is corrupt (%s) - deleted it; fetching the file again";
    /** local file, content SHA-256 found, expected, file name, dataset. */
    public static final String LOCAL_COPY_MISMATCH =
            "Ignoring %s: SHA-256 of its content found %s, expected %s - not the %s of %s";
    /** local file, problem. */
    public static final String LOCAL_COPY_BROKEN = "Ignoring %s: %s";
    /** dataset, file, where found. */
    public static final String USING_LOCAL_COPY = "%s: using %s (SHA-256 of the content verified), copied into the cache";
    /** dataset, file, cache file. */
    public static final String USING_CACHE = "%s: using cached %s (%s)";

    /** dataset, file name. */
    public static final String WAITING_FOR_LOCK =
            "%s: another build is fetching %s into the cache; waiting for it";
    /** the URL as given, the problem. */
    public static final String REASON_BAD_URL =
            "not a usable URL (%s) - mirrors are http:// or https:// folders; list local folders in dataDirs";
    /** url, size (or "size unknown"). */
    public static final String DOWNLOADING = "Downloading %s (%s)";
    /** file name, bytes so far, total (or "?"), percent text, speed. */
    public static final String PROGRESS = "  %s: %s of %s%s, %s/s";
    /** url, size, seconds, speed. */
    public static final String DOWNLOADED = "Downloaded %s: %s in %.1f s (%s/s)";
    /** url, reason, wait in ms, next attempt, attempts. */
    public static final String RETRYING = "%s: %s - retrying in %d ms (attempt %d of %d)";
    /** url, SHA-256 found, SHA-256 expected. */
    public static final String CHECKSUM_MISMATCH =
            "%s: SHA-256 found %s, expected %s - not the expected file; discarded it";
    /** url, reason. */
    public static final String MIRROR_FAILED = "%s: %s - trying the next mirror";

    /** status code. */
    public static final String REASON_HTTP = "HTTP %d";
    /** milliseconds. */
    public static final String REASON_TIMEOUT = "timed out: no data for %d ms";
    /** bytes received, bytes announced. */
    public static final String REASON_CUT = "connection cut after %d of %d bytes";
    /** exception text. */
    public static final String REASON_IO = "connection failed: %s";
    /** SHA-256 found. */
    public static final String REASON_CHECKSUM = "SHA-256 mismatch (found %s)";

    /** dataset, file, list of "  url: reason" lines, data dir hint. */
    public static final String ALL_MIRRORS_FAILED =
            "dataset %s: could not download %s from any mirror:%n%s%n - check the network and the proxy (Maven's"
                    + " settings.xml), add a mirror (dataset mirrors), or put the file in a data directory (%s)";
    /** dataset, file, cache dir, data dirs searched, dataset, extra hint (Debian package or ""). */
    public static final String OFFLINE_MISSING =
            "dataset %s: %s is neither in the cache (%s) nor in a data directory (%s), and downloads are off"
                    + " (offline) - run `mvn mlp:fetch` once online to fill the cache%s, or set dataDirs to a folder"
                    + " holding the file";
    /** Debian package, Debian package. */
    public static final String OFFLINE_HINT_DEBIAN = ", install the Debian package %s (apt-get install %s)";
    /** cache folder, problem. */
    public static final String CACHE_UNUSABLE =
            "cache %s: found it unusable (%s), expected a writable folder - set MLP_CACHE_DIR or -Dmlp.cacheDir";
}
