package dev.mlpmaven.engine.data;

/**
 * Samples and their labels; counts agree. The inputs are either image bytes ({@link #images()}, scaled by the
 * trainer) or floats already encoded ({@link #features()}, a table): exactly one of the two is non-null.
 */
public record DataSplit(IdxImages images, IdxLabels labels, Features features) {
    public DataSplit {
        if ((images == null) == (features == null)) {
            throw new IllegalArgumentException("split: found " + (images == null ? "neither" : "both")
                    + " images and features, expected exactly one");
        }
        int n = images != null ? images.count() : features.count();
        if (n != labels.count()) {
            throw new IllegalArgumentException("inputs and labels: found " + n + " inputs and " + labels.count()
                    + " labels, expected the same count");
        }
    }

    /** Images and labels. */
    public DataSplit(IdxImages images, IdxLabels labels) {
        this(images, labels, null);
    }

    /** Encoded rows of a table and their labels. */
    public static DataSplit ofFeatures(Features features, IdxLabels labels) {
        return new DataSplit(null, labels, features);
    }

    public int size() {
        return labels.count();
    }

    /** Whether the inputs are encoded floats (a table) rather than image bytes. */
    public boolean isTable() {
        return features != null;
    }

    /** Floats per sample that reach the network. */
    public int inputWidth() {
        return images != null ? images.pixelsPerImage() : features.width();
    }
}
