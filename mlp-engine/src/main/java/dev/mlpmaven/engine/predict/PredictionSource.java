package dev.mlpmaven.engine.predict;

/**
 * The inputs of one prediction run, in a fixed order: a name for each (for predictions.csv), its label if the input
 * has labels, and its network input vector (read and preprocessed when asked for, so a large image folder is read
 * one batch at a time).
 */
interface PredictionSource {
    /** What the input is, for the log: "20 images in folder x", "10000 images of t10k-images-idx3-ubyte.gz". */
    String describe();

    int size();

    /** The name of input {@code i}: a relative file path, {@code <file>#<index>}, or {@code line <n>}. */
    String name(int i);

    /** Whether every input has a label. */
    boolean labelled();

    /** The class index of input {@code i}'s label, or -1 without labels. */
    int label(int i);

    /**
     * The network input vector of input {@code i}.
     *
     * @throws dev.mlpmaven.config.UserException naming the input when it cannot be read or does not fit the model
     */
    float[] features(int i);
}
