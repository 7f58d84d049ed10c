package dev.mlpmaven.engine.data.image;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InvalidInputException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.mlpmaven.engine.data.image.ImageMessages.*;

/**
 * Reads a folder of labelled images (torchvision's ImageFolder layout) into pixel bytes with the runtime's
 * {@link ImageInput#pixels} (colour conversion, resizing), so that training and prediction see the same bytes.
 *
 * <p>Layout: {@code train/<class>/...}, {@code test/<class>/...} and optionally {@code validation/<class>/...}; or
 * only {@code <class>/...} folders (the caller splits them by {@code testSplit}). A class folder may hold sub-folders;
 * its files are taken in path order. Hidden files and folders (names starting with '.') are skipped; any other
 * file must be an image javax.imageio reads (PNG, JPEG, BMP, GIF).
 */
public final class ImageFolderLoader {
    /** The largest pixel array (one Java array). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16;
    /** The split of each image in {@link Decoded#split()}. */
    public static final byte TRAIN = 0;
    public static final byte TEST = 1;
    public static final byte VALIDATION = 2;

    private ImageFolderLoader() {
    }

    /**
     * One image file: which split, which class, where, and its size, modification time and file key (device and
     * inode where the platform gives them, else "-") as the listing's one stat saw them.
     */
    public record ImageFile(byte split, int label, Path path, String relative, long size, java.time.Instant modified,
                            String fileKey) {
    }

    /** The files of an image folder and its classes. */
    public record Listing(Path root, boolean splitLayout, boolean hasValidation, List<String> classes,
                          List<ImageFile> files) {
    }

    /**
     * The decoded images, in {@link Listing#files()} order.
     *
     * @param height   rows of every image
     * @param width    columns
     * @param channels 1 or 3
     * @param labels   class of each image
     * @param split    {@link #TRAIN}, {@link #TEST} or {@link #VALIDATION} of each image
     * @param pixels   HWC bytes of every image, back to back, as {@link ImageInput#pixels} gives them (not inverted:
     *                 the runtime's lookup table inverts and scales)
     */
    public record Decoded(int height, int width, int channels, byte[] labels, byte[] split, byte[] pixels) {
        public int count() {
            return labels.length;
        }

        /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Decoded o && height == o.height && width == o.width && channels == o.channels
                    && Arrays.equals(labels, o.labels) && Arrays.equals(split, o.split)
                    && Arrays.equals(pixels, o.pixels);
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(height, width, channels);
            h = 31 * h + Arrays.hashCode(labels);
            h = 31 * h + Arrays.hashCode(split);
            return 31 * h + Arrays.hashCode(pixels);
        }

