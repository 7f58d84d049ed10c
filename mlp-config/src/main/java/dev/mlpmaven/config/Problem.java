package dev.mlpmaven.config;

/**
 * One mistake in an experiment: where it is, which key, and what is wrong.
 *
 * @param file    the YAML file as the user named it (or the file an {@code extends} led to), or
 *                {@code <override mlp.set.key.path>} for a command-line override
 * @param line    1-based line, or 0 when the problem has no line (an override)
 * @param column  1-based column, or 0 when the problem has no line
 * @param keyPath the key, dotted, with list indexes: {@code model.layers[1].units}; {@code (document)} for the
 *                file as a whole
 * @param message "found X, expected Y - hint"
 */
public record Problem(String file, int line, int column, String keyPath, String message) {

    /** {@code <file>:<line>:<column>: <key.path>: <message>}; {@code <file>: <key.path>: <message>} without a line. */
    public String format() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + keyPath + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
