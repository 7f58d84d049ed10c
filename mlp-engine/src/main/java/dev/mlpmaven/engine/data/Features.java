package dev.mlpmaven.engine.data;

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
}
