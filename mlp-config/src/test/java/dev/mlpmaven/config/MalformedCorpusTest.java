package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MalformedCorpusTest {

    static java.util.stream.Stream<String> cases() {
        return Corpus.malformedCases();
    }

    @Test
    void corpus_has_at_least_forty_cases_each_with_an_expected_message_and_schema_marker() throws Exception {
        assertThat(Corpus.malformedCases().count()).isGreaterThanOrEqualTo(40);
        for (String name : Corpus.malformedCases().toList()) {
            assertThat(Corpus.schemaMarker(name)).as(name).isIn("fails", "passes", "unreadable");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformed_experiment_fails_with_its_exact_message(String name) throws Exception {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ExperimentLoader.load(Corpus.yaml(name), Corpus.overrides(name)));
        assertThat(e).as("loading %s must fail", name).isNotNull();
        String actual = Corpus.relative(e.getMessage());
        assertThat(Corpus.expectedFile(name)).as("expected message file; write it with " + RegenerateFiles.COMMAND
                + " and read it before committing").exists();
        String expected = Files.readString(Corpus.expectedFile(name), StandardCharsets.UTF_8).stripTrailing();
        assertThat(actual).isEqualTo(expected);
        assertThat(e).isInstanceOf(UserException.class);
        assertThat(ExperimentLoader.validate(Corpus.yaml(name), Corpus.overrides(name))).isEqualTo(e.problems());
    }

    @Test
    void missing_experiment_file_is_a_user_error_naming_the_file() {
        assertThatThrownBy(() -> ExperimentLoader.load(Corpus.MALFORMED.resolve("no-such.yaml"), java.util.Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(Corpus.MALFORMED.resolve("no-such.yaml") + ": (document): " + Messages.NO_SUCH_FILE);
    }
}
