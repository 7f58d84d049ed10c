package dev.mlpmaven.engine.train;

/**
 * Counter-based dropout masks. Whether element {@code i} of a hidden layer's {@code units x batch} activation is
 * kept in a training step depends only on that step's 32-bit {@code key} and on {@code i}:
 * <pre>
 *   z = (i * 0x9E3779B9) ^ key;  z = fmix32(z)     (MurmurHash3's finaliser)
 *   kept  when  (z >>> 8) >= threshold,  threshold = round(p * 2^24)
 * </pre>
 * so a unit is dropped with probability {@code threshold / 2^24} ({@code p} to within {@code 3e-8}), and a kept
 * one is scaled by {@code 1 / (1 - p)} (inverted dropout). The key of layer {@code l} in step {@code s} (counted
 * from 0 over the whole run) is SplitMix64's finaliser of {@code seed + 0x9E3779B97F4A7C15 * (1024 s + l + 1)},
 * high 32 bits, where {@code seed} is the first value of the run's dropout stream. No state is kept between
 * elements, so the mask of a whole chunk is computed in a loop that C2 vectorises, nothing has to be stored for
 * the backward pass, and a test can recompute any mask from the key ({@link #kept}).
 */
final class Dropout {
    private static final int GOLDEN = 0x9E3779B9;
    /** {@code IOTA[j] = j * GOLDEN}: the loop reads the counter term instead of multiplying the loop index. */
    private static final int[] IOTA = new int[Kernels.CHUNK];

    static {
        for (int j = 0; j < IOTA.length; j++) {
            IOTA[j] = j * GOLDEN;
        }
    }

    private Dropout() {
    }

    /** {@code round(p * 2^24)}: the 24-bit threshold below which a unit is dropped. */
    static int threshold(double p) {
        return (int) Math.round(p * (1 << 24));
    }

    /** The factor applied to kept units: {@code 1 / (1 - p)}. */
    static float scale(double p) {
        return (float) (1.0 / (1.0 - p));
    }

    /** The key of layer {@code layer} in training step {@code step} of a run whose dropout seed is {@code seed}. */
    static int key(long seed, long step, int layer) {
        long z = seed + 0x9E3779B97F4A7C15L * (step * 1024 + layer + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z >>> 32);
    }

    /** Whether element {@code i} is kept under {@code key} (the definition; the kernels compute it in bulk). */
    static boolean kept(int key, int i, int threshold) {
        return (fmix(i * GOLDEN ^ key) >>> 8) >= threshold;
    }

    /**
     * {@code out[j]} = the float bits of the mask value of element {@code start + j} ({@code scale} when kept,
     * {@code +0} when dropped) for {@code j < len <= CHUNK}. Integer operations only, so C2 vectorises the loop.
     */
    static void maskBits(int key, int start, int len, int threshold, float scale, int[] out) {
        int base = start * GOLDEN;
        int scaleBits = Float.floatToRawIntBits(scale);
        for (int j = 0; j < len; j++) {
            int z = fmix((base + IOTA[j]) ^ key);
            // (z >>> 8) - threshold is negative exactly when dropped; its sign spread over the word selects 0
            out[j] = ~(((z >>> 8) - threshold) >> 31) & scaleBits;
        }
    }

    private static int fmix(int h) {
        h = (h ^ (h >>> 16)) * 0x85EBCA6B;
        h = (h ^ (h >>> 13)) * 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
