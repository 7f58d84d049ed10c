package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.cli.CliArguments;
import dev.mlpmaven.engine.cli.Protocol;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.engine.platform.NativePlatform;
import dev.mlpmaven.plugin.fork.ArgLine;
import dev.mlpmaven.plugin.fork.ClassDataArchive;
import dev.mlpmaven.plugin.fork.ForkLauncher;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.plugin.fork.ProgressBar;
import dev.mlpmaven.plugin.fork.ThreadSplit;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Runs the engine ({@code dev.mlpmaven.engine.cli.Main}) in a forked JVM for a goal: {@code java} of Maven's own
 * JDK; the classpath resolved on demand with this platform's natives ({@link ForkClasspath}); JVM options (argLine,
 * the natives' CPU build, crash reports under {@code target/mlp/} or {@code target/mlp-fork/}, class-data sharing);
 * the environment (proxy credentials, the {@link ThreadSplit} of a parallel build); the data options every command
 * shares. It streams the fork's lines into the Maven log and turns its exit into success, a MojoFailureException or
 * a MojoExecutionException.
 */
final class ForkSupport {
    static final String MAIN_CLASS = "dev.mlpmaven.engine.cli.Main";
    /** The JavaCPP property naming the native build to load (the fork gets the one resolved for it). */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The name of the JVM's crash report ({@code %p} is its pid), in {@link #crashFolder}. */
    static final String CRASH_REPORT = "hs_err_pid%p.log";
    /** The fork's own folder under the build directory: its argument file, made before every fork starts. */
    static final String FORK_FOLDER = "mlp-fork";

    private final Log log;
    private final MavenSession session;
    private final MavenProject project;
    private final PluginDescriptor plugin;
    private final RepositorySystem repositorySystem;
    private final ForkOptions options;

    ForkSupport(Log log, MavenSession session, MavenProject project, PluginDescriptor plugin,
                RepositorySystem repositorySystem, ForkOptions options) {
        this.log = log;
        this.session = session;
        this.project = project;
        this.plugin = plugin;
        this.repositorySystem = repositorySystem;
        this.options = options;
    }

    ForkOptions options() {
        return options;
    }

    boolean isOffline() {
        return options.offline() || session.isOffline();
    }

    /** The options every command of the fork shares: cache, offline, data folders, proxy (host only). */
    List<String> dataArguments() {
        List<String> args = new ArrayList<>();
        if (options.cacheDir() != null) {
            args.add("--cache-dir");
            args.add(options.cacheDir().getAbsolutePath());
        }
        if (isOffline()) {
            args.add("--offline");
        }
        for (File d : options.dataDirs()) {
            args.add("--data-dir");
            args.add(d.getAbsolutePath());
        }
        Proxy proxy = activeProxy();
        if (proxy != null) {
            args.add("--proxy");
            args.add(proxy.getHost() + ":" + proxy.getPort());
        }
        return args;
    }

    private Proxy activeProxy() {
        if (session.getSettings() == null) {
            return null;
        }
        Proxy p = session.getSettings().getActiveProxy();
        return p != null && p.getHost() != null && !p.getHost().isBlank() ? p : null;
    }

    /** The machine's cores, as this JVM sees them. */
    int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The builder threads of the build: {@code -T N} gives N, a sequential build 1. */
    int builders() {
        return session.isParallel() ? Math.max(1, session.getRequest().getDegreeOfConcurrency()) : 1;
    }

    /**
     * How the cores are split: the builder threads of a parallel build times {@code forksAtOnce} (the forks one
     * execution runs at the same time: 1, or the sweeps' {@code mlp.parallel}).
     */
    ThreadSplit threadSplit(int forksAtOnce) {
        return ThreadSplit.of(cores(), builders(), forksAtOnce);
    }

    /** The BLAS threads of each fork when each builder thread runs {@code forksAtOnce} forks at once. */
    int threadsPerFork(int forksAtOnce) {
        return threadSplit(forksAtOnce).threadsPerFork();
    }

    /** The fork's environment when it is the only fork of its execution. */
    Map<String, String> environment() {
        return environment(threadSplit(1));
    }

