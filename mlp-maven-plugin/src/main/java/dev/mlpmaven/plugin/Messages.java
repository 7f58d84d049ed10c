package dev.mlpmaven.plugin;

import java.util.Locale;

/**
 * Every line the plugin itself shows a user. Integration tests (it/src/it/&#42;/verify.groovy) match these texts
 * word for word; change them together.
 */
public final class Messages {
    private Messages() {
    }

    /** Debug: the class-data sharing archive the first fork wrote (later forks start faster from it). */
    public static final String CDS_WRITTEN = "mlp: wrote the fork's class-data sharing archive %s";
    public static final String SKIPPED = "mlp: skipped, because property mlp.skip is true";

    public static final String NO_EXPERIMENTS =
            "mlp: no experiment files in %s (includes %s); nothing to do - put experiments in src/main/mlp/"
                    + " or name one with -Dmlp.experiment=FILE";

    public static final String EXPERIMENT_MISSING =
            "mlp: experiment file %s: found no such file, expected an existing YAML file - check <experiment> or -Dmlp.experiment";

    public static final String DUPLICATE_NAME =
            "mlp: experiments %s and %s are both named '%s', expected one name per experiment - they would write"
                    + " to the same folder %s";

    public static final String UP_TO_DATE =
            "mlp: %s is up to date (experiment, data, plugin version and outputs unchanged); use -Dmlp.force to retrain";

    public static final String TRAINING = "mlp: %s: %s; training";

    public static final String FORCED = "retraining because of -Dmlp.force";

    public static final String ATTACHED = "mlp: %s: attached %s as artifact type mlp, classifier %s";

    public static final String FORK_CRASHED =
            "mlp: the forked JVM ended with exit code %d without a message, expected exit code 0 - its last lines of"
                    + " output:%n%s";

    public static final String NOT_TRAINED =
            "mlp: %s: the forked JVM ended with exit code 0 without training it, expected a DONE line for it";

    public static final String FORK_ERROR = "mlp: the forked JVM failed: %s";

    public static final String FORK_NOT_STARTED =
            "mlp: could not start the forked JVM %s: %s - check java.home, argLine and the environment";

    public static final String VALIDATE_OK = "mlp: %s is valid";

    public static final String VALIDATE_FAILED = "mlp: %d of %d experiment files are invalid";

    public static final String CHECK_MINIMUM = "mlp: %s: %s is %.4f, but expected minimum is %.4f";

    public static final String CHECK_MAXIMUM = "mlp: %s: %s is %.4f, but expected maximum is %.4f";

    public static final String CHECK_FAILED = "mlp: %d quality rule violation(s); JUnit report in %s";

    public static final String CHECK_PASSED = "mlp: all quality rules are met (%d experiment(s), %d check(s))";

    public static final String CHECK_NO_METRICS =
            "mlp: no metrics.json in %s, expected one per trained experiment (<outputDirectory>/<name>/metrics.json)"
                    + " - run mlp:train first";

    public static final String CHECK_RULE_NO_METRICS =
            "mlp: rule for experiment '%s': found no %s, expected the metrics of a trained experiment of that name";

    public static final String CHECK_NO_RULES =
            "mlp: no quality rules configured; nothing to check - add <rules> or -Dmlp.minimumTestAccuracy";

    public static final String CHECK_BAD_METRICS = "mlp: %s: %s, expected metrics.json as written by mlp:train";

    public static final String EVALUATE_NO_MODEL =
            "mlp: evaluate found no model, expected -Dmlp.model=FILE or -Dmlp.modelArtifact=groupId:artifactId:version:classifier";

    public static final String EVALUATE_MODEL_MISSING = "mlp: model file %s: found no such file, expected a model.mlp written by mlp:train";

    public static final String EVALUATE_BAD_COORDINATES =
            "mlp: modelArtifact '%s': expected groupId:artifactId:version:classifier (the type is mlp)";

    public static final String EVALUATE_UNRESOLVED = "mlp: modelArtifact %s: %s - install it first (mvn install in the project that trains it)";

    public static final String EVALUATE_NO_DATA =
            "mlp: evaluate found no data, expected -Dmlp.dataset=NAME or an experiment (-Dmlp.experiment=FILE) whose dataset to use";

    // --- experiment files (ExperimentFiles) ---

    public static final String CANNOT_LIST = "mlp: cannot list the folder %s: %s - check that it exists and is readable";

    public static final String BAD_FORK_MAX_HEAP = "mlp: forkMaxHeap: found '%s', expected a size such as 8g, 512m"
            + " or 2048m - it becomes the fork's -Xmx and off-heap limit (-Dmlp.forkMaxHeap=8g)";

    public static final String CANNOT_READ = "mlp: cannot read %s: %s - check that the file exists and is readable";

    // --- train (TrainSupport, IncrementalSkip, ModelAttacher) ---

