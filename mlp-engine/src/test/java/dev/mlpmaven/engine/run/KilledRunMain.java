package dev.mlpmaven.engine.run;

import dev.mlpmaven.engine.model.GoldenModelGenerator;
import dev.mlpmaven.engine.model.ModelFile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run that is killed mid-way by {@link AtomicOutputTest}: it stages a complete-looking output (model, metrics,
 * report), prints {@code STAGED <folder>}, then sleeps for five minutes; the test kills it long before. If it were
 * not killed it would commit. (It must not wait on stdin: {@code Process.destroy()} closes the pipe, which would
 * wake it up to commit while it shuts down.)
 */
public final class KilledRunMain {
    private KilledRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path finalDir = Path.of(args[0]);
        AtomicOutput out = AtomicOutput.begin(finalDir.getParent(), finalDir.getFileName().toString());
        ModelFile.write(GoldenModelGenerator.model(), GoldenModelGenerator.provenance(), out.dir().resolve("model.mlp"));
        Files.writeString(out.dir().resolve("metrics.json"), "{\"name\": \"killed\"}\n");
        Files.writeString(out.dir().resolve("report.html"), "<html>unfinished</html>\n");
        System.out.println("STAGED " + out.dir());
        System.out.flush();
        Thread.sleep(300_000);
        out.commit();
    }
}
