package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A goal that runs the engine in a forked JVM, like surefire; the parameters of the fork, handed to
 * {@code ForkSupport}.
 *
 * <p>Why a fork: ND4J loads its native library once per class loader (deeplearning4j#6166), and its OpenMP and
 * OpenBLAS thread pools read environment variables such as {@code OMP_NUM_THREADS} only when the process starts.
 * A fork isolates each training, takes memory settings ({@code argLine}) and an environment, and is stopped
 * cleanly with Maven.
 */
public abstract class AbstractForkMojo extends AbstractExperimentMojo {
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
     * The memory the forked JVM may use, such as {@code 8g} or {@code 512m}: its heap ({@code -Xmx}) and ND4J's
     * off-heap limit ({@code -Dorg.bytedeco.javacpp.maxbytes}), put before {@code argLine}. The engine estimates
     * what a network needs before building it and fails with both numbers when it does not fit. Default: the JVM's
     * own (a quarter of the machine's memory).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.forkMaxHeap")
    protected String forkMaxHeap;

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

    /** The fork of this goal, configured by the parameters above. */
    ForkSupport forkSupport() throws MojoFailureException {
        return new ForkSupport(getLog(), session, project, plugin, new ForkOptions(
                withMaxHeap(forkMaxHeap, argLine), classDataSharing, environmentVariables, cacheDir, dataDirs, offline));
    }

    /** {@code -Xmx<size> -Dorg.bytedeco.javacpp.maxbytes=<size>} before {@code argLine}; argLine alone without it. */
    static String withMaxHeap(String maxHeap, String argLine) throws MojoFailureException {
        if (maxHeap == null || maxHeap.isBlank()) {
            return argLine;
        }
        String size = maxHeap.trim();
        if (!size.matches("[1-9][0-9]{0,9}[kKmMgGtT]?")) {
            throw new MojoFailureException(Messages.format(Messages.BAD_FORK_MAX_HEAP, size));
        }
        String memory = "-Xmx" + size + " -Dorg.bytedeco.javacpp.maxbytes=" + size;
        return argLine == null || argLine.isBlank() ? memory : memory + " " + argLine;
    }
}