    public static final String FINGERPRINT_NOT_COMPUTED =
            "mlp: %s: cannot compute its fingerprint (the hashes of its data): %s - check that its data files are readable";

    public static final String FINGERPRINT_NOT_DELETED = "mlp: cannot delete %s: %s - check that the folder is writable";

    public static final String FINGERPRINT_NOT_WRITTEN = "mlp: cannot write %s: %s - check that the folder is writable";

    public static final String MODEL_NOT_WRITTEN =
            "mlp: %s: the training ended without writing %s, expected the model file - see the log above";

    /** Why an experiment is trained again (the second %s of {@link #TRAINING}); from Fingerprint. */
    public static final String STALE_NO_EARLIER = "no earlier training in %s";
    public static final String STALE_FORMAT = "the fingerprint of the earlier training has another format";
    public static final String STALE_PLUGIN = "the plugin changed since the earlier training (%s)";
    public static final String STALE_EXPERIMENT = "the experiment changed since the earlier training";
    public static final String STALE_DATA = "the data changed since the earlier training";
    public static final String STALE_OUTPUT_MISSING = "%s is missing";
    public static final String STALE_OUTPUT_CHANGED = "%s changed since it was written";

    public static final String IN_PROCESS_ERROR = "mlp: the training failed: %s";

    // --- sweeps, shards and parallel forks (TrainSupport, TrainUnit, Shard) ---

    /** Info: sweep, trials in this build, up to date, to train. */
    public static final String SWEEP_TRIALS = "mlp: sweep %s: %d trial(s), %d up to date, %d to train";

    /** Info: sweep, removed folders, trials folder, their ids. */
    public static final String TRIALS_REMOVED = "mlp: sweep %s: removed %d trial folder(s) the sweep no longer has"
            + " from %s (%s)";

    public static final String TRIALS_NOT_REMOVED = "mlp: cannot remove the old trial folder %s: %s - check that the"
            + " folder is writable";

    public static final String SHARD_BAD = "mlp: mlp.shard '%s': found %s, expected i/n with 1 <= i <= n"
            + " (e.g. -Dmlp.shard=2/3 for the second of three shards)";

    /** Info: shard, this shard's units, all units. */
    public static final String SHARD_SELECTED = "mlp: shard %s: %d of the %d experiments and trials are this"
            + " shard's";

    /** Failure (or a warning with mlp.allowEmptyShard): shard, units in all, shards, the most useful shards. */
    public static final String SHARD_EMPTY = "mlp: shard %s: found no experiment or trial for this shard (%d in all"
            + " over %d shards), expected at least one - use at most %d shards, or -Dmlp.allowEmptyShard=true to let"
            + " an empty shard pass";

    public static final String PARALLEL_BAD = "mlp: mlp.parallel %d: found fewer than 1 fork, expected 1 or more"
            + " forks at once - e.g. -Dmlp.parallel=2, or leave it out for what the cores allow";

    /** Warning: requested forks, cores, builder threads, forks used. */
    public static final String PARALLEL_CAPPED = "mlp: mlp.parallel %d: more forks than the %d core(s) allow for %d"
            + " builder thread(s); training in %d forks at once, so the BLAS threads never exceed the cores";

    /** Info: units, forks, BLAS threads each, cores. */
    public static final String PARALLEL = "mlp: training %d experiment(s) and trial(s) in %d forks at once, %d BLAS"
            + " thread(s) each (%d cores)";

    /** Warning: sweep, reason. */
    public static final String SWEEP_BOARD_UNREADABLE = "mlp: sweep %s: cannot read its trials for the summary: %s";

    // --- aggregate (AggregateSupport) ---

    public static final String AGGREGATE_NO_FOLDER = "mlp: aggregate: found no folder %s, expected a folder of"
            + " mlp:train results (a target/mlp, or a folder of downloaded shard artifacts) - check"
            + " <resultDirectories> or -Dmlp.resultDirectories";

    public static final String AGGREGATE_NOTHING = "mlp: aggregate: found none of the folders %s, expected the"
            + " results of mlp:train - run mlp:train first, or name the folders with -Dmlp.resultDirectories=DIR,...";

    /** Info: sweep, best id, model file, classifier. */
    public static final String AGGREGATE_BEST_ATTACHED = "mlp: sweep %s: best trial %s, model %s attached as"
            + " type mlp, classifier %s";

    /** Info: sweep, best id, model file, classifier (not attached: -Dmlp.attach=false). */
    public static final String AGGREGATE_BEST = "mlp: sweep %s: best trial %s, model %s (not attached as %s)";

    /** Error after several forks: how many failed, of how many; the first failure follows. */
    public static final String FORKS_FAILED = "mlp: %d of %d forks failed; the first failure:%n%s";

    // --- the fork (ForkSupport) ---

