package dev.mlpmaven.engine.data;

/** The four files of an IDX dataset; {@link #key()} is the key used in {@link LoadedDataset} maps. */
public enum FileRole {
    TRAIN_IMAGES("train-images", true),
    TRAIN_LABELS("train-labels", false),
    TEST_IMAGES("test-images", true),
    TEST_LABELS("test-labels", false);

    private final String key;
    private final boolean images;

    FileRole(String key, boolean images) {
        this.key = key;
        this.images = images;
    }

    public String key() {
        return key;
    }

    public boolean images() {
        return images;
    }
}
