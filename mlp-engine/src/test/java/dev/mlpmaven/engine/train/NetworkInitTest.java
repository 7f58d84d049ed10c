package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkInitTest {
    private static Network initialised(Init init) {
        Network net = new Network(20, List.of(new LayerSpec(16, Activation.RELU, 0, init),
                new LayerSpec(8, Activation.RELU, 0, init)), 3);
        net.initialise(new SplittableRandom(5));
        return net;
    }

    @Test
    void uniform_init_draws_weights_and_biases_within_one_over_sqrt_fan_in_like_pytorch_including_the_output() {
        Network net = initialised(Init.UNIFORM);
        assertThat(net.layers[2].init).isEqualTo(Init.UNIFORM);
        for (Network.Layer layer : net.layers) {
            double bound = 1 / Math.sqrt(layer.in);
            double maxAbs = 0;
            int nonZeroBiases = 0;
            for (int o = 0; o < layer.out; o++) {
                for (int i = 0; i <= layer.in; i++) {
                    float v = layer.wf.get(o * (layer.in + 1) + i);
                    assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
                nonZeroBiases += layer.wf.get(o * (layer.in + 1) + layer.in) != 0 ? 1 : 0;
            }
            assertThat(maxAbs).as("the draws span the range").isGreaterThan(bound * 0.8);
            assertThat(nonZeroBiases).isEqualTo(layer.out);
        }
    }

    @Test
    void he_init_keeps_biases_zero_and_the_output_layer_xavier() {
        Network net = initialised(Init.HE);
        assertThat(net.layers[2].init).isEqualTo(Init.XAVIER);
        for (Network.Layer layer : net.layers) {
            for (int o = 0; o < layer.out; o++) {
                assertThat(layer.wf.get(o * (layer.in + 1) + layer.in)).isZero();
            }
        }
    }
}
