package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** The complete experiments among the ```yaml blocks of docs/experiment-language.md (not those that extend). */
    static List<String> documentedExperiments() throws IOException {
        List<String> blocks = new ArrayList<>();
        if (!Files.exists(LANGUAGE_DOC)) {
            return blocks;
        }
        Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(LANGUAGE_DOC));
        while (m.find()) {
            String block = m.group(1);
            if (block.lines().anyMatch(l -> l.startsWith("name:")) && block.lines().noneMatch(l -> l.startsWith("extends:"))) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    @Test
    void language_page_has_complete_experiments_to_check() throws IOException {
        assertThat(documentedExperiments()).hasSizeGreaterThanOrEqualTo(5);
    }

    @TestFactory
    Stream<DynamicTest> every_experiment_in_the_language_page_loads_without_problems(@TempDir Path dir)
            throws IOException {
        List<String> blocks = documentedExperiments();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Path file = dir.resolve("doc-block-" + (i + 1) + ".yaml");
            Files.writeString(file, blocks.get(i));
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> assertLoads(file)));
        }
        return tests.stream();
    }

    private static void assertLoads(Path file) {
        List<Problem> problems = new ArrayList<>(ExperimentLoader.validate(file, Map.of()));
        // a dataset file outside the repository (Debian's /usr/share/datasets/, a doc's placeholder) may be absent
        problems.removeIf(p -> p.message().startsWith(MISSING_DATA) && !p.message().contains(EXAMPLES.toString()));
        assertThat(problems).as(file.toString()).isEmpty();
    }
}
