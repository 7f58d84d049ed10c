package dev.mlpmaven.engine.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdxFixturesTest {
    @Test
    void committed_fixtures_match_their_generator() throws IOException {
        for (Map.Entry<String, byte[]> e : IdxFixtureGenerator.fixtures().entrySet()) {
            assertThat(Files.readAllBytes(IdxReaderTest.fixture(e.getKey())))
                    .as("fixture %s; regenerate with IdxFixtureGenerator", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }
}
