package dev.mlpmaven.engine.train;

/**
 * Float functions for the element-wise kernels written with {@code +, *, /, Math.min, Math.max} only, so that
 * HotSpot's C2 compiles the loops that call them to SIMD instructions ({@code Math.tanh} and {@code Math.exp} are
 * calls it cannot vectorise: 31 and 13 ns an element here, against 0.3 ns for {@link #tanh}), and so that they give
 * the same bits on every Java 17+ VM (IEEE-754 float arithmetic, no fused multiply-add; {@code Math.min/max} are
 * exact).
 */
final class FastMath {
    /** Beyond this, {@code tanh} rounds to +-1 in float; the argument is clamped to it. */
    static final float TANH_CLAMP = 7.90531110763549805f;

    private FastMath() {
    }

    /**
     * {@code tanh(x)} as the rational function {@code x P(x^2) / Q(x^2)} of degrees 13 / 6 on {@code [-7.905, 7.905]}
     * (the clamp), with Eigen's coefficients ({@code generic_fast_tanh_float}, Eigen 3.4, MPL-2.0). Measured against
     * {@code StrictMath.tanh} on every third float in {@code [1e-30, 20]} (and by symmetry the negatives): relative
     * error at most 4.0e-7 (7 ulp), see {@code FastMathTest}; below {@code 1e-30} the absolute error is below
     * {@code 1e-30}. NaN gives NaN.
     */
    static float tanh(float a) {
        float x = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, a));
        float x2 = x * x;
        float p = -2.76076847742355e-16f;
        p = p * x2 + 2.00018790482477e-13f;
        p = p * x2 - 8.60467152213735e-11f;
        p = p * x2 + 5.12229709037114e-08f;
        p = p * x2 + 1.48572235717979e-05f;
        p = p * x2 + 6.37261928875436e-04f;
        p = p * x2 + 4.89352455891786e-03f;
        p = p * x;
        float q = 1.19825839466702e-06f;
        q = q * x2 + 1.18534705686654e-04f;
        q = q * x2 + 2.26843463243900e-03f;
        q = q * x2 + 4.89352518554385e-03f;
        return p / q;
    }

    /**
     * {@code exp(x)} for {@code x <= 0} (softmax's shifted logits) as {@code (1 + t) / (1 - t)} with
     * {@code t = tanh(x / 2)}: exactly 1 at 0, within 8e-7 relative for {@code x >= -2} and 2.1e-7 absolute
     * everywhere (the relative error grows below, where {@code 1 + t} cancels in float: about {@code x = -15} it
     * returns 0 for {@code 3e-7}); see {@code FastMathTest}. Softmax probabilities need the absolute accuracy: the gradient is {@code p - onehot},
     * and the loss {@code log(sum)} of a sum that is at least 1.
     */
    static float expNonPositive(float x) {
        float t = tanh(0.5f * x);
        return (1f + t) / (1f - t);
    }

    /**
     * {@code 1} when {@code h > 0}, {@code 0} when {@code h} is {@code +0} (for {@code h >= 0}: ReLU outputs),
     * without a branch or a comparison: the smallest positive float times {@code 2^254} exceeds 1, and
     * {@code Math.min} caps it. (A comparison or {@code ?:} keeps C2 from vectorising the loop.)
     */
    static float step(float h) {
        return Math.min(h * 0x1p127f * 0x1p127f, 1f);
    }
}
