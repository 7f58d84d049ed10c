package dev.mlpmaven.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.data.DataCache;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunOptions;

/**
 * Loading your own data, timed through the code path of {@code mlp:train}: each measurement is a fresh JVM (as
 * the forked trainer of every build is) that reads an experiment file with {@link ExperimentLoader} and resolves
 * its dataset exactly as {@link ExperimentRunner#run} does, {@code new DatasetResolver(dataOptions(options),
 * listener).resolve(experiment.dataset(), experiment.seed())}, with the cache folder of {@code -Dmlp.cacheDir}
 * ({@link RunOptions#cacheDir()}). Timed is that call alone (wall clock, and the process's CPU time over all
 * threads); the JVM's start-up is not. Three workloads, written into a work folder first:
 * <ol>
 *   <li><b>image folder, first load</b>: the 70,000 Fashion-MNIST images of Debian's {@code dataset-fashion-mnist}
 *       as 28x28 grayscale PNG files, {@code fashion/train/<class>/} (60,000) and {@code fashion/test/<class>/}
 *       (10,000), {@code dataset: {images: fashion}}; each run with a new, empty cache folder (hash every file,
 *       decode every PNG, write the cache);</li>
 *   <li><b>image folder, cached reload</b>: the same experiment again with the cache of the first run, the files
 *       unchanged (an unchanged rerun of the build);</li>
 *   <li><b>CSV table</b>: a generated table of 100,000 rows and 50 columns (48 numeric features, one text feature
 *       of 8 categories, the text label of 5 classes), {@code dataset: {csv: table.csv, label: label}} with the
 *       default stratified 0.2 test split (parse, type the columns, standardisation statistics, one-hot encoding,
 *       split). Tables are not cached: every build parses them.</li>
 * </ol>
 *
 * <p>Usage: {@code DatasetBenchmark [runs=5] [workDir]}: each workload {@code runs} times, reported as min and
 * median. Without {@code workDir} a temporary folder is used and deleted at the end; with one, files written by an
 * earlier run there are reused (the cache folders are always new). Prints one line per run and one
 * {@code DATASETS {json}} line. {@code FMNIST_DIR} overrides {@code /usr/share/datasets/fashion-mnist}.
 */
public final class DatasetBenchmark {
    static final String[] CLASSES = {"0-t-shirt-top", "1-trouser", "2-pullover", "3-dress", "4-coat", "5-sandal",
        "6-shirt", "7-sneaker", "8-bag", "9-ankle-boot"};
    static final int ROWS = 100_000;
    static final int NUMERIC = 48;
    private static final String CHILD = "--load";
    private static final String RESULT = "LOADED ";

