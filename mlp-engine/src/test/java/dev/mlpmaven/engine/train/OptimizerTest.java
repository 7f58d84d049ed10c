package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.model.InputScaling;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer on a two-parameter problem (one weight, one bias) with a fixed gradient {@code g = (0.1, -0.3)}
 * from {@code w = (0.5, -0.2)}; expected values computed by hand in the comments.
 */
class OptimizerTest {
    private static final float W0 = 0.5f;
    private static final float B0 = -0.2f;

    @BeforeAll
    static void natives() {
        Natives.init();
    }

    private static OptimizerSpec spec(OptimizerType type, double lr, double momentum, boolean nesterov, double wd) {
        return new OptimizerSpec(type, lr, momentum, nesterov, wd, 0.9, 0.999, 0.99, 1e-8, 0, ScheduleSpec.CONSTANT);
    }

    /** Runs {@code steps} updates with the fixed gradient and returns (w, b). */
    private static float[] run(OptimizerSpec spec, int steps) {
        Network net = new Network(1, List.of(), 1);
        Optimizer opt = Optimizer.of(spec, net);
        Network.Layer layer = net.layers[0];
        layer.wf.put(0, W0).put(1, B0);
        for (int s = 0; s < steps; s++) {
            layer.gf.put(0, 0.1f).put(1, -0.3f);
            opt.step(net, (float) spec.learningRate(), 1f);
        }
        return new float[] {layer.wf.get(0), layer.wf.get(1)};
    }

    @Test
    void sgd_subtracts_rate_times_gradient() {
        // 0.5 - 0.1*0.1 = 0.49; -0.2 + 0.1*0.3 = -0.17
        assertThat(run(spec(OptimizerType.SGD, 0.1, 0, false, 0), 1)).containsExactly(new float[] {0.49f, -0.17f},
                within(1e-7f));
    }

    @Test
    void sgd_momentum_accumulates_velocity() {
        // v1 = g; w1 = w0 - 0.1 g = (0.49, -0.17); v2 = 0.9 g + g = (0.19, -0.57); w2 = (0.471, -0.113)
        assertThat(run(spec(OptimizerType.SGD, 0.1, 0.9, false, 0), 2)).containsExactly(new float[] {0.471f, -0.113f},
                within(1e-7f));
    }

    @Test
    void sgd_nesterov_looks_ahead() {
        // v1 = g; step g + 0.9 v1 = (0.19, -0.57); w1 = (0.5 - 0.019, -0.2 + 0.057)
        assertThat(run(spec(OptimizerType.SGD, 0.1, 0.9, true, 0), 1)).containsExactly(new float[] {0.481f, -0.143f},
                within(1e-7f));
    }

    @Test
    void sgd_weight_decay_adds_l2_gradient() {
        // g + 0.01 w = (0.105, -0.302); w1 = (0.5 - 0.0105, -0.2 + 0.0302)
        assertThat(run(spec(OptimizerType.SGD, 0.1, 0, false, 0.01), 1))
                .containsExactly(new float[] {0.4895f, -0.1698f}, within(1e-7f));
    }

    @Test
    void adam_with_a_constant_gradient_steps_by_the_rate_times_its_sign() {
        // bias-corrected m = g and v = g^2 at every step: each step moves by lr * g / |g|
        assertThat(run(spec(OptimizerType.ADAM, 0.1, 0, false, 0), 1)).containsExactly(new float[] {0.4f, -0.1f},
                within(1e-6f));
        // (the float moments of 1e-5 and the bias corrections leave about 1.3e-6 of rounding after two steps)
        assertThat(run(spec(OptimizerType.ADAM, 0.1, 0, false, 0), 2)).containsExactly(new float[] {0.3f, 0.0f},
                within(2e-6f));
    }

    @Test
    void adam_l2_weight_decay_changes_the_gradient_moments() {
        // g' = g + 0.5 w = (0.35, -0.4): still a sign step of 0.1 on step 1; step 2: g' = (0.35 + 0.5*(0.4-0.5)...)
        // check step 1 and that step 2 differs from plain adam
        float[] one = run(spec(OptimizerType.ADAM, 0.1, 0, false, 0.5), 1);
        assertThat(one).containsExactly(new float[] {0.4f, -0.1f}, within(1e-6f));
        float[] two = run(spec(OptimizerType.ADAM, 0.1, 0, false, 0.5), 2);
        // step 2 gradients: (0.1 + 0.5*0.4, -0.3 + 0.5*(-0.1)) = (0.3, -0.35)
        // m2 = 0.09*0.35... computed: m1 = 0.1*(0.35, -0.4); m2 = 0.9 m1 + 0.1 (0.3, -0.35) = (0.0615, -0.071)
        // v1 = 0.001*(0.1225, 0.16); v2 = 0.999 v1 + 0.001 (0.09, 0.1225) = (2.123775e-4, 2.823400e-4)
        // mhat = m2/0.19 = (0.3236842, -0.3736842); vhat = v2/0.001999 = (0.1062419, 0.1412406)
        // w2 = w1 - 0.1 mhat/sqrt(vhat) = (0.4 - 0.0993057, -0.1 + 0.0994318)
        assertThat(two).containsExactly(new float[] {0.3006943f, -0.0005682f}, within(2e-6f));
    }

