package dev.mlpmaven.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SystemPackagesTest {
    @Test
    void a_missing_package_fails_the_test_with_the_line_that_installs_it() {
        Path none = Path.of("/usr/share/datasets/no-such-dataset");
        assertThatThrownBy(() -> SystemPackages.require(none, "dataset-no-such"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("found no /usr/share/datasets/no-such-dataset, expected it from Debian's package"
                        + " dataset-no-such - install it with: apt-get install -y dataset-no-such (or run the tests"
                        + " with bash .ci/test, which installs what is missing)");
        assertThat(SystemPackages.require(Path.of("/"), "base-files")).isEqualTo(Path.of("/"));
    }
}
