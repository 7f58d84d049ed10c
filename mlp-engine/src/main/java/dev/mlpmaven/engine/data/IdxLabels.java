package dev.mlpmaven.engine.data;

import java.util.Arrays;
import java.util.Objects;

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

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof IdxLabels o
                && count == o.count
                && Arrays.equals(labels, o.labels);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(count);
        h = 31 * h + Arrays.hashCode(labels);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "IdxLabels[" + "count=" + count + ", "
                + "labels=" + (labels == null ? "null" : "byte[" + labels.length + "]") + "]";
    }
}
