package dev.mlpmaven.engine.model;

import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.InputSpec;
import dev.mlpmaven.runtime.Layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained network with what is needed to use it: how a raw input becomes the network's input
 * ({@link InputSpec}, stored in the model file), the layers in order (the last one is the softmax output) and the
 * class names.
 */
public record TrainedModel(InputSpec input, List<DenseLayer> layers, List<String> classNames) {
    public TrainedModel {
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
        classNames = List.copyOf(classNames);
    }

    /**
     * An image model whose image size is not known ({@link ImageInput#unsized}): {@code inputSize} gray pixels
     * scaled as {@code scaling} says. {@link #withInput} gives it its size.
     */
    public TrainedModel(int inputSize, List<DenseLayer> layers, InputScaling scaling, List<String> classNames) {
        this(ImageInput.unsized(inputSize, scaling.toRuntime()), layers, classNames);
    }

    /** The same network with another input description (of the same size). */
    public TrainedModel withInput(InputSpec newInput) {
        if (newInput.size() != input.size()) {
            throw new IllegalArgumentException("input: found " + newInput.size() + " values, expected "
                    + input.size() + " (the network's input size)");
        }
        return new TrainedModel(newInput, layers, classNames);
    }

    public int inputSize() {
        return input.size();
    }

    public int numClasses() {
        return layers.get(layers.size() - 1).out();
    }

    /**
     * The pixel scaling of an image model.
     *
     * @throws IllegalStateException for a table model
     */
    public InputScaling scaling() {
        return InputScaling.of(imageInput().scaling());
    }

    /** {@code table[p]}: the network input for raw pixel byte {@code p} (invert and scaling applied). */
    public float[] pixelTable() {
        return imageInput().lookupTable();
    }

    private ImageInput imageInput() {
        if (input instanceof ImageInput i) {
            return i;
        }
        throw new IllegalStateException("model input: found " + input + ", expected an image input");
    }

    /** The layers as the runtime (and the file format) holds them. */
    public List<Layer> runtimeLayers() {
        List<Layer> out = new ArrayList<>();
        for (DenseLayer l : layers) {
            out.add(l.toRuntime());
        }
        return out;
    }
}
