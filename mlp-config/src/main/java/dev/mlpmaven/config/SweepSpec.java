package dev.mlpmaven.config;

import java.util.List;

/**
 * The {@code sweep:} of an experiment file, as written (after {@code extends} and overrides), defaults filled in.
 *
 * @param method     {@code grid} (every combination of the values) or {@code random} ({@code trials} draws)
 * @param trials     how many trials: the grid's size, or the random draws
 * @param seed       seed of the random draws (the experiment's seed unless set)
 * @param metric     what ranks the trials: {@code validation_accuracy}, {@code validation_loss},
 *                   {@code test_accuracy} or {@code test_loss}
 * @param goal       {@code maximize} or {@code minimize}
 * @param parameters the swept keys, in file order
 */
public record SweepSpec(String method, int trials, long seed, String metric, String goal,
                        List<SweepParameter> parameters) {
    public SweepSpec {
        parameters = List.copyOf(parameters);
    }

    public boolean maximize() {
        return "maximize".equals(goal);
    }

    /** The swept key paths, in file order. */
    public List<String> keyPaths() {
        return parameters.stream().map(SweepParameter::keyPath).toList();
    }
}
