package dev.mlpmaven.engine.run;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.data.ProxySettings;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.io.OutputPaths;
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.model.Provenance;
import dev.mlpmaven.engine.report.ChanceLevel;
import dev.mlpmaven.engine.report.IndexWriter;
import dev.mlpmaven.engine.report.ReportInput;
import dev.mlpmaven.engine.report.ReportWriter;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.MemoryBudget;
import dev.mlpmaven.engine.train.Natives;
import dev.mlpmaven.engine.train.TrainingDivergedException;
import dev.mlpmaven.engine.train.TrainingListener;
import dev.mlpmaven.engine.train.TrainingOutcome;
import dev.mlpmaven.engine.train.Trainer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one experiment end to end: resolves the data, trains, evaluates on the test split, and writes
 * {@code model.mlp}, {@code metrics.json}, {@code history.csv}, {@code provenance.json}, {@code experiment.json}
 * and {@code report.html} into {@code <outputRoot>/<name>/}, all at once (an interrupted run leaves nothing
 * under the final names). A diverged run writes its metrics and report (no model) and then fails.
 */
public final class ExperimentRunner {
    public static final String MODEL_FILE = "model.mlp";
    public static final String EXPERIMENT_FILE = "experiment.json";

    /** Arguments: name, epoch, epochs, loss, validation accuracy, seconds, learning rate. */
    static final String EPOCH_LINE = "%s: epoch %d/%d  loss %.4f  val-acc %s  %.2f s  lr %.3g";
    /** Arguments: name, accuracy, loss, epochs, seconds, output folder. */
    static final String SUMMARY_LINE = "%s: test accuracy %.4f, test loss %.4f (%d epochs, %.1f s) -> %s";
    /** Arguments: name, accuracy, number of classes, chance level. */
    public static final String CHANCE_LEVEL = "%s: test accuracy %.4f is at chance level for %d classes (%.4f): the "
            + "network did not learn - check the learning rate, the input normalisation and the labels";
    /** Arguments: name, what was loaded, seconds. */
    static final String LOADED_LINE = "%s: data %s loaded in %.2f s (%d train, %d test %s, %d classes)";

    private final RunOptions options;
    private final RunListener listener;

    public ExperimentRunner(RunOptions options, RunListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** The dataset options these run options ask for. */
    public static DataOptions dataOptions(RunOptions options) {
        DataOptions d = DataOptions.defaults();
        if (options.cacheDir() != null) {
            d = d.withCacheDir(options.cacheDir());
        }
        d = d.withOffline(options.offline());
        if (!options.dataDirs().isEmpty()) {
            d = d.withDataDirs(options.dataDirs(), d.datasetRoots());
        }
        if (options.proxy() != null && !options.proxy().isBlank()) {
            d = d.withProxy(proxy(options.proxy(), options.proxySettings()));
        }
        return d;
    }

    private static ProxySettings proxy(String hostPort, Map<String, String> settings) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = colon < 0 ? 80 : Integer.parseInt(hostPort.substring(colon + 1));
        String nonProxy = settings.getOrDefault("nonProxyHosts", "");
        List<String> hosts = nonProxy.isBlank() ? List.of() : List.of(nonProxy.split("[|,]"));
        return new ProxySettings(host, port, settings.get("username"), settings.get("password"), hosts);
    }

    /** A data listener that forwards to a run listener. */
    public static DataListener dataListener(RunListener listener) {
        return new DataListener() {
            @Override
            public void info(String message) {
                listener.info(message);
            }

            @Override
            public void warn(String message) {
                listener.warn(message);
            }
        };
    }

    /**
     * Where a run writes: {@code <root>/<folder>/}, with extra files committed together with the outputs, and
     * whether the overview index of {@code root} is regenerated afterwards.
     *
     * @param root       the folder that holds the run's folder
     * @param folder     the run's folder name (the experiment name, or a sweep trial's id)
     * @param extraFiles file name to text, written into the folder before it is committed (a trial's trial.json)
     * @param index      regenerate {@code root}'s index.html and summary.md
     */
    public record Placement(Path root, String folder, Map<String, String> extraFiles, boolean index) {
        public Placement {
            extraFiles = Map.copyOf(extraFiles);
        }
    }

    /** Trains the experiment into {@code <outputRoot>/<name>/}; {@link UserException} for what the user can fix. */
    public RunResult run(Experiment experiment) {
        return run(experiment, new Placement(options.outputRoot(), experiment.name(), Map.of(), true));
    }

