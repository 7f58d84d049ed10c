package dev.mlpmaven.config;

import java.util.List;

/**
 * One swept key of a {@link SweepSpec}: a list of values, or (random only) a range of numbers.
 *
 * @param keyPath the key it sets in each trial, dotted as in {@code -Dmlp.set.}: {@code optimizer.learningRate}
 * @param values  the values to try (plain Java: Long, Double, String, Boolean, List, Map), or empty for a range
 * @param min     the lowest value of a range, or null
 * @param max     the highest value of a range, or null
 * @param log     a range drawn evenly in the logarithm ({@code scale: log})
 * @param integer the key takes integers: drawn values are whole numbers
 */
public record SweepParameter(String keyPath, List<Object> values, Double min, Double max, boolean log,
                             boolean integer) {
    public SweepParameter {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public boolean isRange() {
        return min != null;
    }
}
