package dev.mlpmaven.engine.data.archive;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveFixturesTest {
    @Test
    void committed_fixtures_match_their_generator() throws IOException {
        for (Map.Entry<String, byte[]> e : ArchiveFixtureGenerator.fixtures().entrySet()) {
            assertThat(Files.readAllBytes(ArchiveExtractorTest.fixture(e.getKey())))
                    .as("fixture %s; regenerate with ArchiveFixtureGenerator", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void every_fixture_is_tiny() throws IOException {
        for (String name : ArchiveFixtureGenerator.fixtures().keySet()) {
            assertThat(Files.size(ArchiveExtractorTest.fixture(name))).as(name).isLessThan(16 * 1024);
        }
    }
}
