package dev.mlpmaven.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.LoadedModel;
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunListener;
import dev.mlpmaven.engine.run.RunOptions;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.Evaluator;
import dev.mlpmaven.engine.train.Natives;
import dev.mlpmaven.engine.train.TestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/** The commands of {@link Main}: each a few lines around one engine entry point. */
final class Commands {
    /** Logged by {@code evaluate}: model, dataset, images, accuracy, loss. */
    static final String EVALUATED = "mlp: %s on the test split of %s (%d images): accuracy %.4f, loss %.4f";
    /** Logged by {@code fetch}: experiment, dataset, train images, test images. */
    static final String FETCHED = "mlp: %s: dataset %s is ready (%d training and %d test images)";

    /** Debug: seconds from the fork's start (JVM start-up included) to {@code main}. */
    static final String MAIN_REACHED = "mlp: fork: main reached %.2f s after the fork started";
    /** Debug: seconds the native load took, seconds since the fork started. */
    static final String NATIVES_LOADED = "mlp: fork: ND4J natives loaded in %.2f s, in the background (%.2f s after "
            + "the fork started)";
    /** Debug: experiment, seconds since the fork started. */
    static final String FIRST_STEP = "mlp: %s: first training step done %.2f s after the fork started";
    /**
     * Debug: experiment, the thread count OpenBLAS reports ({@code openblas_get_num_threads}, -1 when it cannot be
     * asked), OMP_NUM_THREADS and MLP_FORK_THREADS of the fork's environment.
     */
    static final String BLAS_THREADS = "mlp: %s: OpenBLAS ran %d threads (openblas_get_num_threads);"
            + " OMP_NUM_THREADS=%s, " + Protocol.THREADS_ENV + "=%s";
    /** Debug: experiment, VmHWM and VmRSS of the fork in MiB. */
    static final String MEMORY = "mlp: %s: fork memory after the experiment: peak RSS %d MiB (VmHWM), RSS %d MiB";

    private Commands() {
    }

    /**
     * Trains each experiment file in order with {@link ExperimentRunner} (which logs its epochs through the writer)
     * and says {@code DONE <name>} after each; the first failure ends the command.
     */
    static void train(CliArguments a, Map<String, String> env, ProtocolWriter out) {
        StartupClock clock = StartupClock.of(env);
        out.debug(String.format(Locale.ROOT, MAIN_REACHED, clock.secondsSinceStart()));
        loadNativesInBackground(out, clock);
        RunOptions options = a.runOptions(env);
        for (Path file : a.files()) {
            Experiment experiment = ExperimentLoader.load(file, a.overrides(), a.extendsRootFor(file));
            new ExperimentRunner(options, new FirstStepListener(out, clock)).run(experiment);
            out.debug(String.format(Locale.ROOT, BLAS_THREADS, experiment.name(), Natives.blasThreadsInUse(),
                    env.get("OMP_NUM_THREADS"), env.get(Protocol.THREADS_ENV)));
            out.debug(String.format(Locale.ROOT, MEMORY, experiment.name(), StartupClock.statusMib("VmHWM"),
                    StartupClock.statusMib("VmRSS")));
            out.done(experiment.name());
        }
    }

    /**
     * Starts loading ND4J's native library (about a second) on a daemon thread, so it overlaps reading the
     * experiment and loading the data; the trainer's own {@link Natives#init()} waits for it (it is synchronized)
     * and then returns at once. A failure here is left for that call to report (it retries the load).
     */
    static void loadNativesInBackground(ProtocolWriter out, StartupClock clock) {
        Thread t = new Thread(() -> {
            try {
                long nanos = Natives.init();
                out.debug(String.format(Locale.ROOT, NATIVES_LOADED, nanos / 1e9, clock.secondsSinceStart()));
            } catch (Throwable e) {
                // reported by the trainer's Natives.init() on the main thread
            }
        }, "mlp-natives");
        t.setDaemon(true);
        t.start();
    }

    /** The run's listener plus one DEBUG line when the first training step of the experiment is done. */
    private static final class FirstStepListener implements RunListener {
        private final ProtocolWriter out;
        private final StartupClock clock;
        private boolean first = true;

        FirstStepListener(ProtocolWriter out, StartupClock clock) {
            this.out = out;
            this.clock = clock;
        }

        @Override
        public void info(String line) {
            out.info(line);
        }

        @Override
        public void warn(String line) {
            out.warn(line);
        }

        @Override
        public void epoch(String experiment, EpochResult epoch) {
            out.epoch(experiment, epoch);
        }

        @Override
        public void batch(String experiment, int epoch, int batch, int batches) {
            if (first) {
                first = false;
                out.debug(String.format(Locale.ROOT, FIRST_STEP, experiment, clock.secondsSinceStart()));
            }
            out.batch(experiment, epoch, batch, batches);
        }
    }

    /** Resolves the data of each experiment file (download, verify, cache) without training. */
    static void fetch(CliArguments a, Map<String, String> env, ProtocolWriter out) {
        DatasetResolver resolver = new DatasetResolver(a.dataOptions(env), out);
        for (Path file : a.files()) {
            Experiment experiment = ExperimentLoader.load(file, a.overrides(), a.extendsRootFor(file));
            LoadedDataset data = resolver.resolve(experiment.dataset(), experiment.seed());
            out.info(String.format(Locale.ROOT, FETCHED, experiment.name(), data.name(), data.train().size(),
                    data.test().size()));
        }
    }

    /** Evaluates a model file on the test split of a named dataset or of an experiment's dataset. */
    static void evaluate(CliArguments a, Map<String, String> env, ProtocolWriter out) {
        LoadedModel model = ModelFile.read(a.model());
        Experiment experiment = a.dataset() != null ? null
                : ExperimentLoader.load(a.files().get(0), a.overrides(), a.extendsRootFor(a.files().get(0)));
        DatasetSpec spec = experiment == null ? DatasetSpec.named(a.dataset()) : experiment.dataset();
        // the same seed as training: one image folder or table is split into the same test rows; the data is
        // preprocessed as the model says (a table with its training statistics, images at its size)
        LoadedDataset data = new DatasetResolver(a.dataOptions(env), out).resolve(spec,
                experiment == null ? dev.mlpmaven.config.Defaults.SEED : experiment.seed(), model.model().input(),
                model.model().classNames());
        Evaluation evaluation = Evaluator.evaluate(model.model(), data.test());
        TestResult r = evaluation.result();
        out.info(String.format(Locale.ROOT, EVALUATED, a.model(), data.name(), data.test().size(), r.accuracy(),
                r.loss()));
        if (a.evaluationFile() != null) {
            writeEvaluation(a.evaluationFile(), a.model(), data, r);
        }
    }

    private static void writeEvaluation(Path file, Path model, LoadedDataset data, TestResult r) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", model.toAbsolutePath().toString());
        root.put("dataset", data.name());
        root.put("images", data.test().size());
        root.put("accuracy", r.accuracy());
        root.put("loss", r.loss());
        ArrayNode matrix = root.putArray("confusionMatrix");
        for (int[] row : r.confusionMatrix()) {
            ArrayNode a = matrix.addArray();
            for (int v : row) {
                a.add(v);
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            json.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
