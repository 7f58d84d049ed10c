package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTimestampTest {
    @Test
    void iso_date_time_with_offset_is_read_in_utc_and_truncated_to_seconds() throws Exception {
        assertThat(OutputTimestamp.parse("2024-01-01T02:00:00.750+02:00", Map.of()))
                .contains(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void digits_are_seconds_since_the_epoch() throws Exception {
        assertThat(OutputTimestamp.parse("1704067200", Map.of())).contains(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void unset_or_one_character_falls_back_to_source_date_epoch() throws Exception {
        assertThat(OutputTimestamp.parse(null, Map.of())).isEqualTo(Optional.empty());
        assertThat(OutputTimestamp.parse("x", Map.of())).isEqualTo(Optional.empty());
        assertThat(OutputTimestamp.parse(null, Map.of("SOURCE_DATE_EPOCH", "1704067200")))
                .contains(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void anything_else_is_the_users_mistake_named() {
        assertThatThrownBy(() -> OutputTimestamp.parse("2024-01-01", Map.of()))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: project.build.outputTimestamp '2024-01-01': found neither seconds since the epoch"
                        + " nor an ISO-8601 date-time with offset, expected for example 2024-01-01T00:00:00Z or 1704067200");
    }

    @Test
    void a_time_a_zip_cannot_hold_is_refused() {
        assertThatThrownBy(() -> OutputTimestamp.parse("1", Map.of()))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: project.build.outputTimestamp '1' is 1970-01-01T00:00:01Z, expected a time from"
                        + " 1980-01-01T00:00:02Z to 2107-12-31T23:59:58Z (what a zip entry can hold)");
    }
}