    /** The fork's environment when this execution runs {@code forksAtOnce} forks at the same time. */
    Map<String, String> environment(int forksAtOnce) {
        return environment(threadSplit(forksAtOnce));
    }

    /** The fork's environment: the configured variables, proxy credentials, the thread split. */
    Map<String, String> environment(ThreadSplit split) {
        Map<String, String> env = new LinkedHashMap<>(options.environmentVariables());
        Proxy proxy = activeProxy();
        if (proxy != null) {
            putIfSet(env, CliArguments.PROXY_USER_ENV, proxy.getUsername());
            putIfSet(env, CliArguments.PROXY_PASSWORD_ENV, proxy.getPassword());
            putIfSet(env, CliArguments.NON_PROXY_HOSTS_ENV, proxy.getNonProxyHosts());
        }
        Map<String, String> threads = split.environment(options.environmentVariables(), System.getenv());
        if (!threads.isEmpty()) {
            log.debug(format(Messages.THREAD_SPLIT, split.concurrentForks(), split.threadsPerFork(), threads));
        }
        env.putAll(threads);
        return env;
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
    }

    /** A progress bar on an interactive terminal in a sequential build; null in batch mode (-B) or under -T. */
    ProgressBar progressBar(String label) {
        boolean interactive = session.getRequest().isInteractiveMode() && System.console() != null
                && !session.isParallel();
        return interactive ? new ProgressBar(System.out, label) : null;
    }

    /**
     * Runs the fork with {@code args}; returns normally after exit code 0. Exit code 2 becomes a
     * MojoFailureException with the fork's message alone, anything else a MojoExecutionException.
     */
    void run(List<String> args, ProgressBar bar) throws MojoExecutionException, MojoFailureException {
        run(args, bar, () -> "the fork");
    }

    /** {@link #run(List, ProgressBar)}; a timeout names {@code what} ran too long. */
    void run(List<String> args, ProgressBar bar, Supplier<String> what)
            throws MojoExecutionException, MojoFailureException {
        check(launch(args, new MavenForkLog(log, bar, List.of())), what);
    }

    /** The natives this fork gets: {@code mlp.nativeClassifier}, else this machine's. */
    NativePlatform natives() throws MojoExecutionException, MojoFailureException {
        NativePlatform natives = NativeSelection.choose(options.nativeClassifier());
        log.debug(format(Messages.NATIVES_CHOSEN, natives.classifier(), options.nativeClassifier() == null
                ? "this machine's" : "mlp.nativeClassifier"));
        return natives;
    }

    /** The fork's classpath: the engine and its dependencies with these natives, resolved once per session. */
    List<Path> classpath(NativePlatform natives) throws MojoExecutionException {
        Artifact engine = plugin.getArtifactMap().get(ForkClasspath.ENGINE_GROUP + ":" + ForkClasspath.ENGINE_ARTIFACT);
        if (engine == null) {
            throw new MojoExecutionException(format(Messages.FORK_CLASSPATH_UNRESOLVED,
                    "the plugin has no dependency " + ForkClasspath.ENGINE_GROUP + ":" + ForkClasspath.ENGINE_ARTIFACT));
        }
        return ForkClasspath.resolve(repositorySystem, session.getRepositorySession(),
                project.getRemotePluginRepositories(), engine.getVersion(), natives, log);
    }

    /** Runs the engine inside Maven's JVM (train's {@code -Dmlp.fork=false}), in a class loader of its own. */
    ForkResult runInProcess(List<String> args, MavenForkLog forkLog)
            throws MojoExecutionException, MojoFailureException {
        List<Path> classpath = classpath(natives());
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(environment());
        try {
            return InProcessEngine.run(classpath, args, env, forkLog, session.getRepositorySession());
        } finally {
            forkLog.clear();
        }
    }

    /** Runs the fork to its end and returns how it ended; throws only when it cannot be started. */
    ForkResult launch(List<String> args, MavenForkLog forkLog) throws MojoExecutionException, MojoFailureException {
        return launch(args, forkLog, 1);
    }