    /** Trains the experiment into the placement's folder; {@link UserException} for what the user can fix. */
    public RunResult run(Experiment experiment, Placement placement) {
        String name = experiment.name();
        // before anything is loaded or trained: the name must be one folder inside the output root
        Path finalDir = OutputPaths.child(placement.root(), placement.folder());
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        LoadedDataset data = new DatasetResolver(dataOptions(options), dataListener(listener))
                .resolve(experiment.dataset(), experiment.seed());
        double loadSeconds = seconds(t0);
        listener.info(String.format(Locale.ROOT, LOADED_LINE, name, data.name(), loadSeconds, data.train().size(),
                data.test().size(), data.isTable() ? "rows" : "images", data.numClasses()));
        // before the network is built: a network that cannot fit fails here, with what it needs and what there is
        MemoryBudget.check(experiment, data, MemoryBudget.Limits.ofThisJvm());

        int epochs = experiment.training().epochs();
        TrainingListener progress = new TrainingListener() {
            @Override
            public void onEpoch(EpochResult e) {
                String acc = Double.isNaN(e.validationAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f",
                        e.validationAccuracy());
                listener.info(String.format(Locale.ROOT, EPOCH_LINE, name, e.epoch(), epochs, e.trainLoss(), acc,
                        e.trainSeconds(), e.learningRate()));
                listener.epoch(name, e);
            }

            @Override
            public void onBatch(int epoch, int batch, int batches) {
                listener.batch(name, epoch, batch, batches);
            }
        };

        long t1 = System.nanoTime();
        TrainingOutcome outcome;
        try {
            outcome = new Trainer(experiment, progress).train(data);
        } catch (TrainingDivergedException e) {
            writeDiverged(experiment, data, e, start, loadSeconds, seconds(t1), seconds(t0), finalDir, placement);
            throw e;
        }
        double trainSeconds = seconds(t1) - outcome.evaluateSeconds();

        // the trainer scored the test split with the final weights already (predictions included)
        Evaluation evaluation = outcome.evaluation();

        long t3 = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("loadData", loadSeconds);
        timings.put("train", trainSeconds);
        timings.put("evaluate", outcome.evaluateSeconds());
        Provenance provenance = ProvenanceCollector.collect(experiment, data.contentSha256(),
                Natives.setBlasThreads(experiment.training().threads()), Natives.describeBlas(),
                options.projectDir(), start).withEndTime(Instant.now());
        try (AtomicOutput out = AtomicOutput.begin(placement.root(), placement.folder())) {
            ModelFile.write(outcome.model(), provenance, out.dir().resolve(MODEL_FILE));
            ProvenanceWriter.write(provenance, out.dir().resolve(ProvenanceWriter.FILE_NAME));
            AtomicFiles.writeString(out.dir().resolve(EXPERIMENT_FILE), experimentJson(provenance));
            ReportWriter.write(new ReportInput(experiment, outcome.epochs(), evaluation.result(), data.test(),
                    evaluation.predicted(), evaluation.confidence(), data.classNames(), data.contentSha256(),
                    data.origin(), seconds(t0), loadSeconds, environment(provenance), outcome.stoppedEarly(),
                    outcome.bestEpoch(), null, data.input()), out.dir());
            timings.put("write", seconds(t3));
            timings.put("total", seconds(t0));
            MetricsWriter.write(new RunMetrics(name, outcome.epochs(), evaluation.result(), outcome.stoppedEarly(),
                    outcome.bestEpoch(), null, timings), out.dir());
            writeExtra(placement, out.dir());
            out.commit();
        }
        if (placement.index()) {
            IndexWriter.regenerate(placement.root(), listener::warn);
        }

        double accuracy = evaluation.result().accuracy();
        double total = seconds(t0);
        listener.info(String.format(Locale.ROOT, SUMMARY_LINE, name, accuracy, evaluation.result().loss(),
                outcome.epochs().size(), total, finalDir));
        if (ChanceLevel.isAt(accuracy, data.numClasses())) {
            listener.warn(String.format(Locale.ROOT, CHANCE_LEVEL, name, accuracy, data.numClasses(),
                    ChanceLevel.of(data.numClasses())));
        }
        return new RunResult(name, finalDir, false, accuracy, evaluation.result().loss(), outcome.epochs().size(),
                total);
    }

    private void writeDiverged(Experiment experiment, LoadedDataset data, TrainingDivergedException e, Instant start,
                               double loadSeconds, double trainSeconds, double totalSeconds, Path finalDir,
                               Placement placement) {
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("loadData", loadSeconds);
        timings.put("train", trainSeconds);
        timings.put("total", totalSeconds);
        List<EpochResult> done = e.epochsDone();
        RunMetrics metrics = new RunMetrics(experiment.name(), done, null, false, done.size(),
                new RunMetrics.Divergence(e.epoch(), e.batch(), e.getMessage()), timings);
        Provenance provenance = ProvenanceCollector.collect(experiment, data.contentSha256(),
                Natives.setBlasThreads(experiment.training().threads()), Natives.describeBlas(),
                options.projectDir(), start).withEndTime(Instant.now());
        try (AtomicOutput out = AtomicOutput.begin(placement.root(), placement.folder())) {
            ProvenanceWriter.write(provenance, out.dir().resolve(ProvenanceWriter.FILE_NAME));
            AtomicFiles.writeString(out.dir().resolve(EXPERIMENT_FILE), experimentJson(provenance));
            ReportWriter.write(new ReportInput(experiment, done, null, data.test(), null, null, data.classNames(),
                    data.contentSha256(), data.origin(), totalSeconds, loadSeconds, environment(provenance), false,
                    done.size(), e.getMessage(), data.input()), out.dir());
            MetricsWriter.write(metrics, out.dir());
            writeExtra(placement, out.dir());
            out.commit();
        }
        if (placement.index()) {
            IndexWriter.regenerate(placement.root(), listener::warn);
        }
    }

    private static void writeExtra(Placement placement, Path dir) {
        placement.extraFiles().forEach((file, text) -> AtomicFiles.writeString(dir.resolve(file), text));
    }

    /** experiment.json: the normalised experiment of the provenance (the tree its hash is computed over). */
    static String experimentJson(Provenance provenance) {
        return provenance.experiment().toPrettyString() + "\n";
    }

    private static Map<String, String> environment(Provenance p) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("mlp-maven", String.valueOf(p.engineVersion()));
        env.put("ND4J", String.valueOf(p.nd4jVersion()));
        env.put("Java", p.javaVersion() + " (" + p.javaVendor() + ")");
        env.put("OS", p.osName() + " " + p.osArch());
        env.put("CPU", String.valueOf(p.cpuModel()));
        env.put("Threads", String.valueOf(p.threads()));
        env.put("BLAS", String.valueOf(p.blasKernel()));
        if (p.gitCommit() != null) {
            env.put("Git commit", p.gitCommit() + (Boolean.TRUE.equals(p.gitDirty()) ? " (dirty)" : ""));
        }
        return env;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
