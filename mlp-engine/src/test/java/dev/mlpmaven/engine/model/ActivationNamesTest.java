package dev.mlpmaven.engine.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experiment language's activations (mlp-config) are exactly the hidden activations a model file holds
 * (mlp-runtime), by the same names: a layer trained with one is always readable and computed by the runtime.
 */
class ActivationNamesTest {
    @Test
    void every_yaml_activation_is_a_hidden_runtime_activation_of_the_same_name_and_back() {
        assertThat(Arrays.stream(dev.mlpmaven.config.Activation.values()).map(dev.mlpmaven.config.Activation::yamlName))
                .containsExactlyElementsOf(Arrays.stream(dev.mlpmaven.runtime.Activation.values())
                        .filter(dev.mlpmaven.runtime.Activation::hidden).map(dev.mlpmaven.runtime.Activation::id)
                        .toList());
        assertThat(dev.mlpmaven.config.Activation.names()).isEqualTo("relu, leaky_relu, elu, gelu, tanh, sigmoid");
    }
}
