package dev.mlpmaven.engine.data;

/** Class labels from an IDX file, one unsigned byte per sample. */
public record IdxLabels(int count, byte[] labels) {
    public IdxLabels {
        if (count != labels.length) {
            throw new IllegalArgumentException("labels: found " + labels.length + ", expected " + count);
        }
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }
}
