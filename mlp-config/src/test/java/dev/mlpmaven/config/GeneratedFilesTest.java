package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema and the key reference are generated from {@link Language}; the copies committed in the module's
 * resources (which the jar ships) and in docs/ must be what the generator makes now. This test only compares;
 * after changing the language, regenerate them with {@value RegenerateFiles#COMMAND}.
 */
class GeneratedFilesTest {
    static final Path RESOURCE = Path.of("src/main/resources").resolve(ExperimentSchema.RESOURCE);
    static final Path DOCS_SCHEMA = Path.of("../docs/schema/experiment-v1.schema.json");
    static final Path DOCS_REFERENCE = Path.of("../docs/yaml-reference.md");
    private static final String STALE = "%s is stale: it differs from what ExperimentSchema generates from Language;"
            + " regenerate with " + RegenerateFiles.COMMAND;

    @Test
    void schema_resource_shipped_in_the_jar_is_current() throws IOException {
        assertCurrent(RESOURCE, ExperimentSchema.json());
    }

    @Test
    void schema_copy_in_docs_is_current() throws IOException {
        assertCurrent(DOCS_SCHEMA, ExperimentSchema.json());
    }

    @Test
    void yaml_reference_in_docs_is_current() throws IOException {
        assertCurrent(DOCS_REFERENCE, ExperimentSchema.referenceMarkdown());
    }

    @Test
    void schema_is_on_the_class_path_where_editors_and_the_plugin_find_it() throws IOException {
        try (InputStream in = ExperimentSchema.class.getClassLoader().getResourceAsStream(ExperimentSchema.RESOURCE)) {
            assertThat(in).as(ExperimentSchema.RESOURCE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ExperimentSchema.json());
        }
    }

    @Test
    void reference_lists_every_key_of_the_language_with_its_default() {
        String md = ExperimentSchema.referenceMarkdown();
        assertThat(md).contains("| `optimizer.learningRate` | number | 0.01 for sgd; 0.001 for adam, adamw and rmsprop"
                + " | a finite number > 0 | Base learning rate. | `learningRate: 0.01` |");
        assertThat(md).contains("| `training.batchSize` | integer | `256` | an integer from 1 to 2147483647 |");
        assertThat(md).contains("| `name` | string | required |");
    }

    private static void assertCurrent(Path committed, String generated) throws IOException {
        assertThat(committed).as(committed + " (generated file; write it with " + RegenerateFiles.COMMAND + ")")
                .exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(STALE, committed)
                .isEqualTo(generated);
    }
}
