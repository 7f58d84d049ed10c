package dev.mlpmaven.plugin.fork;

import dev.mlpmaven.engine.cli.Protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the cores are split between forks that train at once: the builder threads of a parallel build
 * ({@code mvn -T N}) times the forks each starts at once (one today; the sweeps' {@code mlp.parallel} later). Each
 * fork gets {@code max(1, cores / concurrent forks)} threads, passed in its environment: {@code OMP_NUM_THREADS}
 * (libnd4j's OpenMP pool and OpenBLAS at start-up) and {@value Protocol#THREADS_ENV}, which the engine's
 * {@code Natives.setBlasThreads} uses for {@code training.threads: 0}, so OpenBLAS really runs that many.
 *
 * @param cores           cores of the machine
 * @param concurrentForks forks that may train at the same time
 */
public record ThreadSplit(int cores, int concurrentForks) {
    public static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

    public ThreadSplit {
        cores = Math.max(1, cores);
        concurrentForks = Math.max(1, concurrentForks);
    }

    /** The split for {@code builders} builder threads each running {@code forksPerBuilder} forks at once. */
    public static ThreadSplit of(int cores, int builders, int forksPerBuilder) {
        return new ThreadSplit(cores, Math.max(1, builders) * Math.max(1, forksPerBuilder));
    }

    /** The threads of each fork. */
    public int threadsPerFork() {
        return Math.max(1, cores / concurrentForks);
    }

    /**
     * The variables to add to a fork's environment, given what the pom configures and what Maven's own environment
     * has: none for a single fork (it uses every core); else both variables set to the share. A user's own
     * {@code OMP_NUM_THREADS} wins and becomes the BLAS share as well; a user's own {@value Protocol#THREADS_ENV}
     * is left alone.
     */
    public Map<String, String> environment(Map<String, String> configured, Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>();
        if (configured.containsKey(Protocol.THREADS_ENV) || inherited.containsKey(Protocol.THREADS_ENV)) {
            return env;
        }
        String users = configured.getOrDefault(OMP_NUM_THREADS, inherited.get(OMP_NUM_THREADS));
        if (users != null) {
            env.put(Protocol.THREADS_ENV, users);
        } else if (concurrentForks > 1) {
            env.put(OMP_NUM_THREADS, Integer.toString(threadsPerFork()));
            env.put(Protocol.THREADS_ENV, Integer.toString(threadsPerFork()));
        }
        return env;
    }
}
