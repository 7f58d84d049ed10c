package dev.mlpmaven.engine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.fail;

/**
 * The one rule for tests that need a Debian package: when the file is missing, the test fails (never skips) with
 * the exact line that installs it. {@code bash .ci/test} installs every package the tests need.
 */
public final class SystemPackages {
    /** Arguments: the path, the package, the package. */
    public static final String MISSING = "found no %s, expected it from Debian's package %s - install it with:"
            + " apt-get install -y %s (or run the tests with bash .ci/test, which installs what is missing)";

    public static final String FASHION_MNIST = "dataset-fashion-mnist";

    private SystemPackages() {
    }

    /** {@code path}, after failing the test with {@link #MISSING} when it does not exist. */
    public static Path require(Path path, String debianPackage) {
        if (!Files.exists(path)) {
            fail(String.format(MISSING, path, debianPackage, debianPackage));
        }
        return path;
    }
}
