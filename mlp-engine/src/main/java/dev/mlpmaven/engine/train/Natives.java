package dev.mlpmaven.engine.train;

import java.nio.FloatBuffer;

import dev.mlpmaven.engine.cli.Protocol;
import dev.mlpmaven.engine.platform.NativePlatform;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loading ND4J's natives safely and talking to their memory.
 *
 * <p>JavaCPP loads the first native build it finds in the order {@code -avx512, -avx2, plain} and does not check
 * the CPU: on a processor without AVX-512 (or a VM that hides it) the AVX-512 build dies with SIGILL inside
 * {@code libnd4jcpu.so}. Before ND4J is touched for the first time, {@link #init()} reads the CPU flags and, unless
 * the user already chose with {@code -Dorg.bytedeco.javacpp.platform.extension=...}, selects the best build the
 * CPU can run.
 */
public final class Natives {
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static volatile boolean initialised;

    private Natives() {
    }

    /** Chooses the native build and loads ND4J; returns how long the first load took (0 after that). */
    public static synchronized long init() {
        if (initialised) {
            return 0;
        }
        long t0 = System.nanoTime();
        if (System.getProperty(EXTENSION_PROPERTY) == null) {
            String ext = extensionFor(cpuFlags());
            if (ext != null) {
                System.setProperty(EXTENSION_PROPERTY, ext);
            }
        }
        Nd4j.create(DataType.FLOAT, 1, 1); // forces the backend to load
        initialised = true;
        return System.nanoTime() - t0;
    }

    /** The JavaCPP extension to use for these CPU flags, or null to leave JavaCPP's default. */
    static String extensionFor(String flags) {
        String ext = NativePlatform.x86Extension(flags);
        return "-avx512".equals(ext) ? null : ext; // the AVX-512 build is safe and first anyway
    }

    private static String cpuFlags() {
        return NativePlatform.linuxCpuFlags(); // null when not Linux or unreadable: JavaCPP chooses
    }

    /**
     * Sets the BLAS thread count, the one place where it is set; {@code threads <= 0} means this process's share
     * of the cores: {@value Protocol#THREADS_ENV} when the Maven plugin sets it (a parallel build splits the cores
     * between its forks), else one per available core. Returns the count set.
     */
    public static int setBlasThreads(int threads) {
        init();
        int n = threads > 0 ? threads : defaultThreads(System.getenv(), Runtime.getRuntime().availableProcessors());
        Nd4j.factory().blas().setMaxThreads(n);
        return n;
    }

    /** The thread count for {@code threads: 0}: {@value Protocol#THREADS_ENV} if it is a positive number, else the cores. */
    static int defaultThreads(java.util.Map<String, String> env, int cores) {
        String share = env.get(Protocol.THREADS_ENV);
        if (share != null) {
            try {
                int n = Integer.parseInt(share.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // not the plugin's: one per core
            }
        }
        return Math.max(1, cores);
    }

    /**
     * The thread count OpenBLAS itself reports ({@code openblas_get_num_threads()} of the library ND4J calls, not
     * ND4J's remembered setting), or -1 when it cannot be asked (see {@link OpenBlasThreads}).
     */
    public static int blasThreadsInUse() {
        init();
        return OpenBlasThreads.inUse();
    }

    /** BLAS vendor and version, kernel selection, thread count and ND4J native build, for logs and benchmarks. */
    public static String describeBlas() {
        init();
        String ext = System.getProperty(EXTENSION_PROPERTY);
        String core = System.getenv("OPENBLAS_CORETYPE");
        return Nd4j.factory().blas().getBlasVendor() + " " + openblas_nolapack.OPENBLAS_VERSION.trim()
                + ", kernels " + (core == null ? "auto-detected" : "OPENBLAS_CORETYPE=" + core) + ", "
                + Nd4j.factory().blas().getMaxThreads() + " threads, ND4J natives "
                + (ext == null ? "(JavaCPP default)" : ext.isEmpty() ? "plain" : ext);
    }

    /** A new zeroed c-order float array. */
    static INDArray zeros(long... shape) {
        init();
        return Nd4j.create(DataType.FLOAT, shape, 'c');
    }

    /** A direct float buffer over the whole off-heap memory of a freshly created (not a view) float array. */
    static FloatBuffer floats(INDArray a) {
        long n = a.data().length();
        return new FloatPointer(a.data().addressPointer()).capacity(n).asBuffer();
    }

    /** Frees the off-heap memory of arrays at once instead of waiting for the garbage collector; nulls allowed. */
    static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable() && !a.wasClosed()) {
                a.close();
            }
        }
    }
}
