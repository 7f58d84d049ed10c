package dev.mlpmaven.config;

import java.nio.file.Path;

/**
 * Where a key or value was written.
 *
 * @param file   what messages show: the path as the user gave it, or {@code <override mlp.set.x>}
 * @param source the YAML file relative paths are resolved against (for an override: the experiment file)
 * @param line   1-based, or 0 for an override
 * @param column 1-based, or 0 for an override
 */
record Location(String file, Path source, int line, int column) {

    Problem problem(String keyPath, String message) {
        return new Problem(file, line, column, keyPath, message);
    }
}
