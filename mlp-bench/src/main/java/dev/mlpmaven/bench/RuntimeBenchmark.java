package dev.mlpmaven.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.model.Provenance;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.Trainer;
import dev.mlpmaven.engine.train.TrainingListener;
import dev.mlpmaven.engine.train.TrainingOutcome;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;

/**
 * The runtime's forward pass on the seed network (784-256-ReLU-256-ReLU-10) and the full Fashion-MNIST test set:
 * trains the network with the engine (ND4J) for a few epochs, writes {@code model.mlp}, loads it with
 * {@code mlp-runtime}, then
 * <ol>
 *   <li>parity: for each of the 10,000 test images, the runtime's predicted class must be the engine's
 *       evaluation's, and the probability of that class must agree within 1e-5 (exit status 1 otherwise);</li>
 *   <li>speed: {@link MlpModel#probabilities(float[][])} on all 10,000 images, {@code reps} times on this one
 *       thread; images per second by wall clock and by the thread's CPU time (which leaves out the time other
 *       processes take the core away).</li>
 * </ol>
 *
 * <p>Usage: {@code RuntimeBenchmark [epochs=2] [reps=20] [dataDir]}. Run it on one core:
 * {@code taskset -c 0 java -XX:ActiveProcessorCount=1 -cp ... dev.mlpmaven.bench.RuntimeBenchmark}. Prints one
 * {@code RUNTIME {json}} line.
 */
public final class RuntimeBenchmark {
    private RuntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String dir = args.length > 2 ? args[2]
                : System.getenv().getOrDefault("FMNIST_DIR", "/usr/share/datasets/fashion-mnist");
        DataOptions options = DataOptions.defaults().withOffline(true)
                .withDataDirs(List.of(Path.of(dir)), DataOptions.defaults().datasetRoots());
        LoadedDataset data = new DatasetResolver(options, DataListener.SILENT).resolve(DatasetSpec.named("fashion-mnist"));

        List<LayerSpec> layers = List.of(new LayerSpec(256, Activation.RELU, 0, Init.HE),
                new LayerSpec(256, Activation.RELU, 0, Init.HE));
        OptimizerSpec sgd = new OptimizerSpec(OptimizerType.SGD, 0.01, 0, false, 0, 0.9, 0.999, 0.99, 1e-8, 0,
                ScheduleSpec.CONSTANT);
        Experiment e = new Experiment(1, "runtime-bench", 0, DatasetSpec.named("fashion-mnist"),
                new ModelSpec(layers, Normalization.SCALE), sgd, new TrainingSpec(256, epochs, 0, null, 1), null);
        TrainingOutcome outcome = new Trainer(e, TrainingListener.NONE).train(data);

        Path file = Files.createTempFile("runtime-bench", ".mlp");
        try {
            ModelFile.write(outcome.model(), provenance(), file);
            MlpModel model = MlpModel.load(file);
            IdxImages images = data.test().images();
            int n = data.test().size();
            float[][] x = new float[n][];
            ImageInput input = (ImageInput) model.input();
            for (int i = 0; i < n; i++) {
                x[i] = input.features(images.pixels(), i * images.pixelsPerImage());
            }

            Evaluation evaluation = outcome.evaluation();
            float[][] p = model.probabilities(x);
            int differentClass = 0;
            double worst = 0;
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int c = 1; c < p[i].length; c++) {
                    if (p[i][c] > p[i][best]) {
                        best = c;
                    }
                }
                if (best != evaluation.predicted()[i]) {
                    differentClass++;
                } else {
                    worst = Math.max(worst, Math.abs(p[i][best] - evaluation.confidence()[i]));
                }
            }
            System.out.printf(Locale.ROOT, "parity: %d of %d test images predicted differently, largest difference "
                    + "of the predicted class's probability %.3g (engine test accuracy %.4f)%n", differentClass, n, worst,
                    evaluation.result().accuracy());

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] wall = new double[reps];
            double[] cpu = new double[reps];
            for (int r = 0; r < reps; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                model.probabilities(x);
                wall[r] = n / ((System.nanoTime() - t0) / 1e9);
                cpu[r] = n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9);
                System.out.printf(Locale.ROOT, "rep %d: %.0f images/s (wall), %.0f images per CPU second%n", r + 1,
                        wall[r], cpu[r]);
            }
            // the first reps include the JIT's compilation: report the median and best of the second half
            double[] w = Arrays.copyOfRange(wall, reps / 2, reps);
            double[] c = Arrays.copyOfRange(cpu, reps / 2, reps);
            Arrays.sort(w);
            Arrays.sort(c);
            System.out.println("RUNTIME " + String.format(Locale.ROOT,
                    "{\"network\": \"784-256-256-10\", \"images\": %d, \"java\": \"%s\", \"cpus\": %d, "
                            + "\"different_class\": %d, \"max_probability_difference\": %.3g, "
                            + "\"median_images_per_s\": %.0f, \"best_images_per_s\": %.0f, "
                            + "\"median_images_per_cpu_s\": %.0f, \"jar_bytes\": %d}",
                    n, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), differentClass,
                    worst, w[w.length / 2], w[w.length - 1], c[c.length / 2], runtimeJarBytes()));
            if (differentClass > 0 || worst > 1e-5) {
                System.exit(1);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The size of the mlp-runtime jar this runs on, or -1 when the runtime is not a jar (classes folder). */
    private static long runtimeJarBytes() throws Exception {
        Path where = Path.of(MlpModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(where) ? Files.size(where) : -1;
    }

    private static Provenance provenance() {
        return new Provenance(JsonNodeFactory.instance.objectNode().put("name", "runtime-bench"), "0".repeat(64),
                Map.of(), 0, null, null, System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), null, 1, null, null, null,
                Instant.now(), Instant.now());
    }
}
