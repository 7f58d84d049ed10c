package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.ImageFolderSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.image.ImageFolderLoader;
import dev.mlpmaven.engine.data.image.ImageFolderLoader.Decoded;
import dev.mlpmaven.engine.data.image.ImageFolderLoader.Listing;
import dev.mlpmaven.engine.data.image.ImageMessages;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image-folder form of a dataset: lists the files (on disk or in an archive), decodes them once and caches the
 * pixels ({@code images/<key>.bin}, the key hashing every file's path and content with the settings), then splits
 * them into train, test and validation.
 */
final class ImageFolderSource {
    static final String IMAGES = "images";

    private ImageFolderSource() {
    }

    static LoadedDataset load(DatasetSpec spec, long seed, ArchiveSource archive, DataOptions options,
                              DataCache cache, DataListener listener, ImageInput fixed) {
        ImageFolderSpec s = spec.images();
        Path root = archive == null ? s.folder() : archive.resolve(s.folder(), true);
        if (!Files.isDirectory(root)) {
            throw new UserException(String.format(DataMessages.LOCAL_FILE_NOT_FOUND, "images", root,
                    DataMessages.IMAGE_FOLDER));
        }
        String shown = archive == null ? root.toString() : archive.name(s.folder());
        java.time.Instant listed = java.time.Instant.now();
        Listing listing = ImageFolderLoader.list(root, spec.classNames());
        int channels = fixed != null ? fixed.channels() : s.channels();
        boolean invert = fixed != null ? fixed.invert() : s.invert();
        ImageInput input = fixed != null ? ImageInput.of(fixed.height(), fixed.width(), channels, invert,
                fixed.resize(), Scaling.UNIT)
                : s.resizes() ? sized(s, channels, invert) : null;
        String settings = "channels " + channels + ", invert " + invert + ", size "
                + (input == null ? "own" : input.height() + "x" + input.width() + " " + input.resize().id());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        String key;
        if (archive != null) { // the archive's hash covers every file
            key = IdxReader.hex(IdxReader.sha256().digest(("archive " + archive.sha256 + " " + s.folder() + "\n"
                    + settings + "\n" + String.join("\n", listing.classes())).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        } else {
            key = knownKey(cache, root, shown, settings, listing, listed, threads, listener);
        }
        Path entry = cache.imagesEntry(key);
        Decoded d = null;
        try (DataCache.Lock lock = cache.lock("images-" + key, () -> listener.info(String.format(
                DataMessages.WAITING_FOR_LOCK, "dataset", shown)))) {
            if (Files.isRegularFile(entry)) {
                try {
                    d = ImageFolderLoader.readEntry(entry);
                } catch (IOException e) {
                    d = null;
                }
                if (d == null || d.count() != listing.files().size()) {
                    listener.warn(String.format(DataMessages.CACHE_CORRUPT, entry, "not a complete decoded-images file"));
                    cache.delete(entry);
                    d = null;
                } else {
                    listener.info(String.format(Locale.ROOT, ImageMessages.USING_DECODED, d.count(), shown, entry));
                }
            }
            if (d == null) {
                long t0 = System.nanoTime();
                d = ImageFolderLoader.decode(listing, channels, invert, input, threads);
                cache.write(entry, ImageFolderLoader.encode(d));
                listener.info(String.format(Locale.ROOT, ImageMessages.DECODED, d.count(), shown,
                        (System.nanoTime() - t0) / 1e9, threads, entry));
            }
        }
        return assemble(spec, seed, d, listing, shown, key, archive, invert);
    }

    /** The input of {@code imageSize}; one too large for a model's input is the user's to fix. */
    private static ImageInput sized(ImageFolderSpec s, int channels, boolean invert) {
        long values = (long) s.height() * s.width() * channels;
        if (values > ImageInput.MAX_SIZE) {
            throw new UserException(String.format(Locale.ROOT, ImageMessages.IMAGE_SIZE_TOO_LARGE, s.height(),
                    s.width(), channels, values, ImageInput.MAX_SIZE));
        }
        return ImageInput.of(s.height(), s.width(), channels, invert, ImageInput.Resize.BILINEAR, Scaling.UNIT);
    }

    /** A file modified this close to the listing may have changed again within its time stamp's resolution. */
    static final java.time.Duration RACY = java.time.Duration.ofSeconds(2);

    /**
     * The content key of the folder's files. Hashing 70,000 files costs seconds, so the cache keeps an index per
     * folder and settings ({@code images/<hash of folder and settings>.index}, in the manner of git's index): the key,
     * the time the files were listed, then every file's split, class, size, modification time, file key (device and
     * inode) and path. The key is taken from there without reading the files only when every one of these is as the
     * listing gives them now and every file was modified at least {@link #RACY} before the earlier of the recorded
     * listing time and the index's own modification time (a file written just before it was listed could be written
     * again within the same time stamp, as git's "racy" entries); otherwise the files are read and hashed and the index
     * is written again. An unreadable or malformed index is treated as missing.
     */
    private static String knownKey(DataCache cache, Path root, String shown, String settings, Listing listing,
                                   java.time.Instant listed, int threads, DataListener listener) {
        StringBuilder stats = new StringBuilder();
        for (ImageFolderLoader.ImageFile f : listing.files()) {
            stats.append(f.split()).append(' ').append(f.label()).append(' ').append(f.size()).append(' ')
                    .append(time(f.modified())).append(' ').append(f.fileKey()).append(' ').append(f.relative())
                    .append('\n');
        }
        String state = settings + "\n" + String.join("\n", listing.classes()) + "\n" + stats;
        String name = IdxReader.hex(IdxReader.sha256().digest((root.toAbsolutePath() + "\n" + settings)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path index = cache.imagesEntry(name).resolveSibling(name + ".index");
        String why = ImageMessages.HASHED_NO_INDEX;
        if (Files.isRegularFile(index)) {
            why = ImageMessages.HASHED_INDEX_UNREADABLE;
            try {
                String saved = Files.readString(index, java.nio.charset.StandardCharsets.UTF_8);
                java.time.Instant written = Files.getLastModifiedTime(index).toInstant();
                int cut = saved.indexOf('\n');
                int cut2 = cut < 0 ? -1 : saved.indexOf('\n', cut + 1);
                java.time.Instant before = cut == 64 && cut2 > 0 ? parseTime(saved.substring(cut + 1, cut2)) : null;
                if (before != null) {
                    if (!saved.substring(cut2 + 1).equals(state)) {
                        why = ImageMessages.HASHED_CHANGED;
                    } else {
                        java.time.Instant trusted = (before.isBefore(written) ? before : written).minus(RACY);
                        why = listing.files().stream().anyMatch(f -> !f.modified().isBefore(trusted))
                                ? ImageMessages.HASHED_RACY : null;
                        if (why == null) {
                            return saved.substring(0, cut);
                        }
                    }
                }
            } catch (IOException e) {
                // unreadable index: hash the files
            }
        }
        long t0 = System.nanoTime();
        String key = ImageFolderLoader.key(listing, settings, threads);
        listener.info(String.format(Locale.ROOT, ImageMessages.HASHED, listing.files().size(), shown,
                (System.nanoTime() - t0) / 1e9, why));
        cache.write(index, java.nio.ByteBuffer.wrap((key + "\n" + time(listed) + "\n" + state).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        return key;
    }

    /** A time as seconds.nanoseconds since 1970 (the index's format). */
    private static String time(java.time.Instant t) {
        return t.getEpochSecond() + "." + t.getNano();
    }

    /** The index's time, or null when it is not one. */
    private static java.time.Instant parseTime(String s) {
        int dot = s.indexOf('.');
        try {
            return dot < 0 ? null : java.time.Instant.ofEpochSecond(Long.parseLong(s.substring(0, dot)),
                    Integer.parseInt(s.substring(dot + 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LoadedDataset assemble(DatasetSpec spec, long seed, Decoded d, Listing listing, String shown,
                                          String key, ArchiveSource archive, boolean invert) {
        int n = d.count();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = d.labels()[i] & 0xFF;
        }
        int[] train;
        int[] test;
        int[] validation = null;
        if (listing.splitLayout()) {
            train = where(d, ImageFolderLoader.TRAIN);
            test = where(d, ImageFolderLoader.TEST);
            if (listing.hasValidation()) {
                validation = where(d, ImageFolderLoader.VALIDATION);
            }
        } else {
            StratifiedSplit split = StratifiedSplit.of(labels, listing.classes().size(), spec.testSplit(), seed);
            if (split.first().length == 0 || split.second().length == 0) {
                throw new UserException(String.format(Locale.ROOT, ImageMessages.SPLIT_EMPTY, shown, n,
                        listing.classes().size(), spec.testSplit()));
            }
            train = split.first();
            test = split.second();
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        if (archive != null) {
            hashes.put(TableSource.ARCHIVE, archive.sha256);
            origins.put(TableSource.ARCHIVE, archive.archive.toString());
        }
        hashes.put(IMAGES, key);
        origins.put(IMAGES, shown);
        ImageInput input = ImageInput.of(d.height(), d.width(), d.channels(), invert,
                spec.images().resizes() ? ImageInput.Resize.BILINEAR : ImageInput.Resize.NONE, Scaling.UNIT);
        return new LoadedDataset("local", split(d, train), split(d, test), listing.classes(), hashes, origins,
                validation == null ? null : split(d, validation), input);
    }

    private static int[] where(Decoded d, byte which) {
        int count = 0;
        for (byte b : d.split()) {
            count += b == which ? 1 : 0;
        }
        int[] at = new int[count];
        for (int i = 0, k = 0; i < d.count(); i++) {
            if (d.split()[i] == which) {
                at[k++] = i;
            }
        }
        return at;
    }

    private static DataSplit split(Decoded d, int[] at) {
        int size = d.height() * d.width() * d.channels();
        byte[] pixels = new byte[at.length * size];
        byte[] labels = new byte[at.length];
        for (int i = 0; i < at.length; i++) {
            System.arraycopy(d.pixels(), at[i] * size, pixels, i * size, size);
            labels[i] = d.labels()[at[i]];
        }
        return new DataSplit(new IdxImages(at.length, d.height(), d.width(), d.channels(), pixels),
                new IdxLabels(at.length, labels));
    }
}