        /** The components, arrays by their length. */
        @Override
        public String toString() {
            return "Decoded[height=" + height + ", width=" + width + ", channels=" + channels + ", labels=byte["
                    + labels.length + "], split=byte[" + split.length + "], pixels=byte[" + pixels.length + "]]";
        }
    }

    /** Lists the images under {@code root}, checking the layout and the classes. */
    public static Listing list(Path root, List<String> classNames) {
        boolean splitLayout = Files.isDirectory(root.resolve("train"));
        if (splitLayout && !Files.isDirectory(root.resolve("test"))) {
            throw new UserException(String.format(Locale.ROOT, NO_TEST_FOLDER, root, root));
        }
        List<ImageFile> files = new ArrayList<>();
        List<String> classes;
        boolean validation = false;
        if (splitLayout) {
            Path train = root.resolve("train");
            for (Path p : children(root)) {
                if (Files.isRegularFile(p)) {
                    throw new UserException(String.format(Locale.ROOT, FILE_OUTSIDE_CLASS, p, "train/, test/, validation/"));
                }
            }
            List<String> folders = classFolders(train);
            classes = order(folders, classNames, train);
            collect(train, TRAIN, classes, null, files);
            collect(root.resolve("test"), TEST, classes, train, files);
            if (Files.isDirectory(root.resolve("validation"))) {
                validation = true;
                collect(root.resolve("validation"), VALIDATION, classes, train, files);
            }
        } else {
            classes = order(classFolders(root), classNames, root);
            collect(root, TRAIN, classes, null, files);
        }
        return new Listing(root, splitLayout, validation, classes, files);
    }

    private static List<String> classFolders(Path dir) {
        List<String> names = new ArrayList<>();
        for (Path p : children(dir)) {
            if (Files.isDirectory(p)) {
                names.add(p.getFileName().toString());
            } else {
                throw new UserException(String.format(Locale.ROOT, FILE_OUTSIDE_CLASS, p, "one folder per class"));
            }
        }
        if (names.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, NO_CLASS_FOLDERS, dir, dir, dir));
        }
        return names;
    }

    /** The class folders in classNames order, or sorted; both sets must agree. */
    private static List<String> order(List<String> folders, List<String> classNames, Path dir) {
        if (classNames.isEmpty()) {
            List<String> sorted = new ArrayList<>(folders);
            sorted.sort(null);
            return sorted;
        }
        for (String c : classNames) {
            if (!folders.contains(c)) {
                throw new UserException(String.format(Locale.ROOT, CLASS_NAME_UNKNOWN, c, dir));
            }
        }
        for (String f : folders) {
            if (!classNames.contains(f)) {
                throw new UserException(String.format(Locale.ROOT, CLASS_NOT_NAMED, dir, f));
            }
        }
        return classNames;
    }

    /** Adds the images of every class folder of {@code dir}; {@code train} not null: classes must be known. */
    private static void collect(Path dir, byte split, List<String> classes, Path train, List<ImageFile> out) {
        for (Path p : children(dir)) {
            if (!Files.isDirectory(p)) {
                throw new UserException(String.format(Locale.ROOT, FILE_OUTSIDE_CLASS, p, "one folder per class"));
            }
            String name = p.getFileName().toString();
            if (!classes.contains(name)) {
                throw new UserException(String.format(Locale.ROOT, CLASS_NOT_IN_TRAIN, dir, name, train));
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (Files.isDirectory(dir.resolve(classes.get(c)))) {
                present.add(c); // a test or validation set need not have every class
            }
        }
        // the class folders are listed in parallel (the stat calls are most of an unchanged rerun's load), their
        // files kept in class order, and a failing folder reported in that order too
        List<Callable<List<ImageFile>>> tasks = new ArrayList<>();
        for (int c : present) {
            tasks.add(() -> classFiles(split, c, dir.resolve(classes.get(c)), classes.get(c)));
        }
        out.addAll(inOrder(tasks, Runtime.getRuntime().availableProcessors(), "listing images"));
    }

    /** The images of one class folder, in path order. */
    private static List<ImageFile> classFiles(byte split, int label, Path folder, String name) {
        List<Found> found = new ArrayList<>();
        try {
            files(folder, name + "/", found);
        } catch (IOException e) {
            throw new UserException(String.format(Locale.ROOT, "%s: could not list the folder (%s)", folder, e), e);
        }
        if (found.isEmpty()) {
            throw new UserException(String.format(Locale.ROOT, EMPTY_CLASS, folder));
        }
        found.sort(java.util.Comparator.comparing(Found::path));
        List<ImageFile> out = new ArrayList<>(found.size());
        for (Found f : found) {
            Object fileKey = f.attributes().fileKey();
            out.add(new ImageFile(split, label, f.path(), f.relative(), f.attributes().size(),
                    f.attributes().lastModifiedTime().toInstant(), fileKey == null ? "-" : fileKey.toString()));
        }
        return out;
    }

    private record Found(Path path, String relative, BasicFileAttributes attributes) {
    }

    /**
     * Every regular file below {@code dir} with its path relative to the split folder ({@code prefix} + name) and its
     * attributes (one stat each; links not followed: a link is neither a file nor a folder and is left out), hidden
     * files and folders ('.' first) skipped. A plain directory stream: on an unchanged rerun this listing is most of
     * the load, and {@code Files.find} took 1.7 times as long for 70,000 files.
     */
    private static void files(Path dir, String prefix, List<Found> out) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    out.add(new Found(p, prefix + name, a));
                } else if (a.isDirectory()) {
                    files(p, prefix + name + "/", out);
                }
            }
        }
    }

    /** The entries of a folder, sorted, hidden ones left out. */
    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UserException(String.format(Locale.ROOT, "%s: could not list the folder (%s)", dir, e), e);
        }
    }

    /**
     * SHA-256 over every file's path and content and the preprocessing settings: the cache key of the decoded
     * images. Reads every file (with {@code threads} threads).
     */
    public static String key(Listing listing, String settings, int threads) {
        List<String> hashes = parallel(listing.files(), threads, (i, f) -> hex(sha256(Files.readAllBytes(f.path()))));
        MessageDigest md = digest();
        md.update(("mlp-maven image folder v1\n" + settings + "\n" + String.join("\n", listing.classes()) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < hashes.size(); i++) {
            ImageFile f = listing.files().get(i);
            md.update((f.split() + " " + f.label() + " " + f.relative() + " " + hashes.get(i) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return hex(md.digest());
    }

    /**
     * Decodes every image with {@code input} (its size, channels and resizing); when {@code input} is null the
     * first image gives the size and every other must have it. {@code invert} is recorded in the input; the bytes
     * are stored as read.
     */
    public static Decoded decode(Listing listing, int channels, boolean invert, ImageInput input, int threads) {
        List<ImageFile> files = listing.files();
        ImageInput in = input;
        if (in == null) {
            BufferedImage first = read(files.get(0).path());
            long values = (long) first.getHeight() * first.getWidth() * channels;
            if (first.getHeight() > ImageInput.MAX_SIDE || first.getWidth() > ImageInput.MAX_SIDE
                    || values > ImageInput.MAX_SIZE) {
                throw new UserException(String.format(Locale.ROOT, IMAGE_TOO_LARGE, files.get(0).path(),
                        first.getWidth(), first.getHeight(), channels, values, ImageInput.MAX_SIDE, ImageInput.MAX_SIZE));
            }
            in = ImageInput.of(first.getHeight(), first.getWidth(), channels, invert, ImageInput.Resize.NONE,
                    dev.mlpmaven.runtime.Scaling.UNIT);
        }
        final ImageInput pixelsOf = in;
        long total = (long) files.size() * in.size();
        if (total > MAX_BYTES) {
            throw new UserException(String.format(Locale.ROOT, TOO_LARGE, files.size(), in.height(), in.width(),
                    in.channels(), total, MAX_BYTES));
        }
        byte[] pixels = new byte[(int) total];
        int size = in.size();
        Path firstPath = files.get(0).path();
        parallel(files, threads, (i, f) -> {
            BufferedImage img = read(f.path());
            byte[] p;
            try {
                p = pixelsOf.pixels(img);
            } catch (InvalidInputException e) {
                throw new UserException(String.format(Locale.ROOT, SIZE_DIFFERS, f.path(), img.getWidth(),
                        img.getHeight(), pixelsOf.width(), pixelsOf.height(), firstPath, img.getHeight(),
                        img.getWidth()), e);
            }
            int at = i * size;
            System.arraycopy(p, 0, pixels, at, size);
            return null;
        });
        byte[] labels = new byte[files.size()];
        byte[] split = new byte[files.size()];
        for (int i = 0; i < files.size(); i++) {
            labels[i] = (byte) files.get(i).label();
            split[i] = files.get(i).split();
        }
        return new Decoded(in.height(), in.width(), in.channels(), labels, split, pixels);
    }

    private static BufferedImage read(Path file) {
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new UserException(String.format(Locale.ROOT, NOT_AN_IMAGE, file, "unreadable: " + e.getMessage()), e);
        }
        if (img == null) {
            throw new UserException(String.format(Locale.ROOT, NOT_AN_IMAGE, file, "javax.imageio knows no such format"));
        }
        return img;
    }

    interface Job<R> {
        R run(int index, ImageFile f) throws IOException;
    }

    /** Runs {@code job} on every file with {@code threads} threads; results in file order, first failure thrown. */
    private static <R> List<R> parallel(List<ImageFile> files, int threads, Job<R> job) {
        int n = Math.max(1, Math.min(threads, files.size()));
        int chunk = (files.size() + n - 1) / n;
        List<Callable<List<R>>> tasks = new ArrayList<>();
        for (int from = 0; from < files.size(); from += chunk) {
            int start = from;
            List<ImageFile> part = files.subList(from, Math.min(files.size(), from + chunk));
            tasks.add(() -> {
                List<R> out = new ArrayList<>(part.size());
                for (int k = 0; k < part.size(); k++) {
                    ImageFile f = part.get(k);
                    try {
                        out.add(job.run(start + k, f));
                    } catch (IOException e) {
                        throw new UserException(String.format(Locale.ROOT, "%s: could not read the file (%s)",
                                f.path(), e), e);
                    }
                }
                return out;
            });
        }
        return inOrder(tasks, n, "reading images");
    }

    /**
     * Runs {@code tasks} on up to {@code threads} daemon threads and concatenates their lists in task order; the
     * first failing task in that order is thrown (a user error as it is).
     */
    private static <R> List<R> inOrder(List<Callable<List<R>>> tasks, int threads, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, "mlp-images");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<List<R>>> parts = new ArrayList<>();
            for (Callable<List<R>> task : tasks) {
                parts.add(pool.submit(task));
            }
            List<R> all = new ArrayList<>();
            for (Future<List<R>> part : parts) {
                all.addAll(part.get());
            }
            return all;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- the cache file: magic, sizes, labels, splits, pixels

    private static final long MAGIC = 0x4d4c50494d475331L; // "MLPIMGS1"
    private static final int HEADER = 8 + 4 * 4;

    /** The bytes of a cache entry for {@code d}. */
    public static ByteBuffer[] encode(Decoded d) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).putLong(MAGIC).putInt(d.count()).putInt(d.height())
                .putInt(d.width()).putInt(d.channels()).flip();
        return new ByteBuffer[] {h, ByteBuffer.wrap(d.labels()), ByteBuffer.wrap(d.split()), ByteBuffer.wrap(d.pixels())};
    }

    /** A cache entry read back, or null when it is damaged (the caller decodes again). */
    public static Decoded readEntry(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteBuffer h = ByteBuffer.wrap(in.readNBytes(HEADER));
            if (h.limit() < HEADER || h.getLong() != MAGIC) {
                return null;
            }
            int count = h.getInt();
            int height = h.getInt();
            int width = h.getInt();
            int channels = h.getInt();
            long expected = HEADER + 2L * count + (long) count * height * width * channels;
            if (count < 1 || height < 1 || width < 1 || (channels != 1 && channels != 3) || expected != size) {
                return null;
            }
            byte[] labels = in.readNBytes(count);
            byte[] split = in.readNBytes(count);
            byte[] pixels = in.readNBytes((int) ((long) count * height * width * channels));
            return new Decoded(height, width, channels, labels, split, pixels);
        }
    }

    static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
