package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.ScheduleType;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static double[] rates(ScheduleSpec s, int epochs) {
        double[] r = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            r[e] = LearningRateSchedule.rate(s, 0.1, e, epochs);
        }
        return r;
    }

    @Test
    void constant_keeps_the_base_rate() {
        assertThat(rates(ScheduleSpec.CONSTANT, 3)).containsExactly(0.1, 0.1, 0.1);
        assertThat(rates(null, 2)).containsExactly(0.1, 0.1);
    }

    @Test
    void step_multiplies_by_gamma_every_step_size_epochs() {
        assertThat(rates(new ScheduleSpec(ScheduleType.STEP, 3, 0.5, 0, 0), 10)).containsExactly(
                new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125}, within(1e-15));
    }

    @Test
    void exponential_multiplies_by_gamma_every_epoch() {
        assertThat(rates(new ScheduleSpec(ScheduleType.EXPONENTIAL, 1, 0.9, 0, 0), 4)).containsExactly(
                new double[] {0.1, 0.09, 0.081, 0.0729}, within(1e-15));
    }

    @Test
    void cosine_falls_from_base_to_min_at_the_last_epoch() {
        // min + (base - min) (1 + cos(pi k / 4)) / 2 with base 0.1, min 0.001
        assertThat(rates(new ScheduleSpec(ScheduleType.COSINE, 1, 1, 0.001, 0), 5)).containsExactly(
                new double[] {0.1, 0.0855017856687341, 0.0505, 0.0154982143312659, 0.001}, within(1e-15));
        assertThat(rates(new ScheduleSpec(ScheduleType.COSINE, 1, 1, 0.001, 0), 1)).containsExactly(0.1);
    }

    @Test
    void warmup_rises_linearly_then_the_schedule_starts() {
        // warm-up 2: 0.1 * 1/3, 0.1 * 2/3; then cosine over the 4 remaining epochs from 0.1 to 0
        assertThat(rates(new ScheduleSpec(ScheduleType.COSINE, 1, 1, 0, 2), 6)).containsExactly(
                new double[] {0.1 / 3, 0.2 / 3, 0.1, 0.075, 0.025, 0.0}, within(1e-15));
        assertThat(rates(new ScheduleSpec(ScheduleType.CONSTANT, 1, 1, 0, 1), 3)).containsExactly(
                new double[] {0.05, 0.1, 0.1}, within(1e-15));
    }
}
