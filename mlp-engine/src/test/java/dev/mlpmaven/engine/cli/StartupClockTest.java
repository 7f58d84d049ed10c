package dev.mlpmaven.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StartupClockTest {
    @TempDir
    Path temp;

    @Test
    void status_field_is_read_in_mib() throws IOException {
        Path status = temp.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  368640 kB\nVmRSS:\t  204800 kB\n");

        assertThat(StartupClock.statusMib(status, "VmHWM")).isEqualTo(360);
        assertThat(StartupClock.statusMib(status, "VmRSS")).isEqualTo(200);
    }

    @Test
    void missing_field_or_file_gives_minus_one() {
        assertThat(StartupClock.statusMib(temp.resolve("absent"), "VmHWM")).isEqualTo(-1);
    }

    @Test
    void seconds_count_from_the_given_start() {
        StartupClock clock = new StartupClock(Instant.now().minusSeconds(3));
        assertThat(clock.secondsSinceStart()).isBetween(3.0, 60.0);
        assertThat(new StartupClock(null).secondsSinceStart()).isNaN();
    }

    @Test
    void start_comes_from_the_plugin_environment_variable_when_set() {
        long twoSecondsAgo = System.currentTimeMillis() - 2000;
        StartupClock clock = StartupClock.of(java.util.Map.of(Protocol.FORK_START_ENV, Long.toString(twoSecondsAgo)));
        assertThat(clock.secondsSinceStart()).isBetween(2.0, 60.0);
    }

    @Test
    void this_process_has_a_start_time_and_a_peak_rss() {
        assertThat(StartupClock.of(java.util.Map.of()).secondsSinceStart()).isPositive();
        assertThat(StartupClock.statusMib("VmHWM")).isPositive();
    }
}
