package dev.mlpmaven.engine.data;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.ImageFolderSpec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The own-data benchmark (not a test; speed is never asserted): writes the 70,000 Fashion-MNIST images of Debian's
 * dataset-fashion-mnist as PNG class folders and a 100,000-row, 50-column CSV table into a folder, then times the
 * first load of the folder (hash + decode + cache write), the cached reload (hash + one read), and loading the table
 * (parse + statistics + encoding). Run with:
 * <pre>java -cp "mlp-engine/target/test-classes:mlp-engine/target/classes:..." dev.mlpmaven.engine.data.OwnDataBenchmark /tmp/own-data-bench</pre>
 */
public final class OwnDataBenchmark {
    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

    private OwnDataBenchmark() {
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/own-data-bench");
        Path images = dir.resolve("fashion");
        if (!Files.isDirectory(images)) {
            writeImages(images);
        }
        Path table = dir.resolve("table.csv");
        if (!Files.isRegularFile(table)) {
            writeTable(table, 100_000, 50);
        }
        Path cache = Files.createTempDirectory(dir, "cache");
        DatasetResolver resolver = new DatasetResolver(DataOptions.defaults().withCacheDir(cache), DataListener.SILENT);
        DatasetSpec folder = DatasetSpec.imageFolder(new ImageFolderSpec(images, 1, 0, 0, false), List.of(), 0, null);
        long t0 = System.nanoTime();
        double c0 = cpu();
        LoadedDataset first = resolver.resolve(folder, 42);
        System.out.printf(Locale.ROOT, "image folder: %d + %d PNGs of 28x28: first load %.2f s wall, %.2f s CPU (%d"
                        + " cores)%n", first.train().size(), first.test().size(), (System.nanoTime() - t0) / 1e9,
                cpu() - c0, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < 3; i++) {
            long t1 = System.nanoTime();
            double c1 = cpu();
            resolver.resolve(folder, 42);
            System.out.printf(Locale.ROOT, "image folder: cached reload %.2f s wall, %.2f s CPU%n",
                    (System.nanoTime() - t1) / 1e9, cpu() - c1);
        }
        DatasetSpec csv = DatasetSpec.csvTable(new CsvSpec(table, null, null, CsvSpec.Header.NAMES, ',',
                CsvSpec.Column.named("label"), List.of(), "error", "error"), List.of(), 0.2, null);
        for (int i = 0; i < 3; i++) {
            long t2 = System.nanoTime();
            double c2 = cpu();
            LoadedDataset t = resolver.resolve(csv, 42);
            System.out.printf(Locale.ROOT, "csv table: %d rows of %d columns (+ label): loaded in %.2f s wall, %.2f s"
                    + " CPU%n", t.train().size() + t.test().size(), t.inputSize(), (System.nanoTime() - t2) / 1e9,
                    cpu() - c2);
        }
        DataCache.deleteTree(cache);
    }

    private static void writeImages(Path root) throws IOException {
        for (String[] split : new String[][] {{"train", "train"}, {"test", "t10k"}}) {
            try (DataInputStream im = idx(split[1] + "-images-idx3-ubyte.gz");
                 DataInputStream lb = idx(split[1] + "-labels-idx1-ubyte.gz")) {
                im.readInt();
                int n = im.readInt();
                int rows = im.readInt();
                int cols = im.readInt();
                lb.readInt();
                lb.readInt();
                byte[] pixels = new byte[rows * cols];
                for (int i = 0; i < n; i++) {
                    im.readFully(pixels);
                    int label = lb.read();
                    BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
                    img.getRaster().setDataElements(0, 0, cols, rows, pixels);
                    Path d = Files.createDirectories(root.resolve(split[0]).resolve("c" + label));
                    ImageIO.write(img, "png", d.resolve(String.format(Locale.ROOT, "%05d.png", i)).toFile());
                }
            }
        }
    }

    private static DataInputStream idx(String name) throws IOException {
        Path p = FASHION.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException(p + " is missing: apt-get install -y dataset-fashion-mnist");
        }
        return new DataInputStream(new GZIPInputStream(Files.newInputStream(p), 1 << 16));
    }

    private static void writeTable(Path file, int rows, int columns) throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int c = 0; c < columns; c++) {
                w.write("x" + c + ",");
            }
            w.write("label\n");
            for (int r = 0; r < rows; r++) {
                int label = rng.nextInt(5);
                for (int c = 0; c < columns; c++) {
                    w.write(String.format(Locale.ROOT, "%.4f,", rng.nextGaussian() + (c % 5 == label ? 1 : 0)));
                }
                w.write("k" + label + "\n");
            }
        }
    }
}