    /**
     * Runs one of {@code forksAtOnce} forks that this execution runs at the same time, with its share of the cores
     * ({@link ThreadSplit}): in its environment, and when forks share the cores also as
     * {@code -XX:ActiveProcessorCount} (unless argLine sets it), so the JVM's own pools keep to the share too.
     */
    ForkResult launch(List<String> args, MavenForkLog forkLog, int forksAtOnce)
            throws MojoExecutionException, MojoFailureException {
        NativePlatform natives = natives();
        List<Path> classpath = classpath(natives);
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        Path build = Path.of(project.getBuild().getDirectory());
        Path crashFolder = crashFolder(build);
        List<String> jvmArgs = jvmArgs(options.argLine(), natives, crashFolder);
        ThreadSplit split = threadSplit(forksAtOnce);
        if (split.concurrentForks() > 1 && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:ActiveProcessorCount"))) {
            jvmArgs.add("-XX:ActiveProcessorCount=" + split.threadsPerFork());
        }
        ClassDataArchive archive = null;
        // the JVM archives classes from jars only: a folder on the classpath (an engine built in the same reactor)
        // would make it refuse to start
        if (options.classDataSharing() && !ClassDataArchive.chosenBy(jvmArgs)
                && classpath.stream().allMatch(Files::isRegularFile)) {
            Path cache = options.cacheDir() != null ? options.cacheDir().toPath()
                    : DataOptions.defaultCacheDir(System.getenv(), System.getProperty("user.home"));
            archive = ClassDataArchive.of(cache, System.getProperty("java.home"), System.getProperty("java.version"),
                    classpath);
            jvmArgs.addAll(archive.jvmArgs());
        }
        Duration timeout = options.forkTimeout() > 0 ? Duration.ofSeconds(options.forkTimeout()) : null;
        ForkLauncher.Launch launch = new ForkLauncher.Launch(java, jvmArgs, classpath, MAIN_CLASS,
                args, environment(split), project.getBasedir().toPath(), build.resolve(FORK_FOLDER), timeout);
        ForkResult result;
        try {
            result = ForkLauncher.run(launch, forkLog);
        } catch (IOException e) {
            if (archive != null) {
                archive.finish(-1);
            }
            throw notStarted(launch, e);
        } finally {
            forkLog.clear();
        }
        log.debug(format(Messages.FORK_ENDED, result.exitCode(), result.seconds()));
        if (archive != null) {
            result = finishArchive(archive, result, log);
        }
        Path report = crashFolder.resolve(CRASH_REPORT.replace("%p", Long.toString(result.pid())));
        if (result.bye() == null && result.exitCode() != 0 && Files.isRegularFile(report)) {
            result = result.withCrashReport(report);
        }
        return result;
    }

    /**
     * Where a crashing fork's JVM writes its report: {@code <build>/mlp/} when that folder exists (train makes it
     * before it forks), else {@code <build>/mlp-fork/}, which the launcher makes for the argument file before the
     * fork starts (fetch and evaluate write no {@code target/mlp/}). The folder must exist: the JVM writes no
     * folder of its own and falls back to its working directory, the project folder.
     */
    static Path crashFolder(Path build) {
        Path mlp = build.resolve("mlp");
        return Files.isDirectory(mlp) ? mlp : build.resolve(FORK_FOLDER);
    }

    /**
     * JVM options of the fork: the user's argLine, then (unless it sets them) the natives' CPU build for JavaCPP
     * and crash reports in {@code crashFolder} ({@link #crashFolder}).
     */
    static List<String> jvmArgs(String argLine, NativePlatform natives, Path crashFolder) throws MojoFailureException {
        List<String> args = new ArrayList<>(jvmArgs(argLine));
        if (natives.hasCpuVariants() && args.stream().noneMatch(a -> a.startsWith("-D" + EXTENSION_PROPERTY + "="))) {
            args.add("-D" + EXTENSION_PROPERTY + "=" + natives.extension());
        }
        if (args.stream().noneMatch(a -> a.startsWith("-XX:ErrorFile="))) {
            args.add("-XX:ErrorFile=" + crashFolder.resolve(CRASH_REPORT));
        }
        return args;
    }

