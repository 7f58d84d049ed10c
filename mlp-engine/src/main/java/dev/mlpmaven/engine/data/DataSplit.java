package dev.mlpmaven.engine.data;

/** Images and their labels; counts agree. */
public record DataSplit(IdxImages images, IdxLabels labels) {
    public DataSplit {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException("images and labels: found " + images.count() + " images and "
                    + labels.count() + " labels, expected the same count");
        }
    }

    public int size() {
        return images.count();
    }
}
