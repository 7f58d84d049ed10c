package dev.mlpmaven.engine.train;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Asks OpenBLAS how many threads it uses. ND4J's {@code blas().getMaxThreads()} returns the number JavaCPP last
 * passed to {@code openblas_set_num_threads}, remembered in Java; this calls OpenBLAS's own getter
 * {@code openblas_get_num_threads()} (not mapped by JavaCPP's presets) through JNA, on the very library ND4J uses:
 * the {@code libopenblas} file beside the JNI library JavaCPP loaded for {@code openblas_nolapack} (opening a
 * loaded library again returns the loaded one).
 */
final class OpenBlasThreads {
    private OpenBlasThreads() {
    }

    /** {@code openblas_get_num_threads()}, or -1 when the library or JNA's native part cannot be found. */
    static int inUse() {
        try {
            Path jni = Path.of(Loader.load(openblas_nolapack.class));
            Path library = openblasBeside(jni.getParent());
            if (library == null) {
                return -1;
            }
            Function getter = NativeLibrary.getInstance(library.toString()).getFunction("openblas_get_num_threads");
            return getter.invokeInt(new Object[0]);
        } catch (IOException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    /** {@code libopenblas.so.0}, {@code libopenblas.0.dylib} or {@code libopenblas.dll} in {@code dir}. */
    private static Path openblasBeside(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith("libopenblas") || n.equals("openblas.dll");
            }).findFirst().orElse(null);
        }
    }
}
