package dev.mlpmaven.engine.train;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
        if (flags == null) {
            return null;
        }
        String f = " " + flags.toLowerCase(Locale.ROOT) + " ";
        if (f.contains(" avx512f ") && f.contains(" avx512bw ") && f.contains(" avx512dq ") && f.contains(" avx512vl ")) {
            return null; // the AVX-512 build is safe and first anyway
        }
        return f.contains(" avx2 ") ? "-avx2" : "";
    }

    private static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // not Linux or unreadable: leave the choice to JavaCPP
        }
        return null;
    }

    /** Sets the BLAS thread count; {@code threads <= 0} means one per available core. Returns the count set. */
    public static int setBlasThreads(int threads) {
        init();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        Nd4j.factory().blas().setMaxThreads(n);
        return n;
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
