package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.cli.CliArguments;
import dev.mlpmaven.engine.cli.Protocol;
import dev.mlpmaven.engine.data.DataOptions;
import dev.mlpmaven.plugin.fork.ArgLine;
import dev.mlpmaven.plugin.fork.ClassDataArchive;
import dev.mlpmaven.plugin.fork.ForkLauncher;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.ProgressBar;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
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
 * A goal that runs the engine in a forked JVM, like surefire: {@code java} of Maven's own JDK, the plugin's
 * dependencies as classpath, {@code dev.mlpmaven.engine.cli.Main}, the {@link Protocol} lines of the fork
 * streamed into the Maven log as they come.
 *
 * <p>Why a fork: ND4J loads its native library once per class loader (deeplearning4j#6166), and its OpenMP and
 * OpenBLAS thread pools read environment variables such as {@code OMP_NUM_THREADS} only when the process starts.
 * A fork isolates each training, takes memory settings ({@code argLine}) and an environment, and is killed
 * cleanly with Maven.
 */
public abstract class AbstractForkMojo extends AbstractExperimentMojo {
    static final String MAIN_CLASS = "dev.mlpmaven.engine.cli.Main";
    /** The artifact type of attached models (file extension .mlp). */
    public static final String MODEL_TYPE = "mlp";

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /**
     * Options of the forked JVM, such as {@code -Xmx4g} or
     * {@code -Dorg.bytedeco.javacpp.maxbytes=8G} (ND4J's off-heap limit).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.argLine")
    protected String argLine;

    /**
     * Keep a class-data sharing archive of the fork's classes in {@code <cacheDir>/cds/} (one per JDK and plugin
     * classpath) so later forks start faster; {@code false} turns it off. Ignored when {@code argLine} sets
     * {@code -Xshare} or an archive itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.classDataSharing", defaultValue = "true")
    protected boolean classDataSharing = true;

    /**
     * Environment variables of the forked JVM, such as {@code OMP_NUM_THREADS}. When a parallel build
     * ({@code -T}) does not set {@code OMP_NUM_THREADS}, each fork gets the cores divided by the build's threads.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> environmentVariables = new LinkedHashMap<>();

    /**
     * The dataset cache; default {@code MLP_CACHE_DIR}, else {@code ~/.cache/mlp-maven}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.cacheDir")
    protected File cacheDir;

    /**
     * Folders searched for local copies of named datasets before the cache and the network.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.dataDirs")
    protected List<File> dataDirs = new ArrayList<>();

    /**
     * Use only the cache and local copies of datasets, never the network. Maven's own offline mode
     * ({@code mvn -o}) turns it on as well.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.offline", defaultValue = "false")
    protected boolean offline;

    protected boolean isOffline() {
        return offline || session.isOffline();
    }

    /** The options every command of the fork shares: cache, offline, data folders, proxy (host only). */
    protected List<String> dataArguments() {
        List<String> args = new ArrayList<>();
        if (cacheDir != null) {
            args.add("--cache-dir");
            args.add(cacheDir.getAbsolutePath());
        }
        if (isOffline()) {
            args.add("--offline");
        }
        for (File d : dataDirs) {
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

    /** The fork's environment: the configured variables, proxy credentials, a fair OMP_NUM_THREADS under -T. */
    protected Map<String, String> forkEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(environmentVariables);
        Proxy proxy = activeProxy();
        if (proxy != null) {
            putIfSet(env, CliArguments.PROXY_USER_ENV, proxy.getUsername());
            putIfSet(env, CliArguments.PROXY_PASSWORD_ENV, proxy.getPassword());
            putIfSet(env, CliArguments.NON_PROXY_HOSTS_ENV, proxy.getNonProxyHosts());
        }
        if (session.isParallel() && !env.containsKey("OMP_NUM_THREADS") && System.getenv("OMP_NUM_THREADS") == null) {
            int builders = Math.max(1, session.getRequest().getDegreeOfConcurrency());
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / builders);
            env.put("OMP_NUM_THREADS", String.valueOf(threads));
            getLog().debug("mlp: parallel build with " + builders + " threads: OMP_NUM_THREADS=" + threads);
        }
        return env;
    }

    private static void putIfSet(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
    }

    /** A progress bar on an interactive terminal in a sequential build; null in batch mode (-B) or under -T. */
    protected ProgressBar progressBar(String label) {
        boolean interactive = session.getRequest().isInteractiveMode() && System.console() != null
                && !session.isParallel();
        return interactive ? new ProgressBar(System.out, label) : null;
    }

    /**
     * Runs {@code dev.mlpmaven.engine.cli.Main} with {@code args}; returns normally after exit code 0.
     * Exit code 2 becomes a MojoFailureException with the fork's message alone, anything else a
     * MojoExecutionException.
     */
    protected void fork(List<String> args, ProgressBar bar) throws MojoExecutionException, MojoFailureException {
        check(launch(args, new MavenForkLog(getLog(), bar, List.of())));
    }

    /** Runs the fork to its end and returns how it ended; throws only when it cannot be started. */
    protected ForkResult launch(List<String> args, MavenForkLog log) throws MojoExecutionException {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<Path> classpath = new ArrayList<>();
        for (Artifact a : plugin.getArtifacts()) {
            if (a.getFile() != null) {
                classpath.add(a.getFile().toPath());
            }
        }
        List<String> jvmArgs = new ArrayList<>(ArgLine.split(argLine));
        ClassDataArchive archive = null;
        if (classDataSharing && !ClassDataArchive.chosenBy(jvmArgs)) {
            Path cache = cacheDir != null ? cacheDir.toPath()
                    : DataOptions.defaultCacheDir(System.getenv(), System.getProperty("user.home"));
            archive = ClassDataArchive.of(cache, System.getProperty("java.home"), System.getProperty("java.version"),
                    classpath);
            jvmArgs.addAll(archive.jvmArgs());
        }
        ForkLauncher.Launch launch = new ForkLauncher.Launch(java, jvmArgs, classpath, MAIN_CLASS,
                args, forkEnvironment(), project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory(), "mlp-fork"));
        ForkResult result;
        try {
            result = ForkLauncher.run(launch, log);
        } catch (IOException e) {
            if (archive != null) {
                archive.finish(-1);
            }
            throw new MojoExecutionException(format(Messages.FORK_NOT_STARTED, launch.describe(), e.getMessage()), e);
        } finally {
            log.clear();
        }
        getLog().debug(format("mlp: the fork ended with exit code %d after %.2f s", result.exitCode(), result.seconds()));
        if (archive != null && archive.finish(result.exitCode())) {
            getLog().debug(format(Messages.CDS_WRITTEN, archive.file()));
        }
        return result;
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
