package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DropoutTest {
    @Test
    void bulk_masks_follow_the_definition_element_by_element() {
        int key = Dropout.key(42, 7, 1);
        int threshold = Dropout.threshold(0.2);
        float scale = Dropout.scale(0.2);
        int[] bits = new int[Kernels.CHUNK];
        for (int start : new int[] {0, Kernels.CHUNK, 5 * Kernels.CHUNK + 3}) {
            Dropout.maskBits(key, start, Kernels.CHUNK, threshold, scale, bits);
            for (int j = 0; j < Kernels.CHUNK; j++) {
                float m = Float.intBitsToFloat(bits[j]);
                assertThat(m).as("element %d", start + j)
                        .isEqualTo(Dropout.kept(key, start + j, threshold) ? scale : 0f);
            }
        }
    }

    @Test
    void units_are_dropped_with_the_configured_probability() {
        for (double p : new double[] {0.1, 0.2, 0.5, 0.9}) {
            int threshold = Dropout.threshold(p);
            int n = 1 << 20;
            int dropped = 0;
            for (int step = 0; step < 4; step++) {
                int key = Dropout.key(3, step, 0);
                for (int i = 0; i < n / 4; i++) {
                    dropped += Dropout.kept(key, i, threshold) ? 0 : 1;
                }
            }
            // binomial standard deviation sqrt(n p (1-p)) <= 512: 5 of them
            assertThat((double) dropped / n).as("p = %s", p).isCloseTo(p, within(5 * 512.0 / n));
        }
    }

    @Test
    void every_step_and_layer_gets_its_own_key() {
        Set<Integer> keys = new HashSet<>();
        for (int step = 0; step < 1000; step++) {
            for (int layer = 0; layer < 4; layer++) {
                keys.add(Dropout.key(99, step, layer));
            }
        }
        assertThat(keys).hasSize(4000);
        assertThat(Dropout.key(100, 0, 0)).isNotEqualTo(Dropout.key(99, 0, 0));
    }

    @Test
    void neighbouring_elements_are_not_correlated() {
        int key = Dropout.key(5, 0, 0);
        int threshold = Dropout.threshold(0.5);
        int n = 1 << 20;
        int bothKept = 0;
        for (int i = 0; i < n; i++) {
            bothKept += Dropout.kept(key, i, threshold) && Dropout.kept(key, i + 1, threshold) ? 1 : 0;
        }
        assertThat((double) bothKept / n).isCloseTo(0.25, within(0.003));
    }
}
