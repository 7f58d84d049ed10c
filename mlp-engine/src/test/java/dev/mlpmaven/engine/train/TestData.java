package dev.mlpmaven.engine.train;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.EarlyStoppingSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.LoadedDataset;

/**
 * Test data: the real Fashion-MNIST from Debian's package (read by a minimal IDX reader of the tests; the
 * engine's own reader lives in the data package), tiny synthetic datasets built in code, and experiments.
 */
final class TestData {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private TestData() {
    }

    static LoadedDataset fashionMnist() throws IOException {
        dev.mlpmaven.engine.SystemPackages.require(FASHION_MNIST, dev.mlpmaven.engine.SystemPackages.FASHION_MNIST);
        DataSplit train = new DataSplit(images(FASHION_MNIST.resolve("train-images-idx3-ubyte.gz")),
                labels(FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz")));
        DataSplit test = new DataSplit(images(FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")),
                labels(FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz")));
        return new LoadedDataset("fashion-mnist", train, test, FASHION_CLASSES, Map.of(), Map.of());
    }

    private static IdxImages images(Path gz) throws IOException {
        try (DataInputStream in = open(gz)) {
            int magic = in.readInt();
            if (magic != 0x0803) {
                throw new IOException(gz + ": magic " + Integer.toHexString(magic));
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] pixels = new byte[count * rows * cols];
            in.readFully(pixels);
            return new IdxImages(count, rows, cols, pixels);
        }
    }

    private static IdxLabels labels(Path gz) throws IOException {
        try (DataInputStream in = open(gz)) {
            int magic = in.readInt();
            if (magic != 0x0801) {
                throw new IOException(gz + ": magic " + Integer.toHexString(magic));
            }
            int count = in.readInt();
            byte[] labels = new byte[count];
            in.readFully(labels);
            return new IdxLabels(count, labels);
        }
    }

    private static DataInputStream open(Path gz) throws IOException {
        InputStream raw = Files.newInputStream(gz);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }

    /**
     * A tiny learnable dataset: {@code count} images of {@code side x side} pixels and {@code classes} classes;
     * class {@code c} lights up band {@code c} of the image, plus deterministic noise.
     */
    static DataSplit tinySplit(int count, int side, int classes, int salt) {
        int ppi = side * side;
        byte[] pixels = new byte[count * ppi];
        byte[] labels = new byte[count];
        long state = 0x9E3779B97F4A7C15L * (salt + 1);
        for (int i = 0; i < count; i++) {
            int c = i % classes;
            labels[i] = (byte) c;
            for (int k = 0; k < ppi; k++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                int noise = (int) ((state >>> 33) & 0x3F);
                int band = (k * classes) / ppi;
                pixels[i * ppi + k] = (byte) (band == c ? 160 + noise : noise);
            }
        }
        return new DataSplit(new IdxImages(count, side, side, pixels), new IdxLabels(count, labels));
    }

    static LoadedDataset tiny(int trainCount, int testCount, int side, int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        return new LoadedDataset("tiny", tinySplit(trainCount, side, classes, 1),
                tinySplit(testCount, side, classes, 2), names, Map.of(), Map.of());
    }

    static OptimizerSpec sgd(double lr) {
        return optimizer(OptimizerType.SGD, lr);
    }

    static OptimizerSpec optimizer(OptimizerType type, double lr) {
        return new OptimizerSpec(type, lr, 0, false, 0, 0.9, 0.999, 0.99, 1e-8, 0, ScheduleSpec.CONSTANT);
    }

    static List<LayerSpec> hidden(Activation act, double dropout, int... units) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int u : units) {
            layers.add(new LayerSpec(u, act, dropout, act.defaultInit()));
        }
        return layers;
    }

    static Experiment experiment(long seed, List<LayerSpec> layers, OptimizerSpec opt, int batch, int epochs,
                                 double validationSplit, EarlyStoppingSpec es, int threads) {
        return new Experiment(1, "test", seed, DatasetSpec.named("test"),
                new ModelSpec(layers, Normalization.SCALE), opt,
                new TrainingSpec(batch, epochs, validationSplit, es, threads), null);
    }

    /** The seed workload: 784-256-256-10 ReLU, plain SGD lr 0.01, batch 256. */
    static Experiment seedWorkload(int epochs, int threads) {
        return experiment(0, hidden(Activation.RELU, 0, 256, 256), sgd(0.01), 256, epochs, 0, null, threads);
    }

    static Init he() {
        return Init.HE;
    }
}
