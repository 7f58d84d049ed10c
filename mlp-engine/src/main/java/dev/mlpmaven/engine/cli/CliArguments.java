package dev.mlpmaven.engine.cli;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link Main}: {@code <command> [options] [experiment files]}.
 * The Maven plugin builds it (see {@code dev.mlpmaven.plugin.fork.ForkCommandLine}); people may type it too.
 *
 * @param command        {@code train}, {@code fetch}, {@code evaluate} or {@code aggregate}
 * @param outputRoot     {@code --output-root DIR}: experiments write {@code DIR/<name>/} (train); the
 *                       leaderboard's folder (aggregate)
 * @param projectDir     {@code --project-dir DIR}: the project folder, for provenance; may be null
 * @param extendsRoot    {@code --extends-root DIR}: the folder every file an experiment {@code extends} must be in;
 *                       null for the project folder, or without one the experiment file's own folder
 * @param cacheDir       {@code --cache-dir DIR}: the dataset cache; null for the default
 * @param offline        {@code --offline}: use only the cache and local copies
 * @param dataDirs       {@code --data-dir DIR}, repeatable: folders searched for local copies of named datasets
 * @param overrides      {@code --set key.path=value}, repeatable: experiment overrides
 * @param force          {@code --force}: retrain even when nothing changed
 * @param proxy          {@code --proxy host:port}; credentials come from the environment
 *                       ({@value #PROXY_USER_ENV}, {@value #PROXY_PASSWORD_ENV}, {@value #NON_PROXY_HOSTS_ENV}),
 *                       never from the command line, which other users of the machine can read
 * @param progress       {@code --progress}: send PROGRESS lines within each epoch
 * @param model          {@code --model FILE}: the model file to evaluate (evaluate)
 * @param dataset        {@code --dataset NAME}: a named dataset to evaluate on (evaluate; else the experiment's)
 * @param evaluationFile {@code --evaluation-file FILE}: where evaluate writes its JSON result; may be null
 * @param files          experiment YAML files (a sweep file: every trial); aggregate: the folders of results
 * @param trials         {@code --trial ID=FILE}, repeatable: one trial of the sweep in FILE (train), after the files
 */
public record CliArguments(String command, Path outputRoot, Path projectDir, Path extendsRoot, Path cacheDir,
                           boolean offline,
                           List<Path> dataDirs, Map<String, String> overrides, boolean force, String proxy,
                           boolean progress, Path model, String dataset, Path evaluationFile, List<Path> files,
                           List<TrialRef> trials) {

    public static final String PROXY_USER_ENV = "MLP_PROXY_USER";
    public static final String PROXY_PASSWORD_ENV = "MLP_PROXY_PASSWORD";
    public static final String NON_PROXY_HOSTS_ENV = "MLP_NON_PROXY_HOSTS";

    public static final String USAGE = "usage: java -cp <classpath> dev.mlpmaven.engine.cli.Main"
            + " train|fetch|evaluate|aggregate [--output-root DIR] [--project-dir DIR] [--extends-root DIR]"
            + " [--cache-dir DIR] [--offline]"
            + " [--data-dir DIR]... [--set key.path=value]... [--force] [--proxy host:port] [--progress]"
            + " [--model FILE] [--dataset NAME] [--evaluation-file FILE] [--trial ID=FILE]... [experiment.yaml...]";

    /** One trial to train: {@code --trial <id>=<sweep file>}. */
    public record TrialRef(String id, Path file) {
    }

    public CliArguments {
        trials = List.copyOf(trials);
        dataDirs = List.copyOf(dataDirs);
        overrides = Map.copyOf(overrides);
        files = List.copyOf(files);
    }

    /** Reads the command line; a mistake in it is a {@link UserException} naming the argument. */
    public static CliArguments parse(String... args) {
        if (args.length == 0) {
            throw new UserException("command line: found no command, expected train, fetch, evaluate or aggregate - "
                    + USAGE);
        }
        String command = args[0];
        if (!List.of("train", "fetch", "evaluate", "aggregate").contains(command)) {
            throw new UserException("command line: found command '" + command
                    + "', expected train, fetch, evaluate or aggregate - " + USAGE);
        }
        Path outputRoot = Path.of("target", "mlp");
        Path projectDir = null;
        Path extendsRoot = null;
        Path cacheDir = null;
        boolean offline = false;
        boolean force = false;
        boolean progress = false;
        String proxy = null;
        Path model = null;
        String dataset = null;
        Path evaluationFile = null;
        List<Path> dataDirs = new ArrayList<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        List<TrialRef> trials = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--offline" -> offline = true;
                case "--force" -> force = true;
                case "--progress" -> progress = true;
                case "--output-root" -> outputRoot = Path.of(value(args, ++i, a));
                case "--project-dir" -> projectDir = Path.of(value(args, ++i, a));
                case "--extends-root" -> extendsRoot = Path.of(value(args, ++i, a));
                case "--cache-dir" -> cacheDir = Path.of(value(args, ++i, a));
                case "--data-dir" -> dataDirs.add(Path.of(value(args, ++i, a)));
                case "--proxy" -> proxy = value(args, ++i, a);
                case "--model" -> model = Path.of(value(args, ++i, a));
                case "--dataset" -> dataset = value(args, ++i, a);
                case "--evaluation-file" -> evaluationFile = Path.of(value(args, ++i, a));
                case "--set" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UserException("command line: --set " + kv
                                + ": found no key before '=', expected key.path=value (e.g. training.epochs=1)");
                    }
                    overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--trial" -> {
                    String kv = value(args, ++i, a);
                    int eq = kv.indexOf('=');
                    if (eq <= 0 || eq == kv.length() - 1) {
                        throw new UserException("command line: --trial " + kv
                                + ": found no id=file, expected ID=FILE (e.g. 3f2a9c1b0d4e=sweep.yaml)");
                    }
                    trials.add(new TrialRef(kv.substring(0, eq), Path.of(kv.substring(eq + 1))));
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new UserException("command line: found unknown option " + a + " - " + USAGE);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (command.equals("aggregate") && files.isEmpty()) {
            throw new UserException("command line: found no folder of results, expected at least one after aggregate"
                    + " - " + USAGE);
        }
        if (!command.equals("evaluate") && files.isEmpty() && trials.isEmpty()) {
            throw new UserException("command line: found no experiment file, expected at least one after "
                    + command + " - " + USAGE);
        }
        if (!command.equals("train") && !trials.isEmpty()) {
            throw new UserException("command line: found --trial with " + command
                    + ", expected it only with train - " + USAGE);
        }
        if (command.equals("evaluate")) {
            if (model == null) {
                throw new UserException("command line: evaluate found no --model FILE, expected the model to evaluate");
            }
            if (dataset == null && files.size() != 1) {
                throw new UserException("command line: evaluate found " + files.size()
                        + " experiment files and no --dataset, expected --dataset NAME or one experiment file");
            }
        }
        return new CliArguments(command, outputRoot, projectDir, extendsRoot, cacheDir, offline, dataDirs, overrides,
                force, proxy, progress, model, dataset, evaluationFile, files, trials);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UserException("command line: " + option + " found no value, expected one after it");
        }
        return args[i];
    }

    /** The extends root for {@code experimentFile}: {@code --extends-root}, else the project, else its folder. */
    public Path extendsRootFor(Path experimentFile) {
        if (extendsRoot != null) {
            return extendsRoot;
        }
        if (projectDir != null) {
            return projectDir;
        }
        Path parent = experimentFile.toAbsolutePath().getParent();
        return parent == null ? experimentFile.toAbsolutePath() : parent;
    }

    /** The runner's options; proxy credentials are read from {@code env}. */
    public RunOptions runOptions(Map<String, String> env) {
        Map<String, String> proxySettings = new LinkedHashMap<>();
        copy(env, PROXY_USER_ENV, proxySettings, "user");
        copy(env, PROXY_PASSWORD_ENV, proxySettings, "password");
        copy(env, NON_PROXY_HOSTS_ENV, proxySettings, "nonProxyHosts");
        return new RunOptions(outputRoot, projectDir, cacheDir, offline, dataDirs, overrides, force, proxy,
                proxySettings);
    }

    /** The dataset options: the runner's mapping of {@link #runOptions(Map)}. */
    public DataOptions dataOptions(Map<String, String> env) {
        return ExperimentRunner.dataOptions(runOptions(env));
    }

    private static void copy(Map<String, String> env, String key, Map<String, String> to, String as) {
        String v = env.get(key);
        if (v != null && !v.isEmpty()) {
            to.put(as, v);
        }
    }
}
