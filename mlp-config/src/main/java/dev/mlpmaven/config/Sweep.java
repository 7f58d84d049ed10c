package dev.mlpmaven.config;

import java.util.List;

/**
 * What a file with {@code sweep:} asks for: the experiment without the sweep, and its trials.
 *
 * @param spec   the sweep as written
 * @param base   the experiment the trials vary (the file without {@code sweep:})
 * @param trials every trial, in sweep order, each checked
 */
public record Sweep(SweepSpec spec, Experiment base, List<Trial> trials) {
    public Sweep {
        trials = List.copyOf(trials);
    }

    public String name() {
        return base.name();
    }
}