    /** Debug: exit code and seconds of a fork. */
    public static final String FORK_ENDED = "mlp: the fork ended with exit code %d after %.2f s";

    /** Debug: the thread split of a parallel build: builder threads, OMP_NUM_THREADS of each fork. */
    public static final String THREAD_SPLIT = "mlp: parallel build with %d threads: OMP_NUM_THREADS=%d for each fork";

    /** 15.7: the fork's argument file (its classpath) cannot be written; not java.home's fault. */
    public static final String ARGFILE_NOT_WRITTEN =
            "mlp: cannot write the fork's argument file in %s: %s - the build folder must be writable"
                    + " (check its permissions and free disk space)";

    public static final String FORK_INTERRUPTED = "interrupted while waiting for the forked JVM; it was stopped";

    public static final String BAD_ARG_LINE =
            "mlp: argLine [%s]: found an unclosed %s quote, expected quotes in pairs - check <argLine> or -Dmlp.argLine";

    // --- check (QualityGate) ---

    /** Info: experiment, what was measured (one of the CHECK_SUMMARY_* texts). */
    public static final String CHECK_MET = "mlp: %s: %s";
    public static final String CHECK_SUMMARY_MINIMUM = "%s is %.4f (minimum %.4f)";
    public static final String CHECK_SUMMARY_MAXIMUM = "%s is %.4f (maximum %.4f)";

    // --- the baseline rule of check (BaselineGate) ---

    /** Violation: experiment, its accuracy, the drop, the baseline's accuracy, the baseline, samples, the limit. */
    public static final String CHECK_BASELINE = "mlp: %s: test accuracy is %.4f, %.4f below the %.4f of the baseline"
            + " %s on the same test data (%d samples), but expected a drop of at most %.4f";

    /** Info: accuracy, baseline, its accuracy, samples, drop, limit. */
    public static final String CHECK_SUMMARY_BASELINE = "test accuracy %.4f, baseline %s %.4f on the same %d test"
            + " samples: a drop of %.4f (maximum %.4f)";

    public static final String BASELINE_BAD_COORDINATES = "mlp: baseline '%s': expected"
            + " groupId:artifactId:version[:classifier] (a version, or a range such as [0,) for its last release; the"
            + " classifier defaults to the experiment's name, the type is mlp)";

    public static final String BASELINE_BAD_RANGE = "mlp: baseline '%s': %s, expected a version range such as [0,) or"
            + " [1.0,2.0)";

    public static final String BASELINE_NO_RELEASE = "mlp: baseline %s: found no release in the repositories (versions"
            + " found: %s), expected at least one released version with the model - install or deploy a release"
            + " first, or name a file with <baselineFile>";

    public static final String BASELINE_UNRESOLVED = "mlp: baseline %s: %s - install or deploy that version with its"
            + " model first, or name a file with <baselineFile>";

    public static final String BASELINE_FILE_MISSING = "mlp: baseline file %s: found no such file, expected a model"
            + " file (model.mlp) - check <baselineFile> or -Dmlp.baselineFile";

    public static final String BASELINE_NOT_A_MODEL = "mlp: %s: %s";

    public static final String BASELINE_NO_CANDIDATE = "mlp: rule for experiment '%s': found no %s, expected the model"
            + " mlp:train writes - run mlp:train first";

    public static final String BASELINE_NO_EXPERIMENT = "mlp: rule for experiment '%s': found no experiment file"
            + " of that name in %s, expected it to read today's test data - the baseline is scored on the"
            + " experiment's dataset; check <experimentDirectory> or -Dmlp.experiment";

    /** Arguments: what (a model), the data's problem. */
    public static final String BASELINE_DATA = "mlp: %s on today's test data: %s";

    /** Debug: the baseline as written, as resolved, its file. */
    public static final String BASELINE_RESOLVED = "mlp: baseline %s is %s (%s)";

    public static final String CHECK_REPORT_NOT_WRITTEN =
            "mlp: cannot write the JUnit report in %s: %s - check that the folder is writable";

    /** What is wrong in a metrics.json (the second %s of {@link #CHECK_BAD_METRICS}); from Metrics. */
    public static final String METRICS_INVALID_JSON = "found invalid JSON at line %d, column %d (%s)";
    public static final String METRICS_NO_OBJECT = "found no object '%s'";
    public static final String METRICS_NO_TEXT = "found no text '%s'";
    public static final String METRICS_NO_ARRAY = "found no array '%s'";
    public static final String METRICS_NOT_A_NUMBER = "found %s at '%s', expected a number";
    public static final String METRICS_BAD_ROW = "%s row %d: found %s, expected %d counts";

    /** {@link String#format} with the root locale, so numbers always read 0.8500. */
    public static String format(String message, Object... args) {
        return String.format(Locale.ROOT, message, args);
    }
}
