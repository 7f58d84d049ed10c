package dev.mlpmaven.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.ExperimentPlan;
import dev.mlpmaven.config.Sweep;
import dev.mlpmaven.config.Trial;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.report.LeaderboardWriter;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Results;
import dev.mlpmaven.engine.sweep.TrialRunner;
import dev.mlpmaven.engine.sweep.Trials;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.io.JsonNumbers;
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

import java.nio.file.Path;
import java.util.HashMap;
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
    /** Debug: experiment, VmHWM and VmRSS of the fork in MiB. */
    static final String MEMORY = "mlp: %s: fork memory after the experiment: peak RSS %d MiB (VmHWM), RSS %d MiB";

    /** A --trial that the sweep file does not have: id, file, its trial count. */
    static final String NO_SUCH_TRIAL = "command line: --trial %s=%s: found no trial with that id in the sweep of"
            + " the file (%d trials), expected one of its trials - the file or the overrides changed since the"
            + " trials were listed";
    /** Test hook: halt the JVM after this many DONE lines (0 or unset: never). */
    static final String HALT_AFTER_DONE_ENV = "MLP_TEST_HALT_AFTER_DONE";
    static final int HALT_EXIT_CODE = 137;

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
        Done done = new Done(out, env);
        Map<Path, ExperimentPlan> plans = new HashMap<>();
        for (Path file : a.files()) {
            ExperimentPlan plan = plan(plans, file, a);
            if (plan.isSweep()) {
                for (Trial trial : plan.sweep().trials()) {
                    trainTrial(plan.sweep(), trial, options, out, clock, done);
                }
                continue;
            }
            Experiment experiment = plan.experiment();
            new ExperimentRunner(options, new FirstStepListener(out, clock)).run(experiment);
            out.debug(String.format(Locale.ROOT, MEMORY, experiment.name(), StartupClock.statusMib("VmHWM"),
                    StartupClock.statusMib("VmRSS")));
            done.done(experiment.name());
        }
        for (CliArguments.TrialRef ref : a.trials()) {
            ExperimentPlan plan = plan(plans, ref.file(), a);
            Trial trial = plan.isSweep() ? Trials.find(plan.sweep(), ref.id()) : null;
            if (trial == null) {
                throw new UserException(String.format(Locale.ROOT, NO_SUCH_TRIAL, ref.id(), ref.file(),
                        plan.isSweep() ? plan.sweep().trials().size() : 0));
            }
            trainTrial(plan.sweep(), trial, options, out, clock, done);
        }
    }

    private static ExperimentPlan plan(Map<Path, ExperimentPlan> plans, Path file, CliArguments a) {
        ExperimentPlan plan = plans.get(file);
        if (plan == null) {
            plan = ExperimentLoader.plan(file, a.overrides(), a.extendsRootFor(file));
            plans.put(file, plan);
        }
        return plan;
    }

    private static void trainTrial(Sweep sweep, Trial trial, RunOptions options, ProtocolWriter out,
                                   StartupClock clock, Done done) {
        String name = TrialRunner.run(sweep, trial, options, new FirstStepListener(out, clock));
        out.debug(String.format(Locale.ROOT, MEMORY, name, StartupClock.statusMib("VmHWM"),
                StartupClock.statusMib("VmRSS")));
        done.done(name);
    }

    /**
     * Says {@code DONE <name>}; with {@value #HALT_AFTER_DONE_ENV}=N in the environment, the JVM halts at once
     * (exit code 137, no shutdown hooks, as a SIGKILL would end it) after the N-th: the test hook for interrupted
     * trainings (docs/plugin.md).
     */
    static final class Done {
        private final ProtocolWriter out;
        private final int haltAfter;
        private int count;

        Done(ProtocolWriter out, Map<String, String> env) {
            this.out = out;
            int n = 0;
            try {
                n = Integer.parseInt(env.getOrDefault(HALT_AFTER_DONE_ENV, "0").trim());
            } catch (NumberFormatException e) {
                n = 0;
            }
            this.haltAfter = n;
        }

        void done(String name) {
            out.done(name);
            if (haltAfter > 0 && ++count == haltAfter) {
                Runtime.getRuntime().halt(HALT_EXIT_CODE);
            }
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

    /** Logged by {@code aggregate}: sweeps, trials, experiments, folders, the leaderboard's folder. */
    static final String AGGREGATED = "mlp: leaderboard of %d sweep(s) with %d trial(s) and %d other experiment(s)"
            + " from %d folder(s) -> %s";

    /**
     * Merges the results under every folder given into one leaderboard in {@code --output-root}; a trial or
     * experiment found twice, or a sweep made from different files, is a user mistake naming both folders.
     */
    static void aggregate(CliArguments a, ProtocolWriter out) {
        Leaderboard board = Leaderboard.of(Results.scan(a.files(), out::warn));
        LeaderboardWriter.write(board, a.outputRoot());
        board.warnings().forEach(out::warn);
        board.logLines().forEach(out::info);
        out.info(String.format(Locale.ROOT, AGGREGATED, board.sweeps().size(),
                board.sweeps().stream().mapToInt(s -> s.rows().size()).sum(), board.experiments().size(),
                a.files().size(), a.outputRoot().resolve(LeaderboardWriter.INDEX_FILE)));
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

    static void writeEvaluation(Path file, Path model, LoadedDataset data, TestResult r) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("model", model.toAbsolutePath().toString());
        root.put("dataset", data.name());
        root.put("images", data.test().size());
        JsonNumbers.put(root, "accuracy", r.accuracy());
        JsonNumbers.put(root, "loss", r.loss());
        ArrayNode matrix = root.putArray("confusionMatrix");
        for (int[] row : r.confusionMatrix()) {
            ArrayNode a = matrix.addArray();
            for (int v : row) {
                a.add(v);
            }
        }
        try {
            AtomicFiles.writeString(file, json.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evaluation as JSON", e);
        }
    }
}
