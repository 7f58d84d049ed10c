package dev.mlpmaven.engine.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChanceLevelTest {
    @Test
    void accuracy_up_to_one_and_a_half_times_guessing_is_chance_level() {
        assertThat(ChanceLevel.of(10)).isEqualTo(0.1);
        assertThat(ChanceLevel.isAt(0.0, 10)).isTrue();
        assertThat(ChanceLevel.isAt(0.15, 10)).isTrue();
        assertThat(ChanceLevel.isAt(0.1501, 10)).isFalse();
        assertThat(ChanceLevel.isAt(0.75, 2)).isTrue();
        assertThat(ChanceLevel.isAt(0.76, 2)).isFalse();
    }

    @Test
    void no_accuracy_is_not_chance_level() {
        assertThat(ChanceLevel.isAt(Double.NaN, 10)).isFalse();
        assertThat(ChanceLevel.isAt(0.0, 0)).isFalse();
    }
}
