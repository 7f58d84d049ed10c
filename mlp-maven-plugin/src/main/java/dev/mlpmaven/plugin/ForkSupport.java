package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.cli.CliArguments;
import dev.mlpmaven.engine.cli.Protocol;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.plugin.fork.ArgLine;
import dev.mlpmaven.plugin.fork.ClassDataArchive;
import dev.mlpmaven.plugin.fork.ForkLauncher;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Proxy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Runs the engine ({@code dev.mlpmaven.engine.cli.Main}) in a forked JVM for a goal: {@code java} of Maven's own
 * JDK, JVM options, class-data sharing, environment (proxy credentials, the thread split of a parallel build),
 * the data options every command shares; streams the fork's lines into the Maven log and turns its exit into
 * success, a MojoFailureException or a MojoExecutionException.
 */
final class ForkSupport {
    static final String MAIN_CLASS = "dev.mlpmaven.engine.cli.Main";

    private final Log log;
    private final MavenSession session;
    private final MavenProject project;
    private final PluginDescriptor plugin;
    private final ForkOptions options;

    ForkSupport(Log log, MavenSession session, MavenProject project, PluginDescriptor plugin, ForkOptions options) {
        this.log = log;
        this.session = session;
        this.project = project;
        this.plugin = plugin;
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

    /** The BLAS threads of each fork when each builder thread runs {@code forksAtOnce} forks at once. */
    int threadsPerFork(int forksAtOnce) {
        return Math.max(1, cores() / (builders() * Math.max(1, forksAtOnce)));
    }

    /** The fork's environment when it is the only fork of its execution (see {@link #environment(int)}). */
    Map<String, String> environment() {
        return environment(1);
    }

    /**
     * The fork's environment: the configured variables, proxy credentials, and when forks run at once (builder
     * threads of {@code -T} times {@code forksAtOnce}) and OMP_NUM_THREADS is not set, each fork's share of the
     * cores as OMP_NUM_THREADS.
     */
    Map<String, String> environment(int forksAtOnce) {
        Map<String, String> env = new LinkedHashMap<>(options.environmentVariables());
        Proxy proxy = activeProxy();
        if (proxy != null) {
            putIfSet(env, CliArguments.PROXY_USER_ENV, proxy.getUsername());
            putIfSet(env, CliArguments.PROXY_PASSWORD_ENV, proxy.getPassword());
            putIfSet(env, CliArguments.NON_PROXY_HOSTS_ENV, proxy.getNonProxyHosts());
        }
        if (splits(forksAtOnce) && !env.containsKey("OMP_NUM_THREADS")
                && System.getenv("OMP_NUM_THREADS") == null) {
            int threads = threadsPerFork(forksAtOnce);
            env.put("OMP_NUM_THREADS", String.valueOf(threads));
            log.debug(format(Messages.THREAD_SPLIT, builders() * forksAtOnce, threads));
        }
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
        check(launch(args, new MavenForkLog(log, bar, List.of())));
    }

    /** Whether forks share the cores: a parallel build, or several forks of one execution. */
    private boolean splits(int forksAtOnce) {
        return builders() * Math.max(1, forksAtOnce) > 1;
    }

    /** Runs the fork to its end and returns how it ended; throws only when it cannot be started. */
    ForkResult launch(List<String> args, MavenForkLog forkLog) throws MojoExecutionException, MojoFailureException {
        return launch(args, forkLog, 1);
    }

    /**
     * Runs one of {@code forksAtOnce} forks that this execution runs at the same time. When forks share the cores,
     * the fork also gets {@code -XX:ActiveProcessorCount} of its share (unless argLine sets it), so the JVM and the
     * engine's {@code training.threads: 0} (one BLAS thread per core it sees) keep to that share.
     */
    ForkResult launch(List<String> args, MavenForkLog forkLog, int forksAtOnce)
            throws MojoExecutionException, MojoFailureException {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<Path> classpath = new ArrayList<>();
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getFile() != null) {
                classpath.add(a.getFile().toPath());
            }
        }
        List<String> jvmArgs = new ArrayList<>(jvmArgs(options.argLine()));
        if (splits(forksAtOnce) && jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:ActiveProcessorCount"))) {
            jvmArgs.add("-XX:ActiveProcessorCount=" + threadsPerFork(forksAtOnce));
        }
        ClassDataArchive archive = null;
        if (options.classDataSharing() && !ClassDataArchive.chosenBy(jvmArgs)) {
            Path cache = options.cacheDir() != null ? options.cacheDir().toPath()
                    : DataOptions.defaultCacheDir(System.getenv(), System.getProperty("user.home"));
            archive = ClassDataArchive.of(cache, System.getProperty("java.home"), System.getProperty("java.version"),
                    classpath);
            jvmArgs.addAll(archive.jvmArgs());
        }
        ForkLauncher.Launch launch = new ForkLauncher.Launch(java, jvmArgs, classpath, MAIN_CLASS,
                args, environment(forksAtOnce), project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory(), "mlp-fork"));
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
        if (archive != null && archive.finish(result.exitCode())) {
            log.debug(format(Messages.CDS_WRITTEN, archive.file()));
        }
        return result;
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

    /**
     * Returns normally after exit code 0; exit code 2 with a FAILURE message is a MojoFailureException with that
     * message alone, an ERROR message or any other exit code a MojoExecutionException.
     */
    static void check(ForkResult result) throws MojoExecutionException, MojoFailureException {
        if (result.exitCode() == Protocol.EXIT_OK) {
            return;
        }
        if (result.exitCode() == Protocol.EXIT_FAILURE && result.failure() != null) {
            throw new MojoFailureException(result.failure());
        }
        if (result.error() != null) {
            throw new MojoExecutionException(format(Messages.FORK_ERROR, result.error()));
        }
        throw new MojoExecutionException(format(Messages.FORK_CRASHED, result.exitCode(),
                String.join(System.lineSeparator(), result.outputTail())));
    }
}
