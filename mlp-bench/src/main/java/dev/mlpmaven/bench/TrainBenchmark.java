package dev.mlpmaven.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
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
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.GemmFloor;
import dev.mlpmaven.engine.train.Natives;
import dev.mlpmaven.engine.train.StepProfile;
import dev.mlpmaven.engine.train.Trainer;
import dev.mlpmaven.engine.train.TrainingOutcome;

/**
 * The two workloads of the speed comparison on the real Fashion-MNIST, through the product's {@link Trainer}:
 * <ul>
 *   <li>{@code seed}: MLP 784-256-ReLU-256-ReLU-10, plain SGD lr 0.01, batch 256, all 60,000 training images (as
 *   {@code ../shared/bench/torch_mlp.py});</li>
 *   <li>{@code recipe}: {@code examples/fashion-mnist/src/main/mlp/fashion-adam.yaml} as written (784-512-256-10,
 *   dropout 0.2, AdamW, warm-up + cosine over its 20 planned epochs, batch 128, 10 % held out), without early
 *   stopping, of which the first {@code epochs} run (as {@code torch_recipe.py}).</li>
 * </ul>
 *
 * <p>Usage: {@code TrainBenchmark <seed|recipe> [epochs] [threads] [dataDir]}. Variations for profiling the other
 * paths (system properties): {@code -Dbench.activation=gelu}, {@code -Dbench.optimizer=adam|sgd|rmsprop|adamw},
 * {@code -Dbench.momentum=0.9}, {@code -Dbench.dropout=0.2}, {@code -Dbench.batch=512},
 * {@code -Dbench.clipNorm=1}, {@code -Dbench.normalization=standardize}, {@code -Dbench.seed=7} (another seed
 * of initialisation, split, shuffling and dropout, for the spread of the accuracy), {@code -Dbench.cpuProfile=true} (the
 * profile in the training thread's CPU time instead of wall time), {@code -Dbench.init=uniform} (or
 * {@code MLP_BENCH_INIT=uniform}: PyTorch's {@code nn.Linear} initialisation, for a like-for-like accuracy).
 *
 * <p>Prints one line per epoch, the per-phase profile of the training steps ({@link StepProfile}), the gemm-only
 * time of the same products ({@link GemmFloor}) and one {@code SUMMARY {json}} line with the keys of the reference
 * scripts plus start-up, profile and floor figures.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long mainMillis = System.currentTimeMillis();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (args.length < 1 || !(args[0].equals("seed") || args[0].equals("recipe"))) {
            System.err.println("usage: TrainBenchmark <seed|recipe> [epochs] [threads] [dataDir]");
            System.exit(2);
        }
        String workload = args[0];
        boolean recipe = workload.equals("recipe");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : recipe ? 5 : 10;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String dir = args.length > 3 ? args[3]
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

        Experiment e = varied(recipe ? recipe(threads) : seed(threads), threads);
        System.out.println("experiment: " + describe(e) + (recipe ? ", first " + epochs + " epochs" : ""));
        StepProfile profile = new StepProfile(Boolean.getBoolean("bench.cpuProfile"));
        List<EpochResult> seen = new ArrayList<>();
        TrainingOutcome out = new Trainer(e, r -> {
            seen.add(r);
            System.out.printf(Locale.ROOT, "epoch %d: %.3f s  train_loss %.4f  lr %.6f  val_acc %.4f%n", r.epoch(),
                    r.trainSeconds(), r.trainLoss(), r.learningRate(), r.validationAccuracy());
        }).profile(profile).epochLimit(epochs).train(data);

        double[] secs = out.epochs().stream().mapToDouble(EpochResult::trainSeconds).toArray();
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double total = Arrays.stream(secs).sum();
        int trained = (int) Math.round(train.size() * (1 - e.training().validationSplit()));
        double samplesPerSecond = (double) trained * n / total;
        StringBuilder perEpoch = new StringBuilder();
        for (double s : secs) {
            perEpoch.append(perEpoch.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", s));
        }
        int[] units = units(e, data);
        double flop = GemmFloor.flopPerSample(units) * trained;
        System.out.printf(Locale.ROOT, "test accuracy %.4f  loss %.4f%n", out.test().accuracy(), out.test().loss());
        System.out.printf(Locale.ROOT, "profile over %d steps (%s s, all epochs): %s%n", profile.steps(),
                profile.threadCpu() ? "training thread CPU" : "wall", profile.toJson());
        GemmFloor.Result floor = GemmFloor.measure(units, e.training().batchSize(), trained, 3);
        System.out.printf(Locale.ROOT, "gemm-only floor: %.4f s/epoch min, %.4f median (%.1f GFLOP/s); "
                        + "this run %.1f GFLOP/s at its median%n", floor.minSeconds(), floor.medianSeconds(),
                flop / floor.minSeconds() / 1e9, flop / median / 1e9);
        System.out.println("SUMMARY " + String.format(Locale.ROOT,
                "{\"system\": \"mlp-maven\", \"workload\": \"%s\", \"java\": \"%s\", \"blas\": \"%s\", "
                        + "\"threads\": %d, \"batch\": %d, \"experiment\": \"%s\", "
                        + "\"jvm_start_to_main_s\": %.3f, \"nd4j_init_s\": %.3f, \"load_s\": %.3f, "
                        + "\"first_load_s\": %.3f, \"epoch_s\": [%s], \"min_s\": %.4f, \"median_s\": %.4f, "
                        + "\"total_train_s\": %.3f, \"samples_per_s\": %.0f, \"final_acc\": %.4f, "
                        + "\"flop_per_epoch\": %.4e, \"gemm_floor_min_s\": %.4f, \"gemm_floor_median_s\": %.4f, "
                        + "\"profile_s\": %s, \"steps\": %d, \"weights_sha256\": \"%s\", \"ru_maxrss_mib\": %.1f}",
                workload, System.getProperty("java.version"), Natives.describeBlas(), threads,
                e.training().batchSize(), describe(e), (mainMillis - jvmStartMillis) / 1e3, nd4jInit, load,
                firstLoad, perEpoch, sorted[0], median, total, samplesPerSecond, out.test().accuracy(), flop,
                floor.minSeconds(), floor.medianSeconds(), profile.toJson(), profile.steps(),
                ModelFile.weightsSha256(out.model()), peakRssMib()));
    }

    /** The seed workload of issue 7. */
    static Experiment seed(int threads) {
        Init init = init(Init.HE);
        List<LayerSpec> layers = List.of(new LayerSpec(256, Activation.RELU, 0, init),
                new LayerSpec(256, Activation.RELU, 0, init));
        OptimizerSpec sgd = new OptimizerSpec(OptimizerType.SGD, 0.01, 0, false, 0, 0.9, 0.999, 0.99, 1e-8, 0,
                ScheduleSpec.CONSTANT);
        return new Experiment(1, "seed-bench", 0, DatasetSpec.named("fashion-mnist"),
                new ModelSpec(layers, Normalization.SCALE), sgd, new TrainingSpec(256, 10, 0, null, threads), null);
    }

    /** examples/fashion-mnist's fashion-adam recipe as written, without early stopping. */
    static Experiment recipe(int threads) {
        Path yaml = Path.of(System.getProperty("bench.recipe", "examples/fashion-mnist/src/main/mlp/fashion-adam.yaml"));
        Experiment r = ExperimentLoader.load(yaml, Map.of());
        TrainingSpec ts = r.training();
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec s : r.model().layers()) {
            layers.add(new LayerSpec(s.units(), s.activation(), s.dropout(), init(s.init())));
        }
        return new Experiment(r.version(), r.name(), r.seed(), r.dataset(),
                new ModelSpec(layers, r.model().normalization()), r.optimizer(),
                new TrainingSpec(ts.batchSize(), ts.epochs(), ts.validationSplit(), null, threads), null);
    }

    private static Init init(Init dflt) {
        String s = System.getProperty("bench.init", System.getenv("MLP_BENCH_INIT"));
        return s == null ? dflt : Init.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The {@code bench.*} variations applied to {@code e}. */
    static Experiment varied(Experiment e, int threads) {
        String act = System.getProperty("bench.activation");
        String drop = System.getProperty("bench.dropout");
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec s : e.model().layers()) {
            Activation a = act == null ? s.activation() : Activation.valueOf(act.toUpperCase(Locale.ROOT));
            layers.add(new LayerSpec(s.units(), a, drop == null ? s.dropout() : Double.parseDouble(drop),
                    s.init() == null ? a.defaultInit() : s.init()));
        }
        OptimizerSpec o = e.optimizer();
        String type = System.getProperty("bench.optimizer");
        if (type != null) {
            OptimizerType t = OptimizerType.valueOf(type.toUpperCase(Locale.ROOT));
            double lr = Double.parseDouble(System.getProperty("bench.lr", t == OptimizerType.SGD ? "0.01" : "0.001"));
            o = new OptimizerSpec(t, lr, 0, false, t == OptimizerType.SGD ? 0 : o.weightDecay(), 0.9, 0.999, 0.99,
                    1e-8, 0, o.schedule());
        }
        double momentum = Double.parseDouble(System.getProperty("bench.momentum", String.valueOf(o.momentum())));
        boolean nesterov = Boolean.parseBoolean(System.getProperty("bench.nesterov", String.valueOf(o.nesterov())));
        double wd = Double.parseDouble(System.getProperty("bench.weightDecay", String.valueOf(o.weightDecay())));
        double clip = Double.parseDouble(System.getProperty("bench.clipNorm", String.valueOf(o.clipNorm())));
        o = new OptimizerSpec(o.type(), o.learningRate(), momentum, nesterov, wd, o.beta1(), o.beta2(), o.rho(),
                o.epsilon(), clip, o.schedule());
        int batch = Integer.parseInt(System.getProperty("bench.batch", String.valueOf(e.training().batchSize())));
        String norm = System.getProperty("bench.normalization");
        Normalization normalization = norm == null ? e.model().normalization()
                : Normalization.valueOf(norm.toUpperCase(Locale.ROOT));
        TrainingSpec ts = e.training();
        long seed = Long.parseLong(System.getProperty("bench.seed", String.valueOf(e.seed())));
        return new Experiment(e.version(), e.name(), seed, e.dataset(), new ModelSpec(layers, normalization), o,
                new TrainingSpec(batch, ts.epochs(), ts.validationSplit(), null, threads), null);
    }

    private static int[] units(Experiment e, LoadedDataset data) {
        List<LayerSpec> hidden = e.model().layers();
        int[] units = new int[hidden.size() + 2];
        units[0] = data.inputSize();
        for (int l = 0; l < hidden.size(); l++) {
            units[l + 1] = hidden.get(l).units();
        }
        units[units.length - 1] = data.numClasses();
        return units;
    }

    static String describe(Experiment e) {
        StringBuilder sb = new StringBuilder("784");
        for (LayerSpec s : e.model().layers()) {
            sb.append('-').append(s.units()).append(' ').append(s.activation().yamlName());
            if (s.dropout() > 0) {
                sb.append(" dropout ").append(s.dropout());
            }
            sb.append(" (").append(s.init() == null ? "default" : s.init().yamlName()).append(')');
        }
        OptimizerSpec o = e.optimizer();
        sb.append("-10, ").append(o.type().name().toLowerCase(Locale.ROOT)).append(" lr ").append(o.learningRate());
        if (o.momentum() > 0) {
            sb.append(" momentum ").append(o.momentum()).append(o.nesterov() ? " nesterov" : "");
        }
        if (o.weightDecay() > 0) {
            sb.append(" weightDecay ").append(o.weightDecay());
        }
        if (o.clipNorm() > 0) {
            sb.append(" clipNorm ").append(o.clipNorm());
        }
        if (o.schedule() != null && o.schedule().type() != dev.mlpmaven.config.ScheduleType.CONSTANT) {
            sb.append(", ").append(o.schedule().type().name().toLowerCase(Locale.ROOT)).append(" schedule");
        }
        sb.append(", batch ").append(e.training().batchSize()).append(", ").append(e.training().epochs())
                .append(" planned epochs, validationSplit ").append(e.training().validationSplit());
        if (e.model().normalization() == Normalization.STANDARDIZE) {
            sb.append(", standardize");
        }
        return sb.toString();
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
