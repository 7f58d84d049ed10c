package dev.mlpmaven.engine.model;

import java.util.List;

/**
 * A trained network with what is needed to use it: layers in order (the last one is the softmax output),
 * the input scaling and the class names.
 */
public record TrainedModel(int inputSize, List<DenseLayer> layers, InputScaling scaling, List<String> classNames) {
    public TrainedModel {
        layers = List.copyOf(layers);
        classNames = List.copyOf(classNames);
    }

    public int numClasses() {
        return layers.get(layers.size() - 1).out();
    }
}