    /**
     * Moves a newly written class-data archive into place after a good run. A JVM that ran the command well (BYE 0)
     * but then failed to write the archive at exit (a full disk: "Unable to write to shared archive file") ended
     * with exit code 1: a warning only, the run counts as the success it was (15.5).
     */
    static ForkResult finishArchive(ClassDataArchive archive, ForkResult result, Log log) {
        boolean failedAtExit = archive.isWriting() && result.exitCode() != 0 && Integer.valueOf(0).equals(result.bye())
                && result.failure() == null && result.error() == null && !result.timedOut();
        if (failedAtExit) {
            archive.finish(-1);
            log.warn(format(Messages.CDS_NOT_WRITTEN, archive.file(), jvmSaid(result), archive.file().getParent()));
            return result.withExitCode(Protocol.EXIT_OK);
        }
        if (archive.finish(result.exitCode())) {
            log.debug(format(Messages.CDS_WRITTEN, archive.file()));
        }
        return result;
    }

    /** The JVM's own line about the archive ("Unable to write to shared archive file."), without log decorations. */
    static String jvmSaid(ForkResult result) {
        String line = result.outputTail().stream().filter(l -> l.contains("Unable to write")).findFirst()
                .or(() -> result.outputTail().stream().filter(l -> l.contains("shared archive")).findFirst())
                .orElse("exit code " + result.exitCode());
        return line.replaceFirst("^(\\[[^]]*]\\s*)+", "").trim();
    }

    /**
     * Why a fork did not start: its argument file could not be written (the build folder, not java.home, is at
     * fault), or the JVM could not be started.
     */
    static MojoExecutionException notStarted(ForkLauncher.Launch launch, IOException e) {
        if (e instanceof ForkLauncher.ArgFileException a) {
            return new MojoExecutionException(format(Messages.ARGFILE_NOT_WRITTEN, a.dir(), IoReason.of(a)), e);
        }
        return new MojoExecutionException(format(Messages.FORK_NOT_STARTED, launch.describe(), e.getMessage()), e);
    }

    /** The user's argLine as JVM arguments; an unclosed quote is the user's mistake. */
    static List<String> jvmArgs(String argLine) throws MojoFailureException {
        try {
            return ArgLine.split(argLine);
        } catch (ArgLine.UnclosedQuoteException e) {
            throw new MojoFailureException(format(Messages.BAD_ARG_LINE, argLine, e.quote()));
        }
    }

    /** {@link #check(ForkResult, Supplier)} for a fork without a timeout. */
    static void check(ForkResult result) throws MojoExecutionException, MojoFailureException {
        check(result, () -> "the fork", 0);
    }

    void check(ForkResult result, Supplier<String> what) throws MojoExecutionException, MojoFailureException {
        check(result, what, options.forkTimeout());
    }

    /**
     * Returns normally after exit code 0; a timeout is a MojoFailureException naming {@code what} ran too long;
     * exit code 2 with a FAILURE message is a MojoFailureException with that message alone; an ERROR message or
     * any other exit code a MojoExecutionException.
     */
    static void check(ForkResult result, Supplier<String> what, int timeoutSeconds)
            throws MojoExecutionException, MojoFailureException {
        if (result.timedOut()) {
            throw new MojoFailureException(format(Messages.FORK_TIMEOUT, what.get(), timeoutSeconds, result.seconds()));
        }
        if (result.exitCode() == Protocol.EXIT_OK) {
            return;
        }
        if (result.exitCode() == Protocol.EXIT_FAILURE && result.failure() != null) {
            throw new MojoFailureException(result.failure());
        }
        if (result.error() != null) {
            throw new MojoExecutionException(format(Messages.FORK_ERROR, result.error()));
        }
        String crashed = format(Messages.FORK_CRASHED, result.exitCode(),
                String.join(System.lineSeparator(), result.outputTail()));
        if (result.crashReport() != null) {
            crashed += format(Messages.FORK_CRASH_REPORT, result.crashReport());
        }
        throw new MojoExecutionException(crashed);
    }
}
