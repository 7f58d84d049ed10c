package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ThreadSplit;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadSplitTest {
    @Test
    void one_fork_keeps_every_core_and_sets_nothing() {
        ThreadSplit split = ThreadSplit.of(8, 1, 1);
        assertThat(split.threadsPerFork()).isEqualTo(8);
        assertThat(split.environment(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void concurrent_forks_share_the_cores_for_openmp_and_openblas() {
        ThreadSplit split = ThreadSplit.of(8, 2, 2);
        assertThat(split.concurrentForks()).isEqualTo(4);
        assertThat(split.environment(Map.of(), Map.of()))
                .containsExactly(Map.entry("OMP_NUM_THREADS", "2"), Map.entry("MLP_FORK_THREADS", "2"));
    }

    @Test
    void every_fork_gets_at_least_one_thread() {
        assertThat(ThreadSplit.of(2, 4, 1).threadsPerFork()).isEqualTo(1);
    }

    @Test
    void the_users_omp_num_threads_wins_and_becomes_the_blas_share() {
        ThreadSplit split = ThreadSplit.of(8, 2, 1);
        assertThat(split.environment(Map.of("OMP_NUM_THREADS", "3"), Map.of()))
                .containsExactly(Map.entry("MLP_FORK_THREADS", "3"));
        assertThat(split.environment(Map.of(), Map.of("OMP_NUM_THREADS", "5")))
                .containsExactly(Map.entry("MLP_FORK_THREADS", "5"));
        assertThat(split.environment(Map.of("MLP_FORK_THREADS", "1"), Map.of())).isEmpty();
    }
}
