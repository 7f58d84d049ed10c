package dev.mlpmaven.plugin.incremental;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.FileKind;
import dev.mlpmaven.engine.io.AtomicFiles;
import dev.mlpmaven.engine.io.OutputPaths;
import dev.mlpmaven.engine.run.ProvenanceCollector;
import dev.mlpmaven.plugin.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * What an experiment's outputs were made from, so an unchanged experiment is not trained again.
 *
 * <p>After a successful training the plugin writes {@code <outputRoot>/<name>/fingerprint} (a properties file):
 * <ul>
 *   <li>{@code plugin}: the plugin version (for a SNAPSHOT also the size and time of its jars);</li>
 *   <li>{@code experiment}: the experiment hash of provenance ({@code experimentSha256}: SHA-256 of the RFC 8785
 *       text of the experiment as loaded, after {@code extends} and overrides, every default filled in, paths in
 *       the project relative to the experiment file);</li>
 *   <li>{@code data.*}: SHA-256 of each local data file (of the archive holding the data; of every file's path
 *       and content for an image folder), or the name of a named dataset (whose files the resolver checks against
 *       pinned checksums);</li>
 *   <li>{@code output.*}: SHA-256 of {@code model.mlp} and {@code metrics.json} as written.</li>
 * </ul>
 * The next build computes the inputs again; when they and the outputs on disk match, the experiment is up to date.
 */
public final class Fingerprint {
    public static final String FILE = "fingerprint";
    /** Input key: a reproducible build's timestamp (the model carries it), absent for a normal build. */
    public static final String OUTPUT_TIMESTAMP = "outputTimestamp";
    public static final List<String> OUTPUTS = List.of("model.mlp", "metrics.json");
    /** 2: the experiment hash is provenance's (RFC 8785, path-independent); 1 hashed Record.toString(). */
    private static final int FORMAT = 2;

    private Fingerprint() {
    }

    /**
     * The inputs of one experiment: plugin version, loaded experiment, data.
     *
     * @param projectDir the project folder: paths in it are hashed relative to the experiment file, so a checkout
     *                   that moves stays up to date
     */
    public static Map<String, String> inputs(String pluginVersion, Experiment experiment, Path projectDir)
            throws IOException {
        return inputs(pluginVersion, experiment, projectDir, new java.util.HashMap<>());
    }

    /**
     * As {@link #inputs(String, Experiment, Path)}, each data file hashed once: {@code hashes} keeps them by path
     * (the trials of a sweep read the same files).
     */
    public static Map<String, String> inputs(String pluginVersion, Experiment experiment, Path projectDir,
                                             Map<Path, String> hashes)
            throws IOException {
        Map<String, String> in = new TreeMap<>();
        in.put("format", String.valueOf(FORMAT));
        in.put("plugin", pluginVersion);
        // the same hash as provenance.json's experimentSha256
        in.put("experiment", ProvenanceCollector.experimentSha256(experiment, projectDir));
        DatasetSpec d = experiment.dataset();
        if (d.isNamed()) {
            in.put("data.name", d.name());
        } else if (d.inArchive()) {
            in.put("data.archive", Files.isRegularFile(d.archive()) ? cached(hashes, d.archive(), false) : "missing");
        } else if (d.kind() == DatasetSpec.Kind.IMAGE_FOLDER) {
            in.put("data.images", Files.isDirectory(d.images().folder()) ? cached(hashes, d.images().folder(), true)
                    : "missing");
        } else if (d.kind() == DatasetSpec.Kind.CSV) {
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("table", d.csv().file());
            files.put("train-table", d.csv().trainFile());
            files.put("test-table", d.csv().testFile());
            for (Map.Entry<String, Path> f : files.entrySet()) {
                if (f.getValue() != null) {
                    in.put("data." + f.getKey(), Files.isRegularFile(f.getValue()) ? cached(hashes, f.getValue(), false)
                            : "missing");
                }
            }
        } else {
            Map<String, Path> files = new LinkedHashMap<>();
            files.put("train-images", d.trainImages());
            files.put("train-labels", d.trainLabels());
            files.put("test-images", d.testImages());
            files.put("test-labels", d.testLabels());
            if (d.hasValidationSet()) {
                files.put("validation-images", d.validationImages());
                files.put("validation-labels", d.validationLabels());
            }
            for (Map.Entry<String, Path> f : files.entrySet()) {
                in.put("data." + f.getKey(), Files.isRegularFile(f.getValue()) ? cached(hashes, f.getValue(), false)
                        : "missing");
            }
        }
        return in;
    }

