package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real JSON Schema validator (networknt) reads the generated schema, as an editor's YAML language server would:
 * valid experiments pass it, and the malformed files it can judge on their own (unknown key, wrong type, range,
 * enum) fail it, exactly as the marker on their first line says.
 */
class SchemaValidationTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final JsonSchema SCHEMA = FACTORY.getSchema(ExperimentSchema.json());

    static Stream<String> malformed() {
        return Corpus.malformedCases();
    }

    static Stream<Path> valid() throws IOException {
        return Stream.concat(yamlFilesUnder(Corpus.VALID).stream(), ExamplesTest.exampleFiles().stream());
    }

    static List<Path> yamlFilesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    @Test
    void experiments_in_the_language_page_pass_the_schema() throws IOException {
        for (String block : ExamplesTest.documentedExperiments()) {
            assertThat(SCHEMA.validate(YAML.readTree(block))).as(block).isEmpty();
        }
    }

    @Test
    void generated_schema_is_a_valid_draft_07_schema() throws IOException {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        Set<ValidationMessage> errors = meta.validate(YAML.readTree(ExperimentSchema.json()));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void valid_experiment_passes_the_schema(Path file) throws IOException {
        assertThat(SCHEMA.validate(YAML.readTree(file.toFile()))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformed_experiment_fails_the_schema_where_the_schema_can_tell(String name) throws IOException {
        String marker = Corpus.schemaMarker(name);
        JsonNode tree;
        try {
            tree = YAML.readTree(Corpus.yaml(name).toFile());
        } catch (IOException notYaml) {
            assertThat(marker).as(name + " is not YAML: " + notYaml.getMessage()).isEqualTo("unreadable");
            return;
        }
        if (tree == null || tree.isMissingNode()) {
            assertThat(marker).as(name + " has no document").isEqualTo("unreadable");
            return;
        }
        Set<ValidationMessage> errors = SCHEMA.validate(tree);
        switch (marker) {
            case "fails" -> {
                assertThat(errors).as(name).isNotEmpty();
                // the schema complains about the same place as the loader (or the mapping that holds it)
                List<String> loaderPaths = ExperimentLoader.validate(Corpus.yaml(name), java.util.Map.of()).stream()
                        .map(Problem::keyPath).toList();
                List<String> schemaPaths = errors.stream().map(SchemaValidationTest::keyPath).toList();
                assertThat(schemaPaths).as(name + " loader: " + loaderPaths)
                        .anyMatch(sp -> loaderPaths.stream().anyMatch(lp -> lp.equals(sp) || lp.startsWith(sp + ".")
                                || sp.isEmpty() && !lp.contains(".")));
            }
            case "passes" -> assertThat(errors).as(name + ": a rule beyond the schema").isEmpty();
            default -> throw new AssertionError(name + " is YAML, but its marker says " + marker);
        }
    }

    @Test
    void schema_rejects_a_misspelt_key_a_wrong_type_a_range_and_an_enum_value() throws IOException {
        assertThat(errors("{name: a, optimizer: {learnigRate: 0.1}}")).anyMatch(m -> m.contains("learnigRate"));
        assertThat(errors("{name: a, training: {epochs: ten}}")).anyMatch(m -> m.contains("epochs"));
        assertThat(errors("{name: a, training: {validationSplit: 1.0}}"))
                .anyMatch(m -> m.contains("validationSplit"));
        assertThat(errors("{name: a, optimizer: {type: adma}}")).anyMatch(m -> m.contains("type"));
        assertThat(errors("{name: a, dataset: mnist, optimizer: {schedule: cosine}}")).isEmpty();
    }

    /** "$.optimizer.learnigRate" (or "$.optimizer" with property learnigRate) as a loader key path. */
    private static String keyPath(ValidationMessage m) {
        String path = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if (m.getProperty() != null && List.of("additionalProperties", "required").contains(m.getType())) {
            path = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
        }
        return path;
    }

    private static List<String> errors(String yaml) throws IOException {
        return SCHEMA.validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage).toList();
    }
}
