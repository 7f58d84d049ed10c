package dev.mlpmaven.engine.train;

import dev.mlpmaven.engine.cli.Protocol;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BlasThreadsTest {
    @Test
    void threads_zero_means_the_forks_share_when_the_plugin_sets_it() {
        assertThat(Natives.defaultThreads(Map.of(Protocol.THREADS_ENV, "3"), 8)).isEqualTo(3);
    }

    @Test
    void threads_zero_means_one_per_core_without_a_share() {
        assertThat(Natives.defaultThreads(Map.of(), 8)).isEqualTo(8);
        assertThat(Natives.defaultThreads(Map.of(Protocol.THREADS_ENV, "0"), 8)).isEqualTo(8);
        assertThat(Natives.defaultThreads(Map.of(Protocol.THREADS_ENV, "many"), 8)).isEqualTo(8);
    }

    @Test
    void openblas_itself_reports_the_thread_count_that_was_set() {
        int before = Natives.setBlasThreads(0);
        try {
            Natives.setBlasThreads(1);
            assertThat(Natives.blasThreadsInUse()).isEqualTo(1);
            Natives.setBlasThreads(3);
            assertThat(Natives.blasThreadsInUse()).isEqualTo(3);
        } finally {
            Natives.setBlasThreads(before);
        }
    }
}