    /** The SHA-256 of a file (or, {@code tree}, of a folder's files), from {@code hashes} when it was hashed. */
    private static String cached(Map<Path, String> hashes, Path path, boolean tree) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        String hash = hashes.get(key);
        if (hash == null) {
            hash = tree ? treeSha256(path) : sha256(path);
            hashes.put(key, hash);
        }
        return hash;
    }

    /** Why {@code outputDir} must be trained again, or empty when it is up to date with {@code inputs}. */
    public static Optional<String> staleReason(Path outputDir, Map<String, String> inputs) throws IOException {
        Path file = outputDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.of(format(Messages.STALE_NO_EARLIER, outputDir));
        }
        Properties saved = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(r);
        }
        if (!String.valueOf(FORMAT).equals(saved.getProperty("format"))) {
            return Optional.of(Messages.STALE_FORMAT);
        }
        if (!inputs.get("plugin").equals(saved.getProperty("plugin"))) {
            return Optional.of(format(Messages.STALE_PLUGIN, saved.getProperty("plugin")));
        }
        if (!inputs.get("experiment").equals(saved.getProperty("experiment"))) {
            return Optional.of(Messages.STALE_EXPERIMENT);
        }
        if (!java.util.Objects.equals(inputs.get(OUTPUT_TIMESTAMP), saved.getProperty(OUTPUT_TIMESTAMP))) {
            return Optional.of(Messages.STALE_TIMESTAMP);
        }
        Map<String, String> savedData = new TreeMap<>();
        saved.stringPropertyNames().stream().filter(k -> k.startsWith("data."))
                .forEach(k -> savedData.put(k, saved.getProperty(k)));
        Map<String, String> data = new TreeMap<>();
        inputs.keySet().stream().filter(k -> k.startsWith("data.")).forEach(k -> data.put(k, inputs.get(k)));
        if (!data.equals(savedData)) {
            return Optional.of(Messages.STALE_DATA);
        }
        for (String output : OUTPUTS) {
            Path p = outputDir.resolve(output);
            if (saved.getProperty("output." + output) == null && !Files.exists(p) && !output.equals(OUTPUTS.get(1))) {
                continue; // a sweep trial that diverged has metrics and no model
            }
            if (!Files.isRegularFile(p)) {
                return Optional.of(format(Messages.STALE_OUTPUT_MISSING, output));
            }
            if (!sha256(p).equals(saved.getProperty("output." + output))) {
                return Optional.of(format(Messages.STALE_OUTPUT_CHANGED, output));
            }
        }
        return Optional.empty();
    }

    /** Records {@code inputs} and the current outputs of {@code outputDir} (atomically). */
    public static void write(Path outputDir, Map<String, String> inputs) throws IOException {
        Map<String, String> all = new TreeMap<>(inputs);
        for (String output : OUTPUTS) {
            Path p = outputDir.resolve(output);
            if (Files.isRegularFile(p)) {
                all.put("output." + output, sha256(p));
            }
        }
        StringBuilder b = new StringBuilder("# what the last training in this folder was made from (mlp-maven-plugin)\n");
        all.forEach((k, v) -> b.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        try {
            AtomicFiles.writeString(outputDir.resolve(FILE), b.toString());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Removes the fingerprint of {@code outputDir}, so a half-done training is never taken for an up-to-date one;
     * only ever inside {@code outputRoot} ({@link OutputPaths#requireInside}: real paths, not strings).
     */
    public static void delete(Path outputRoot, Path outputDir) throws IOException {
        Path file = outputDir.resolve(FILE);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(OutputPaths.requireInside(outputRoot, file));
        }
    }

    /** The file's SHA-256; an IOException that says why it cannot be read: "/data/x.idx (permission denied)". */
    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IOException(file + " (" + FileKind.reason(e) + ")", e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 over the relative path and content of every file below {@code dir}, in path order. */
    static String treeSha256(Path dir) throws IOException {
        MessageDigest md = digest();
        List<Path> files;
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update((dir.relativize(f).toString().replace('\\', '/') + " " + sha256(f) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
