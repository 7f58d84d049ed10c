package dev.mlpmaven.plugin.fork;

/** Where the fork's messages go (the Maven log in a build). Called from the fork's reader threads. */
public interface ForkLog {
    void info(String line);

    void warn(String line);

    /** Lines of the fork's standard error, and anything that is not a protocol line on standard output. */
    void debug(String line);

    /** Progress within an epoch. */
    default void progress(int epoch, int batch, int batches) {
    }
}
