package dev.mlpmaven.engine.run;

import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.model.Provenance;
import dev.mlpmaven.engine.model.ProvenanceJson;

import java.nio.file.Path;

/** Writes {@code provenance.json}: the same object as the model manifest's {@code provenance} field. */
public final class ProvenanceWriter {
    /** The file name in a run's output folder. */
    public static final String FILE_NAME = "provenance.json";

    private ProvenanceWriter() {
    }

    /** Pretty-printed JSON with a final newline ({@link ProvenanceJson#pretty}). */
    public static String toJson(Provenance p) {
        return ProvenanceJson.pretty(p);
    }

    /** Writes {@code p} to {@code file} atomically. */
    public static void write(Provenance p, Path file) {
        AtomicFiles.writeString(file, toJson(p));
    }
}
