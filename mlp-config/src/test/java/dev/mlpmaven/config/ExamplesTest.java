package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every experiment under the repository's examples/ (and every complete experiment in
 * docs/experiment-language.md) loads without a problem, so the examples stay valid as the language changes.
 * A local dataset file that lives outside the repository (such as Debian's /usr/share/datasets/) may be absent
 * on this machine; that one problem is tolerated.
 */
class ExamplesTest {
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();
    static final Path LANGUAGE_DOC = Path.of("../docs/experiment-language.md");
    private static final String MISSING_DATA = Messages.DATA_FILE_MISSING.substring(0,
            Messages.DATA_FILE_MISSING.indexOf("%s"));

    static List<Path> exampleFiles() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_example_experiment_loads_without_problems() throws IOException {
        return exampleFiles().stream().map(file -> DynamicTest.dynamicTest(EXAMPLES.relativize(file).toString(),
                () -> assertLoads(file)));
    }

    private static void assertLoads(Path file) {
        List<Problem> problems = new ArrayList<>(ExperimentLoader.validate(file, Map.of()));
        problems.removeIf(p -> p.message().startsWith(MISSING_DATA) && !p.message().contains(EXAMPLES.toString()));
        assertThat(problems).as(file.toString()).isEmpty();
    }
}
