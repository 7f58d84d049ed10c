package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void keep_if_positive_matches_the_comparison_for_every_kind_of_float() {
        float[] zs = {1f, 1e-30f, Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY, 0f, -0f, -1f,
                -Float.MIN_VALUE, Float.NEGATIVE_INFINITY, -1e30f};
        for (float z : zs) {
            assertThat(Kernels.keepIfPositive(2.5f, z)).as("z = %s", z).isEqualTo(z > 0f ? 2.5f : 0f);
            assertThat(Kernels.keepIfPositive(-7f, z)).as("z = %s", z).isEqualTo(z > 0f ? -7f : 0f);
        }
    }

    @Test
    void relu_in_place_zeroes_negatives_and_keeps_nan() {
        FloatBuffer h = FloatBuffer.wrap(new float[] {-1f, -0f, 0f, 2f, Float.NaN});
        Kernels.reluInPlace(h, 5);
        assertThat(h.array()).containsExactly(0f, 0f, 0f, 2f, Float.NaN);
        assertThat(Float.floatToRawIntBits(h.get(1))).isZero(); // -0 became +0
    }

    @Test
    void relu_backward_passes_gradient_only_where_the_output_is_positive() {
        FloatBuffer h = FloatBuffer.wrap(new float[] {0f, 3f, 0f, 0.5f});
        FloatBuffer dh = FloatBuffer.wrap(new float[] {1f, -2f, 3f, 4f});
        Kernels.reluBackward(dh, h, 4);
        assertThat(dh.array()).containsExactly(0f, -2f, 0f, 4f);
    }
}
