package dev.mlpmaven.config;

import java.util.List;

/**
 * The network: hidden layers in order. Input and output sizes come from the data.
 *
 * @param layers        hidden layers, possibly empty (softmax regression)
 * @param normalization how input pixels are scaled
 */
public record ModelSpec(List<LayerSpec> layers, Normalization normalization) {
    public ModelSpec {
        layers = List.copyOf(layers);
    }
}
