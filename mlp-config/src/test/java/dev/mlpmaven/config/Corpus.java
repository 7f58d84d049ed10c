package dev.mlpmaven.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The malformed corpus in src/test/resources/malformed/: {@code <case>.yaml}, its exact expected message
 * {@code <case>.expected} (paths shown relative to the corpus folder, the folder itself as {@code .}), optional
 * {@code <case>.overrides} ({@code key.path=value} lines), and on the first line of the YAML a marker saying what
 * the JSON Schema makes of the file on its own: {@code # schema: fails}, {@code # schema: passes} (a rule beyond
 * the schema: cross-field, files, extends, overrides) or {@code # schema: unreadable} (not YAML at all).
 * A new case's {@code .expected} is written by {@link RegenerateFiles}, never by a test.
 */
final class Corpus {
    static final Path MALFORMED = Path.of("src/test/resources/malformed").toAbsolutePath();
    static final Path VALID = Path.of("src/test/resources/valid").toAbsolutePath();

    private Corpus() {
    }

    static Stream<String> malformedCases() {
        return malformedCases(MALFORMED);
    }

    static Stream<String> malformedCases(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path yaml(String name) {
        return MALFORMED.resolve(name + ".yaml");
    }

    static Path expectedFile(String name) {
        return MALFORMED.resolve(name + ".expected");
    }

    static Map<String, String> overrides(String name) throws IOException {
        return overrides(MALFORMED, name);
    }

    static Map<String, String> overrides(Path folder, String name) throws IOException {
        Path file = folder.resolve(name + ".overrides");
        Map<String, String> overrides = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    int eq = line.indexOf('=');
                    overrides.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return overrides;
    }

    static String schemaMarker(String name) throws IOException {
        List<String> lines = Files.readAllLines(yaml(name), java.nio.charset.StandardCharsets.ISO_8859_1);
        String first = lines.isEmpty() ? "" : lines.get(0);
        return first.startsWith("# schema: ") ? first.substring("# schema: ".length()).trim() : "";
    }

    /** The message with the corpus folder taken out of paths, so expected files do not depend on the checkout. */
    static String relative(String message) {
        return relative(MALFORMED, message);
    }

    static String relative(Path folder, String message) {
        return message.replace(folder + "/", "").replace(folder.toString(), ".");
    }
}
