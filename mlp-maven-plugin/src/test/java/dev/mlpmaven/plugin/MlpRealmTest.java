package dev.mlpmaven.plugin;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plugin's own classpath (its tests run with it) holds no ND4J, no JavaCPP natives and no charting: those are
 * the fork's, resolved on demand. Every plugin test that uses an engine class (protocol, index, data options)
 * therefore also shows that class needs none of them.
 */
class MlpRealmTest {
    @Test
    void plugin_classpath_has_no_nd4j_javacpp_jna_or_xchart() {
        for (String c : new String[]{"org.nd4j.linalg.factory.Nd4j", "org.bytedeco.javacpp.Loader",
                "org.bytedeco.openblas.global.openblas_nolapack", "com.sun.jna.Native",
                "org.knowm.xchart.XYChart"}) {
            assertThatThrownBy(() -> Class.forName(c)).as(c).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)))
                .noneMatch(p -> p.contains("nd4j") || p.contains("openblas") || p.contains("javacpp"));
    }
}
