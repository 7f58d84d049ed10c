package dev.mlpmaven.plugin;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.report.ExperimentSummary;
import dev.mlpmaven.engine.report.IndexWriter;
import dev.mlpmaven.engine.report.SummaryTable;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Result;
import dev.mlpmaven.engine.sweep.Results;
import dev.mlpmaven.engine.sweep.Trials;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:train}: loads every experiment file into units (an experiment, or each trial of a sweep;
 * {@link TrainUnit}), keeps this shard's share ({@link Shard}), skips the up-to-date ones ({@link IncrementalSkip}),
 * trains the others in forks ({@link ForkSupport}; {@code mlp.parallel} of them at once, the cores split between
 * them; or the engine inside Maven's JVM, in a class loader of its own, when forking is off), fingerprints each unit the moment its fork says it is done (so an
 * interrupted build keeps what it finished), attaches the experiments' models ({@link ModelAttacher}) and ends with
 * a summary table and each sweep's best trial.
 */
final class TrainSupport {
    /**
     * The sweep and shard settings of a train execution.
     *
     * @param parallel        forks at once ({@code mlp.parallel}), or null for what the cores allow
     * @param shard           this build's shard, or null for all
     * @param allowEmptyShard a shard without any experiment or trial passes with a warning instead of failing
     */
    record Sharing(Integer parallel, Shard shard, boolean allowEmptyShard) {
        static final Sharing NONE = new Sharing(1, null, false);
    }

    private final Log log;
    private final ForkSupport fork;
    private final IncrementalSkip incremental;
    private final ModelAttacher attacher;
    private final Path outputDirectory;
    private final Path projectDir;
    private final Path extendsRoot;
    private final boolean forked;
    private final Sharing sharing;
    private final Instant outputTimestamp;

    TrainSupport(Log log, ForkSupport fork, IncrementalSkip incremental, ModelAttacher attacher, Path outputDirectory,
                 Path projectDir, Path extendsRoot, boolean forked, Sharing sharing, Instant outputTimestamp) {
        this.log = log;
        this.fork = fork;
        this.incremental = incremental;
        this.attacher = attacher;
        this.outputDirectory = outputDirectory;
        this.projectDir = projectDir;
        this.extendsRoot = extendsRoot;
        this.forked = forked;
        this.sharing = sharing;
        this.outputTimestamp = outputTimestamp;
    }

    /** A unit to train and its fingerprint inputs. */
    private record Stale(TrainUnit unit, Map<String, String> inputs) {
    }

    void train(List<Path> files, Map<String, String> overrides) throws MojoExecutionException, MojoFailureException {
        List<TrainUnit> all = TrainUnit.of(files, overrides, extendsRoot, outputDirectory, log);
        List<TrainUnit> units = shard(all);
        List<Stale> stale = new ArrayList<>();
        Map<String, int[]> sweeps = new LinkedHashMap<>(); // sweep -> {trials here, up to date}
        for (TrainUnit u : units) {
            Optional<Map<String, String>> inputs = incremental.staleInputs(u.experiment(), outputDirectory, u.out(),
                    u.isTrial());
            if (u.isTrial()) {
                int[] counts = sweeps.computeIfAbsent(u.sweep().name(), k -> new int[2]);
                counts[0]++;
                counts[1] += inputs.isPresent() ? 0 : 1;
            }
            if (inputs.isPresent()) {
                stale.add(new Stale(u, inputs.get()));
            } else if (!u.isTrial()) {
                attacher.attach(u.name(), u.out(), outputTimestamp);
            }
        }
        sweeps.forEach((name, c) -> log.info(format(Messages.SWEEP_TRIALS, name, c[0], c[1], c[0] - c[1])));
        if (!stale.isEmpty()) {
            trainInForks(stale, overrides);
        }
        logSummary(units.stream().filter(u -> !u.isTrial()).map(TrainUnit::name).toList());
        Map<String, dev.mlpmaven.config.Sweep> swept = new LinkedHashMap<>();
        units.stream().filter(TrainUnit::isTrial).forEach(u -> swept.putIfAbsent(u.sweep().name(), u.sweep()));
        logSweeps(swept);
    }

    /** This shard's units (all without a shard); an empty shard fails unless allowed. */
    private List<TrainUnit> shard(List<TrainUnit> all) throws MojoFailureException {
        Shard shard = sharing.shard();
        return shard == null ? all : shard.share(all, TrainUnit::name, sharing.allowEmptyShard(), log);
    }

    /**
     * How many forks train at once: {@code mlp.parallel}, at most what the cores allow, at most one per unit; one
     * engine inside Maven's JVM when forking is off.
     */
    int forksFor(int units) throws MojoFailureException {
        if (!forked) {
            return 1;
        }
        int fit = Math.max(1, fork.cores() / fork.builders());
        Integer asked = sharing.parallel();
        int forks = fit;
        if (asked != null) {
            if (asked < 1) {
                throw new MojoFailureException(format(Messages.PARALLEL_BAD, asked));
            }
            forks = Math.min(asked, fit);
            if (asked > fit) {
                log.warn(format(Messages.PARALLEL_CAPPED, asked, fork.cores(), fork.builders(), fit));
            }
        }
        return Math.max(1, Math.min(forks, units));
    }

