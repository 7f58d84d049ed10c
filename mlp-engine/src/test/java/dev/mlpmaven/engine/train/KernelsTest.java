package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;

import dev.mlpmaven.config.Activation;

import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    void step_is_one_exactly_for_positive_floats() {
        float[] hs = {1f, 1e-30f, Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, Float.POSITIVE_INFINITY, 0f};
        for (float h : hs) {
            assertThat(FastMath.step(h)).as("h = %s", h).isEqualTo(h > 0f ? 1f : 0f);
        }
    }

    @Test
    void relu_in_place_zeroes_negatives_and_keeps_nan() {
        FloatBuffer h = FloatBuffer.wrap(new float[] {-1f, -0f, 0f, 2f, Float.NaN});
        new Kernels().forward(Activation.RELU, h, 5, null, null);
        assertThat(h.array()).containsExactly(0f, 0f, 0f, 2f, Float.NaN);
        assertThat(Float.floatToRawIntBits(h.get(1))).isZero(); // -0 became +0
    }

    @Test
    void relu_backward_passes_gradient_only_where_the_output_is_positive() {
        FloatBuffer h = FloatBuffer.wrap(new float[] {0f, 3f, 0f, 0.5f, Float.MIN_VALUE});
        FloatBuffer dh = FloatBuffer.wrap(new float[] {1f, -2f, 3f, 4f, 5f});
        new Kernels().backward(dh, h, 5, null, 1f);
        assertThat(dh.array()).containsExactly(0f, -2f, 0f, 4f, 5f);
    }

    @Test
    void relu_backward_with_dropout_scales_kept_units() {
        FloatBuffer h = FloatBuffer.wrap(new float[] {0f, 3f});
        FloatBuffer dh = FloatBuffer.wrap(new float[] {1f, -2f});
        new Kernels().backward(dh, h, 2, null, 1.25f);
        assertThat(dh.array()).containsExactly(0f, -2.5f);
    }

    /** Each activation and its derivative against the definition in double ({@code StrictMath}), z in [-12, 12]. */
    @Test
    void every_activation_and_derivative_match_their_definition() {
        int n = 24001;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = -12f + i * 0.001f;
        }
        for (Activation act : Activation.values()) {
            float[] out = new float[n];
            float[] d = new float[n];
            Kernels.activate(act, z, out, d, n);
            for (int i = 0; i < n; i++) {
                double v = z[i];
                double f = definition(act, v);
                double df = derivative(act, v);
                // absolute 1e-6 plus 1e-6 relative: float rounding of values up to 12, and GELU's 1 + tanh(u) below
                // z = -4.5, where tanh(u) is within 3e-7 of -1 and float keeps none of the difference (the
                // cancellation of any float GELU, PyTorch's included; there |GELU(z)| < 1e-6)
                assertThat(Math.abs(out[i] - f)).as("%s(%s) = %s, expected %s", act, v, out[i], f)
                        .isLessThanOrEqualTo(1e-6 + 1e-6 * Math.abs(f));
                if (act != Activation.RELU) { // ReLU's derivative comes from its output in backward
                    assertThat(Math.abs(d[i] - df)).as("%s'(%s) = %s, expected %s", act, v, d[i], df)
                            .isLessThanOrEqualTo(5e-6 + 1e-6 * Math.abs(df)); // GELU' near -5: 1 - t^2 as above
                }
            }
        }
    }

    private static double derivative(Activation act, double z) {
        double c = Math.sqrt(2 / Math.PI);
        return switch (act) {
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : Kernels.LEAKY_SLOPE;
            case ELU -> z > 0 ? 1 : StrictMath.exp(z);
            case GELU -> {
                double t = StrictMath.tanh(c * (z + 0.044715 * z * z * z));
                yield 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * c * (1 + 3 * 0.044715 * z * z);
            }
            case TANH -> 1 - StrictMath.tanh(z) * StrictMath.tanh(z);
            case SIGMOID -> {
                double s = 1 / (1 + StrictMath.exp(-z));
                yield s * (1 - s);
            }
        };
    }

    private static double definition(Activation act, double z) {
        return switch (act) {
            case RELU -> Math.max(0, z);
            case LEAKY_RELU -> z > 0 ? z : Kernels.LEAKY_SLOPE * z;
            case ELU -> z > 0 ? z : StrictMath.expm1(z);
            case GELU -> 0.5 * z * (1 + StrictMath.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
            case TANH -> StrictMath.tanh(z);
            case SIGMOID -> 1 / (1 + StrictMath.exp(-z));
        };
    }

    @Test
    void chunks_cover_an_uneven_length() {
        int n = 2 * Kernels.CHUNK + 3;
        FloatBuffer h = FloatBuffer.allocate(n);
        for (int i = 0; i < n; i++) {
            h.put(i, i % 2 == 0 ? -(i + 1) : i + 1);
        }
        float[] d = new float[n];
        new Kernels().forward(Activation.LEAKY_RELU, h, n, d, null);
        for (int i = 0; i < n; i++) {
            assertThat(h.get(i)).isEqualTo(i % 2 == 0 ? Kernels.LEAKY_SLOPE * -(i + 1) : i + 1);
            assertThat(d[i]).isEqualTo(i % 2 == 0 ? Kernels.LEAKY_SLOPE : 1f);
        }
    }
}