    @Test
    void adamw_decays_weights_before_the_adam_step() {
        // w *= 1 - 0.1*0.1 -> (0.495, -0.198); then the sign step of 0.1 -> (0.395, -0.098)
        assertThat(run(spec(OptimizerType.ADAMW, 0.1, 0, false, 0.1), 1)).containsExactly(new float[] {0.395f, -0.098f},
                within(1e-6f));
    }

    @Test
    void rmsprop_divides_by_the_running_root_mean_square() {
        // s1 = 0.01 g^2 = (1e-4, 9e-4); step = 0.01 g / sqrt(s1) = (0.1, -0.1) -> (0.4, -0.1)
        assertThat(run(spec(OptimizerType.RMSPROP, 0.01, 0, false, 0), 1)).containsExactly(new float[] {0.4f, -0.1f},
                within(1e-6f));
        // s2 = 0.99 s1 + 0.01 g^2 = 1.99e-4 (first); step = 0.001 / 0.01410674 = 0.0708881 -> 0.3291119
        assertThat(run(spec(OptimizerType.RMSPROP, 0.01, 0, false, 0), 2)[0]).isCloseTo(0.3291119f, within(1e-6f));
    }

    @Test
    void clipping_scales_the_global_norm_down_to_the_limit() {
        Network net = new Network(1, List.of(), 1);
        Optimizer opt = Optimizer.of(spec(OptimizerType.SGD, 1.0, 0, false, 0), net);
        net.layers[0].wf.put(0, 0f).put(1, 0f);
        net.layers[0].gf.put(0, 0.3f).put(1, 0.4f); // norm 0.5
        double norm = Optimizer.gradientNorm(net);
        assertThat(norm).isCloseTo(0.5, within(1e-7));
        float scale = Optimizer.clipScale(norm, 0.25);
        assertThat(scale).isCloseTo(0.5f, within(1e-5f));
        opt.step(net, 1f, scale); // w = 0 - 1 * scale * g
        assertThat(new float[] {net.layers[0].wf.get(0), net.layers[0].wf.get(1)})
                .containsExactly(new float[] {-0.15f, -0.2f}, within(1e-6f));
        assertThat(Optimizer.clipScale(norm, 1.0)).isEqualTo(1f); // under the limit: unchanged
        assertThat(Optimizer.clipScale(norm, 0)).isEqualTo(1f); // 0: no clipping
    }

    @Test
    void gradient_norm_covers_every_layer() {
        Network net = new Network(3, TestData.hidden(Activation.TANH, 0, 2), 2);
        net.allocateGradients();
        double sq = 0;
        for (Network.Layer layer : net.layers) {
            for (int i = 0; i < layer.size(); i++) {
                float g = 0.01f * (i + 1) * (layer.offset % 7 + 1);
                layer.gf.put(i, g);
                sq += (double) g * g;
            }
        }
        assertThat(Optimizer.gradientNorm(net)).isCloseTo(Math.sqrt(sq), within(1e-7 * Math.sqrt(sq))); // float lanes
    }

    @Test
    void only_plain_sgd_takes_the_fused_path() {
        assertThat(Optimizer.isPlainSgd(spec(OptimizerType.SGD, 0.1, 0, false, 0))).isTrue();
        assertThat(Optimizer.isPlainSgd(spec(OptimizerType.SGD, 0.1, 0.9, false, 0))).isFalse();
        assertThat(Optimizer.isPlainSgd(spec(OptimizerType.SGD, 0.1, 0, false, 1e-4))).isFalse();
        assertThat(Optimizer.isPlainSgd(spec(OptimizerType.ADAM, 0.1, 0, false, 0))).isFalse();
    }

    @Test
    void fused_sgd_update_equals_gradient_then_update() {
        DataSplit data = TestData.tinySplit(16, 4, 4, 5);
        float[] lut = PixelScaling.lookupTable(InputScaling.UNIT);
        float[][] after = new float[2][];
        for (int fused = 0; fused < 2; fused++) {
            Network net = new Network(16, TestData.hidden(Activation.RELU, 0, 6, 5), 4);
            net.initialise(new SplittableRandom(3));
            Optimizer opt = fused == 1 ? null : Optimizer.of(spec(OptimizerType.SGD, 0.5, 0, false, 0), net);
            Workspace ws = new Workspace(net, 16, true);
            int[] y = new int[16];
            ws.gather(16, data.images().pixels(), 16, data.labels().labels(), null, 0, lut, y, new float[16]);
            Workspace.Views v = ws.views(16);
            ws.forward(v);
            ws.softmaxCrossEntropy(v, y, true, null, null, 0);
            ws.backward(v, fused == 1, 0.5);
            if (opt != null) {
                opt.step(net, 0.5f, 1f);
            }
            float[][] s = net.snapshot();
            after[fused] = new float[s[0].length + s[1].length + s[2].length];
            System.arraycopy(s[0], 0, after[fused], 0, s[0].length);
            System.arraycopy(s[1], 0, after[fused], s[0].length, s[1].length);
            System.arraycopy(s[2], 0, after[fused], s[0].length + s[1].length, s[2].length);
        }
        assertThat(after[1]).containsExactly(after[0], within(1e-6f));
    }
}
