package dev.mlpmaven.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.Natives;
import dev.mlpmaven.engine.train.Trainer;
import dev.mlpmaven.engine.train.TrainingOutcome;

/**
 * The seed workload of issue 7 on the real Fashion-MNIST: MLP 784-256-ReLU-256-ReLU-10, softmax cross-entropy,
 * plain SGD lr 0.01, batch 256, reshuffled every epoch, no validation split (all 60,000 images train, as the
 * PyTorch and numpy references in ../shared/bench do).
 *
 * <p>Usage: {@code SeedBenchmark [epochs=10] [threads=2] [dataDir]} (dataDir defaults to {@code $FMNIST_DIR} or
 * {@code /usr/share/datasets/fashion-mnist}). The data come through the product's {@link DatasetResolver} (dataset
 * {@code fashion-mnist}, offline: the cache, else dataDir); {@code load_s} is a second resolve, from the cache.
 * Prints one line per epoch, then one {@code SUMMARY {json}} line with the same keys as the reference scripts
 * plus the start-up figures.
 */
public final class SeedBenchmark {
    private SeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long mainMillis = System.currentTimeMillis();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String dir = args.length > 2 ? args[2]
                : System.getenv().getOrDefault("FMNIST_DIR", "/usr/share/datasets/fashion-mnist");

        long t0 = System.nanoTime();
        Natives.init();
        double nd4jInit = (System.nanoTime() - t0) / 1e9;

        // the product's load path: DatasetResolver finds the named dataset in the cache, else in the data folder
        // (Debian's copy), verifies it and caches it decompressed; the second resolve is the cache load alone
        DataOptions options = DataOptions.defaults().withOffline(true)
                .withDataDirs(List.of(Path.of(dir)), DataOptions.defaults().datasetRoots());
        DataListener quiet = new DataListener() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                System.out.println("warning: " + message);
            }
        };
        t0 = System.nanoTime();
        new DatasetResolver(options, quiet).resolve(DatasetSpec.named("fashion-mnist"));
        double firstLoad = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        LoadedDataset data = new DatasetResolver(options, quiet).resolve(DatasetSpec.named("fashion-mnist"));
        double load = (System.nanoTime() - t0) / 1e9;
        DataSplit train = data.train();
        System.out.printf(Locale.ROOT, "data: %d train, %d test images from the cache in %.3f s (first resolve "
                + "%.3f s) %s%n", train.size(), data.test().size(), load, firstLoad, data.origin().get("train-images"));

        // MLP_BENCH_INIT=uniform: PyTorch's nn.Linear initialisation, for a like-for-like accuracy comparison
        Init init = Init.valueOf(System.getenv().getOrDefault("MLP_BENCH_INIT", "he").toUpperCase(Locale.ROOT));
        System.out.println("init: " + init.yamlName());
        List<LayerSpec> layers = List.of(new LayerSpec(256, Activation.RELU, 0, init),
                new LayerSpec(256, Activation.RELU, 0, init));
        OptimizerSpec sgd = new OptimizerSpec(OptimizerType.SGD, 0.01, 0, false, 0, 0.9, 0.999, 0.99, 1e-8, 0,
                ScheduleSpec.CONSTANT);
        Experiment e = new Experiment(1, "seed-bench", 0, DatasetSpec.named("fashion-mnist"),
                new ModelSpec(layers, Normalization.SCALE), sgd, new TrainingSpec(256, epochs, 0, null, threads), null);
        List<EpochResult> seen = new ArrayList<>();
        TrainingOutcome out = new Trainer(e, r -> {
            seen.add(r);
            System.out.printf(Locale.ROOT, "epoch %d: %.3f s  train_loss %.4f%n", r.epoch(), r.trainSeconds(),
                    r.trainLoss());
        }).train(data);

        double[] secs = out.epochs().stream().mapToDouble(EpochResult::trainSeconds).toArray();
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double total = Arrays.stream(secs).sum();
        double samplesPerSecond = (double) train.size() * n / total;
        StringBuilder perEpoch = new StringBuilder();
        for (double s : secs) {
            perEpoch.append(perEpoch.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", s));
        }
        System.out.printf(Locale.ROOT, "test accuracy %.4f  loss %.4f%n", out.test().accuracy(), out.test().loss());
        System.out.println("SUMMARY " + String.format(Locale.ROOT,
                "{\"system\": \"mlp-maven\", \"java\": \"%s\", \"blas\": \"%s\", \"threads\": %d, "
                        + "\"jvm_start_to_main_s\": %.3f, \"nd4j_init_s\": %.3f, \"load_s\": %.3f, \"first_load_s\": %.3f, "
                        + "\"epoch_s\": [%s], \"min_s\": %.4f, \"median_s\": %.4f, \"total_train_s\": %.3f, "
                        + "\"samples_per_s\": %.0f, \"final_acc\": %.4f, \"ru_maxrss_mib\": %.1f}",
                System.getProperty("java.version"), Natives.describeBlas(), threads,
                (mainMillis - jvmStartMillis) / 1e3, nd4jInit, load, firstLoad, perEpoch, sorted[0], median, total,
                samplesPerSecond, out.test().accuracy(), peakRssMib()));
    }

    /** Peak resident set size of this process (VmHWM in /proc/self/status), in MiB; NaN when unavailable. */
    static double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
