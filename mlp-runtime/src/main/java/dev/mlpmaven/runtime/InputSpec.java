package dev.mlpmaven.runtime;

/**
 * How a raw input (an image, a table row) becomes the network's input vector. A model file (format v2) stores
 * it as its manifest's {@code "input"} object; a format v1 file reads as an {@link ImageInput#unsized unsized}
 * image input. The training data loaders use the same objects, so training and prediction preprocess alike.
 */
public sealed interface InputSpec permits ImageInput, TableInput {
    /** The manifest's {@code input.kind} of an image input. */
    String IMAGE = "image";
    /** The manifest's {@code input.kind} of a table input. */
    String TABLE = "table";
    /** The largest network input (and layer width) a model may have: 2^24. */
    int MAX_SIZE = 1 << 24;

    /** {@link #IMAGE} or {@link #TABLE}. */
    String kind();

    /** The length of the network's input vector (the first layer's {@code in}). */
    int size();
}
