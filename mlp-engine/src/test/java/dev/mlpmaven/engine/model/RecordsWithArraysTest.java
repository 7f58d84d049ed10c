package dev.mlpmaven.engine.model;

import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.TestResult;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.Layer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Records that hold arrays compare them by content, and print their lengths instead of identity hashes. */
class RecordsWithArraysTest {
    @Test
    void equal_contents_in_different_arrays_are_equal_and_one_changed_value_is_not() {
        assertThat(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .isEqualTo(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .hasSameHashCodeAs(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .isNotEqualTo(new DenseLayer(2, 1, "relu", new float[]{1, 2.5f}, new float[]{3}))
                .hasToString("DenseLayer[in=2, out=1, activation=relu, weights=float[2], bias=float[1]]");
        assertThat(new Layer(2, 1, Activation.TANH, new float[]{1, 2}, new float[]{3}))
                .isEqualTo(new Layer(2, 1, Activation.TANH, new float[]{1, 2}, new float[]{3}))
                .isNotEqualTo(new Layer(2, 1, Activation.RELU, new float[]{1, 2}, new float[]{3}));
        TestResult r = new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}});
        assertThat(r).isEqualTo(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}}))
                .hasSameHashCodeAs(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}}))
                .isNotEqualTo(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {0, 1}}));
        assertThat(new Evaluation(r, new int[]{0, 0}, new float[]{0.9f, 0.6f}))
                .isEqualTo(new Evaluation(r, new int[]{0, 0}, new float[]{0.9f, 0.6f}));
        assertThat(new IdxImages(1, 1, 2, new byte[]{1, 2})).isEqualTo(new IdxImages(1, 1, 2, new byte[]{1, 2}))
                .isNotEqualTo(new IdxImages(1, 1, 2, new byte[]{1, 3}));
        assertThat(new IdxLabels(2, new byte[]{0, 1})).isEqualTo(new IdxLabels(2, new byte[]{0, 1}))
                .hasToString("IdxLabels[count=2, labels=byte[2]]");
    }

    /**
     * Every record of mlp-engine and mlp-runtime with an array component (or a list of arrays) declares its own
     * equals, hashCode and toString, so a record added later cannot fall back to comparing arrays by identity.
     */
    @Test
    void every_record_holding_arrays_declares_equals_hash_code_and_to_string() throws Exception {
        List<String> records = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> c : classesBeside(DenseLayer.class, Layer.class)) {
            if (!c.isRecord() || Arrays.stream(c.getRecordComponents()).noneMatch(RecordsWithArraysTest::holdsArrays)) {
                continue;
            }
            records.add(c.getName());
            for (String m : List.of("equals", "hashCode", "toString")) {
                boolean declared = Arrays.stream(c.getDeclaredMethods()).anyMatch(d -> d.getName().equals(m)
                        && d.getParameterCount() == (m.equals("equals") ? 1 : 0));
                if (!declared) {
                    missing.add(c.getName() + "." + m);
                }
            }
        }
        assertThat(records).as("the scan finds the records it should").contains(DenseLayer.class.getName(),
                Layer.class.getName(), TestResult.class.getName(), dev.mlpmaven.engine.data.Features.class.getName(),
                dev.mlpmaven.engine.data.StratifiedSplit.class.getName(), "dev.mlpmaven.engine.data.table.CsvTable");
        assertThat(missing).as("records that compare or print their arrays by identity").isEmpty();
    }

    private static boolean holdsArrays(RecordComponent c) {
        if (c.getType().isArray()) {
            return true;
        }
        Type t = c.getGenericType();
        return t instanceof ParameterizedType p && Arrays.stream(p.getActualTypeArguments())
                .anyMatch(a -> a instanceof Class<?> k && k.isArray()
                        || a instanceof java.lang.reflect.GenericArrayType);
    }

    /** The classes of the folders or jars that hold these classes. */
    private static List<Class<?>> classesBeside(Class<?>... anchors) throws IOException, URISyntaxException {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> anchor : anchors) {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                found.addAll(classesUnder(location, anchor.getClassLoader()));
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location)) {
                    found.addAll(classesUnder(jar.getPath("/"), anchor.getClassLoader()));
                }
            }
        }
        return found;
    }

    private static List<Class<?>> classesUnder(Path root, ClassLoader loader) throws IOException {
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("module-info") || name.startsWith("META-INF")) {
                    continue;
                }
                try {
                    found.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name + " from " + root, e);
                }
            }
        }
        return found;
    }
}