    private DatasetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean temporary = args.length < 2;
        Path work = temporary ? Files.createTempDirectory("mlp-dataset-bench")
                : Files.createDirectories(Path.of(args[1]));
        Path fashion = Path.of(System.getenv().getOrDefault("FMNIST_DIR", "/usr/share/datasets/fashion-mnist"));
        try {
            Path images = work.resolve("fashion");
            if (!Files.isDirectory(images)) {
                long t0 = System.nanoTime();
                int n = writeImages(fashion, images);
                System.out.printf(Locale.ROOT, "wrote %d PNG files (%.1f MB) into %s in %.1f s%n", n,
                        bytes(images) / 1e6, images, (System.nanoTime() - t0) / 1e9);
            }
            Path table = work.resolve("table.csv");
            if (!Files.isRegularFile(table)) {
                writeTable(table);
                System.out.printf(Locale.ROOT, "wrote %s (%d rows, %d columns, %.1f MB)%n", table, ROWS, NUMERIC + 2,
                        Files.size(table) / 1e6);
            }
            Path imagesYaml = work.resolve("images.yaml");
            Files.writeString(imagesYaml, "name: bench-images\ndataset:\n  images: fashion\n");
            Path tableYaml = work.resolve("table.yaml");
            Files.writeString(tableYaml, "name: bench-table\ndataset:\n  csv: table.csv\n  label: label\n");

            List<double[]> first = new ArrayList<>();
            Path warmCache = null;
            for (int r = 0; r < runs; r++) {
                Path cache = Files.createTempDirectory(work, "cache-");
                first.add(run("image folder, first load", r, imagesYaml, cache));
                if (warmCache == null) {
                    warmCache = cache;
                } else {
                    DataCache.deleteTree(cache);
                }
            }
            List<double[]> cached = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                cached.add(run("image folder, cached reload", r, imagesYaml, warmCache));
            }
            DataCache.deleteTree(warmCache);
            Path tableCache = Files.createTempDirectory(work, "cache-");
            List<double[]> csv = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                csv.add(run("csv table", r, tableYaml, tableCache));
            }
            DataCache.deleteTree(tableCache);

            System.out.println("DATASETS " + String.format(Locale.ROOT,
                    "{\"runs\": %d, \"cpus\": %d, \"java\": \"%s\", \"images\": %d, \"image_folder_first_load\": %s, "
                            + "\"image_folder_cached_reload\": %s, \"csv_rows\": %d, \"csv_columns\": %d, "
                            + "\"csv_bytes\": %d, \"csv_load\": %s}",
                    runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    (int) first.get(0)[2] + (int) first.get(0)[3], summary(first), summary(cached), ROWS, NUMERIC + 2,
                    Files.size(table), summary(csv)));
        } finally {
            if (temporary) {
                DataCache.deleteTree(work);
            }
        }
    }

    /** One measurement in a fresh JVM: {wall s, CPU s, train size, test size}. */
    private static double[] run(String what, int r, Path yaml, Path cache) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DatasetBenchmark.class.getName(), CHILD,
                yaml.toString(), cache.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    result = Arrays.stream(line.substring(RESULT.length()).split(" ")).mapToDouble(Double::parseDouble)
                            .toArray();
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        int status = p.waitFor();
        if (status != 0 || result == null) {
            throw new IllegalStateException(what + ": the child JVM exited with " + status + ":\n" + output);
        }
        System.out.printf(Locale.ROOT, "%s, run %d: %.3f s wall, %.3f s CPU (%d + %d samples)%n", what, r + 1,
                result[0], result[1], (int) result[2], (int) result[3]);
        return result;
    }

    /** The child: what the forked trainer does before it trains. */
    private static void child(Path yaml, Path cache) {
        Experiment experiment = ExperimentLoader.load(yaml);
        RunOptions options = new RunOptions(yaml.getParent().resolve("target"), yaml.getParent(), cache, true,
                List.of(), Map.of(), false, null, Map.of());
        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        LoadedDataset data = new DatasetResolver(ExperimentRunner.dataOptions(options), DataListener.SILENT)
                .resolve(experiment.dataset(), experiment.seed());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - c0;
        System.out.println(RESULT + String.format(Locale.ROOT, "%.6f %.6f %d %d", wall, cpu, data.train().size(),
                data.test().size()));
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String summary(List<double[]> runs) {
        double[] wall = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        return String.format(Locale.ROOT, "{\"wall_min_s\": %.3f, \"wall_median_s\": %.3f, \"cpu_min_s\": %.3f, "
                + "\"cpu_median_s\": %.3f}", wall[0], median(wall), cpu[0], median(cpu));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Writes the train and t10k images as PNG class folders, one task per class and split; returns the count. */
    static int writeImages(Path fashion, Path root) throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        int total = 0;
        for (String[] split : new String[][] {{"train", "train"}, {"test", "t10k"}}) {
            byte[] pixels;
            byte[] labels;
            int rows;
            int cols;
            try (DataInputStream im = idx(fashion, split[1] + "-images-idx3-ubyte.gz");
                 DataInputStream lb = idx(fashion, split[1] + "-labels-idx1-ubyte.gz")) {
                im.readInt();
                int n = im.readInt();
                rows = im.readInt();
                cols = im.readInt();
                lb.readInt();
                if (lb.readInt() != n) {
                    throw new IOException(split[1] + ": the images and labels files disagree on the count");
                }
                pixels = im.readNBytes(n * rows * cols);
                labels = lb.readNBytes(n);
                if (pixels.length != n * rows * cols || labels.length != n) {
                    throw new IOException(split[1] + ": truncated IDX file in " + fashion);
                }
            }
            total += labels.length;
            for (int c = 0; c < CLASSES.length; c++) {
                Path dir = Files.createDirectories(root.resolve(split[0]).resolve(CLASSES[c]));
                int cls = c;
                int h = rows;
                int w = cols;
                tasks.add(() -> {
                    for (int i = 0; i < labels.length; i++) {
                        if (labels[i] != cls) {
                            continue;
                        }
                        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                        img.getRaster().setDataElements(0, 0, w, h, Arrays.copyOfRange(pixels, i * h * w,
                                (i + 1) * h * w));
                        try {
                            ImageIO.write(img, "png", dir.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable t : tasks) {
                done.add(pool.submit(t));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return total;
    }

    private static DataInputStream idx(Path fashion, String name) throws IOException {
        Path p = fashion.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException("found no " + p + ", expected Fashion-MNIST - apt-get install -y "
                    + "dataset-fashion-mnist, or set FMNIST_DIR");
        }
        return new DataInputStream(new GZIPInputStream(Files.newInputStream(p), 1 << 16));
    }

    /**
     * 100,000 rows, seeded: {@code x0..x47} numbers with 4 decimals (a Gaussian, shifted by 1 in every fifth
     * column for the row's class), {@code group} one of {@code g0..g7}, {@code label} one of {@code k0..k4}.
     */
    static void writeTable(Path file) throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int c = 0; c < NUMERIC; c++) {
                w.write("x" + c + ",");
            }
            w.write("group,label\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < ROWS; r++) {
                int label = rng.nextInt(5);
                line.setLength(0);
                for (int c = 0; c < NUMERIC; c++) {
                    line.append(String.format(Locale.ROOT, "%.4f", rng.nextGaussian() + (c % 5 == label ? 1 : 0)))
                            .append(',');
                }
                line.append('g').append(rng.nextInt(8)).append(",k").append(label).append('\n');
                w.write(line.toString());
            }
        }
    }

    private static long bytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
