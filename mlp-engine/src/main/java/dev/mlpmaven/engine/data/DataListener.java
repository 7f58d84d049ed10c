package dev.mlpmaven.engine.data;

/** Receives what the dataset code wants the user to see (the plugin forwards it to Maven's log). */
public interface DataListener {
    void info(String message);

    void warn(String message);

    /** A listener that drops everything. */
    DataListener SILENT = new DataListener() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
