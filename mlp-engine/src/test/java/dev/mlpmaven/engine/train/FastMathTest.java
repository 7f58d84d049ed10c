package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FastMathTest {
    @Test
    void tanh_is_within_four_tenths_of_a_millionth_relative_of_strict_math() {
        double worst = 0;
        float worstAt = 0;
        int from = Float.floatToRawIntBits(1e-30f);
        int to = Float.floatToRawIntBits(20f);
        for (int bits = from; bits <= to; bits += 997) { // about 870,000 floats, every magnitude
            float x = Float.intBitsToFloat(bits);
            for (float v : new float[] {x, -x}) {
                double exact = StrictMath.tanh(v);
                double rel = Math.abs(FastMath.tanh(v) - exact) / Math.abs(exact);
                if (rel > worst) {
                    worst = rel;
                    worstAt = v;
                }
            }
        }
        assertThat(worst).as("worst at %s", worstAt).isLessThanOrEqualTo(4.0e-7);
    }

    @Test
    void exp_of_non_positive_arguments_is_accurate_where_softmax_needs_it() {
        double worstRel = 0;
        double worstAbs = 0;
        for (float x = 0; x >= -30f; x -= 1e-4f) {
            double exact = StrictMath.exp(x);
            double err = Math.abs(FastMath.expNonPositive(x) - exact);
            worstAbs = Math.max(worstAbs, err);
            if (x >= -2) {
                worstRel = Math.max(worstRel, err / exact);
            }
        }
        assertThat(FastMath.expNonPositive(0f)).isEqualTo(1f);
        assertThat(worstRel).isLessThanOrEqualTo(8e-7);
        assertThat(worstAbs).isLessThanOrEqualTo(2.1e-7);
    }

    @Test
    void tanh_saturates_to_one_and_keeps_nan_and_zero() {
        assertThat(FastMath.tanh(1e30f)).isEqualTo(1f);
        assertThat(FastMath.tanh(Float.POSITIVE_INFINITY)).isEqualTo(1f);
        assertThat(FastMath.tanh(Float.NEGATIVE_INFINITY)).isEqualTo(-1f);
        assertThat(FastMath.tanh(Float.NaN)).isNaN();
        assertThat(FastMath.tanh(0f)).isZero();
    }
}
