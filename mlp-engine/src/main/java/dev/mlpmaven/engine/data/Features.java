package dev.mlpmaven.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Network inputs that are already floats, one row of {@code width} values per sample (row-major): a table's rows
 * as {@link dev.mlpmaven.runtime.TableInput#encode} made them. Sample {@code i} is
 * {@code values[i*width .. (i+1)*width)}.
 */
public record Features(int count, int width, float[] values) {
    public Features {
        if (count < 0 || width < 1 || (long) count * width != values.length) {
            throw new IllegalArgumentException("features: found " + values.length + " values, expected " + count
                    + " rows of " + width);
        }
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Features o && count == o.count && width == o.width && Arrays.equals(values, o.values);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(count, width) + Arrays.hashCode(values);
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "Features[count=" + count + ", width=" + width + ", values=float[" + values.length + "]]";
    }
}