    /**
     * Trains the stale units in {@code forks} forks at once, each a round-robin share in turn (ND4J loads once per
     * fork); each DONE line fingerprints its unit at once. Every fork runs to its end; then the first failure is
     * thrown.
     */
    private void trainInForks(List<Stale> stale, Map<String, String> overrides)
            throws MojoExecutionException, MojoFailureException {
        int forks = forksFor(stale.size());
        List<List<Stale>> shares = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < stale.size(); i++) {
            shares.get(i % forks).add(stale.get(i));
        }
        Map<String, Stale> byName = new ConcurrentHashMap<>();
        stale.forEach(s -> byName.put(s.unit().name(), s));
        List<MojoExecutionException> finishErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.function.Consumer<String> onDone = name -> {
            Stale s = byName.remove(name);
            if (s != null) {
                try {
                    finish(s);
                } catch (MojoExecutionException e) {
                    finishErrors.add(e);
                }
            }
        };
        try {
            // the outputs' folder; when it is target/mlp, a crashing fork writes its JVM crash report there too
            // (ForkSupport.crashFolder)
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.CANNOT_CREATE, outputDirectory, IoReason.of(e)), e);
        }
        List<ForkResult> results = new ArrayList<>();
        if (forks == 1) {
            results.add(runFork(stale, overrides, 1, onDone));
        } else {
            log.info(format(Messages.PARALLEL, stale.size(), forks, fork.threadsPerFork(forks), fork.cores()));
            ExecutorService pool = Executors.newFixedThreadPool(forks, r -> {
                Thread t = new Thread(r, "mlp-train-fork");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ForkResult>> running = new ArrayList<>();
                for (List<Stale> share : shares) {
                    running.add(pool.submit(() -> runFork(share, overrides, forks, onDone)));
                }
                for (Future<ForkResult> f : running) {
                    results.add(get(f));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        if (!finishErrors.isEmpty()) {
            throw finishErrors.get(0);
        }
        checkAll(results, shares.stream().map(sh -> sh.stream().map(st -> st.unit().name()).toList()).toList());
        for (Stale s : stale) {
            if (byName.containsKey(s.unit().name())) {
                throw new MojoExecutionException(format(Messages.NOT_TRAINED, s.unit().name()));
            }
        }
    }

    private ForkResult runFork(List<Stale> share, Map<String, String> overrides, int forksAtOnce,
                               java.util.function.Consumer<String> onDone)
            throws MojoExecutionException, MojoFailureException {
        List<String> names = share.stream().map(s -> s.unit().name()).toList();
        ProgressBar bar = forksAtOnce == 1 ? fork.progressBar(names.get(0)) : null;
        List<Path> files = new ArrayList<>();
        List<Map.Entry<String, Path>> trials = new ArrayList<>();
        for (Stale s : share) {
            if (s.unit().isTrial()) {
                trials.add(Map.entry(s.unit().trialId(), s.unit().file()));
            } else {
                files.add(s.unit().file());
            }
        }
        List<String> args = ForkCommands.train(outputDirectory, projectDir, extendsRoot, outputTimestamp, bar != null,
                fork.dataArguments(), overrides, files, trials);
        MavenForkLog forkLog = new MavenForkLog(log, bar, names, onDone);
        return forked ? fork.launch(args, forkLog, forksAtOnce) : fork.runInProcess(args, forkLog);
    }

    private static ForkResult get(Future<ForkResult> f) throws MojoExecutionException, MojoFailureException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException(Messages.FORK_INTERRUPTED, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MojoFailureException m) {
                throw m;
            }
            if (e.getCause() instanceof MojoExecutionException m) {
                throw m;
            }
            throw new MojoExecutionException(format(Messages.IN_PROCESS_ERROR, e.getCause()), e.getCause());
        }
    }

    /**
     * Throws the first failed fork's failure; with several forks, says how many failed. A timeout names the unit the
     * fork was training (the first of its share without a DONE line).
     */
    private void checkAll(List<ForkResult> results, List<List<String>> names)
            throws MojoExecutionException, MojoFailureException {
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ForkResult r = results.get(i);
            List<String> share = names.get(Math.min(i, names.size() - 1));
            try {
                fork.check(r, () -> share.stream().filter(n -> !r.done().contains(n)).findFirst()
                        .orElse(share.get(share.size() - 1)));
            } catch (MojoExecutionException | MojoFailureException e) {
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        Exception first = failures.get(0);
        String message = results.size() == 1 ? first.getMessage()
                : format(Messages.FORKS_FAILED, failures.size(), results.size(), first.getMessage());
        if (first instanceof MojoFailureException) {
            throw new MojoFailureException(message, first);
        }
        throw new MojoExecutionException(message, first);
    }

    /** After a successful training: fingerprint, and attach an experiment's model (not a trial's). */
    private void finish(Stale s) throws MojoExecutionException {
        TrainUnit u = s.unit();
        incremental.trained(u.name(), u.out(), s.inputs(), u.isTrial());
        if (!u.isTrial()) {
            attacher.attach(u.name(), u.out(), outputTimestamp);
        }
    }

    /** The log ends with a short table of every experiment of this execution (the numbers of index.html). */
    private void logSummary(List<String> names) {
        List<ExperimentSummary> rows = IndexWriter.scan(outputDirectory, log::warn).stream()
                .filter(r -> names.contains(r.name()))
                .toList();
        if (!rows.isEmpty()) {
            SummaryTable.lines(rows).forEach(log::info);
        }
    }

    /** Each sweep's best trial among its trials in this output folder (the board is in <root>/<sweep>/). */
    private void logSweeps(Map<String, dev.mlpmaven.config.Sweep> sweeps) {
        sweeps.forEach((name, sweep) -> {
            try {
                String hash = Trials.sweepHash(sweep, projectDir);
                List<Result> mine = Results.scan(List.of(Trials.trialsDir(outputDirectory, name)), log::warn).stream()
                        .filter(r -> r.isTrial() && r.trial().sweepHash().equals(hash)).toList();
                if (!mine.isEmpty()) {
                    Leaderboard.of(mine).logLines().forEach(log::info);
                }
            } catch (RuntimeException e) {
                log.warn(format(Messages.SWEEP_BOARD_UNREADABLE, name, e.getMessage()));
            }
        });
    }
}
