package dev.mlpmaven.engine.report;

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
import dev.mlpmaven.config.ScheduleType;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Real-looking report inputs for rendering tests: real Fashion-MNIST test images with made-up but consistent
 * predictions (the confusion matrix, accuracy and mistakes are computed from the predictions), and made-up epochs.
 * These are not training results.
 */
final class ReportFixtures {
    static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** A likely confusion per class, as a model of this size makes them (shirt vs t-shirt, coat vs pullover...). */
    private static final int[] NEIGHBOUR = {6, 3, 4, 0, 2, 7, 0, 9, 0, 7};

    private ReportFixtures() {
    }

    static Experiment experiment(String name, ScheduleType schedule) {
        return new Experiment(1, name, 42L, DatasetSpec.named("fashion-mnist"),
                new ModelSpec(List.of(new LayerSpec(256, Activation.RELU, 0.2, Init.HE),
                        new LayerSpec(128, Activation.RELU, 0.0, Init.HE)), Normalization.SCALE),
                new OptimizerSpec(OptimizerType.ADAM, 0.001, 0.9, false, 0.0, 0.9, 0.999, 0.9, 1e-8, 0.0,
                        new ScheduleSpec(schedule, 1, 1.0, 1e-5, 0)),
                new TrainingSpec(128, 8, 0.1, new EarlyStoppingSpec("validation_accuracy", 3, 0.001), 0),
                Path.of("examples/fashion-mnist/experiment.yaml"));
    }

    /** Eight epochs of a plausible run; the learning rate follows a cosine curve when {@code cosine}. */
    static List<EpochResult> epochs(boolean cosine) {
        double[] loss = {0.5312, 0.3794, 0.3391, 0.3127, 0.2938, 0.2771, 0.2642, 0.2540};
        double[] acc = {0.8420, 0.8567, 0.8702, 0.8731, 0.8795, 0.8812, 0.8850, 0.8843};
        double[] vloss = {0.4377, 0.3975, 0.3612, 0.3550, 0.3401, 0.3388, 0.3302, 0.3331};
        List<EpochResult> out = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            double lr = cosine ? 1e-5 + 0.5 * (0.001 - 1e-5) * (1 + Math.cos(Math.PI * i / (loss.length - 1))) : 0.001;
            out.add(new EpochResult(i + 1, loss[i], acc[i], vloss[i], 3.9 + 0.1 * (i % 3), lr));
        }
        return out;
    }

    /** A report input over the first {@code n} real test images; about 86% of the predictions are right. */
    static ReportInput input(String name, int n) throws IOException {
        DataSplit split = FashionMnistTestImages.firstTestImages(n);
        SplittableRandom rnd = new SplittableRandom(7);
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        int[][] cm = new int[10][10];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int truth = split.labels().label(i);
            boolean right = rnd.nextDouble() < 0.86;
            predicted[i] = right ? truth : (rnd.nextDouble() < 0.7 ? NEIGHBOUR[truth] : (truth + 1 + rnd.nextInt(9)) % 10);
            confidence[i] = (float) (right ? 0.6 + 0.4 * rnd.nextDouble() : 0.35 + 0.6 * rnd.nextDouble());
            cm[truth][predicted[i]]++;
            correct += right ? 1 : 0;
        }
        TestResult test = new TestResult((double) correct / n, 0.3412, cm);
        Map<String, String> sha = new LinkedHashMap<>();
        sha.put("train-images", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
        sha.put("train-labels", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9");
        sha.put("test-images", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b");
        sha.put("test-labels", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
        Map<String, String> origin = new LinkedHashMap<>();
        sha.keySet().forEach(role -> origin.put(role, "/usr/share/datasets/fashion-mnist/"
                + (role.startsWith("train") ? "train" : "t10k") + "-" + role.substring(role.indexOf('-') + 1)
                + "-idx" + (role.endsWith("images") ? "3" : "1") + "-ubyte.gz"));
        return new ReportInput(experiment(name, ScheduleType.COSINE), epochs(true), test, split, predicted,
                confidence, FASHION, sha, origin, 41.7, 2.3, environment(), true, 7, null);
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("CPU cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("mlp-maven", "0.1.0-SNAPSHOT");
        return env;
    }
}
