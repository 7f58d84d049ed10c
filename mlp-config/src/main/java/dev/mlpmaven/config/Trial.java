package dev.mlpmaven.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a sweep: the experiment with the trial's values set, checked like any experiment.
 *
 * @param number     1-based position in the sweep (grid order: the first parameter varies slowest; random: draw
 *                   order)
 * @param values     swept key path to this trial's value, in the sweep's parameter order; plain Java values (Long
 *                   for integer keys, Double for number keys, String, Boolean, List, Map)
 * @param experiment the experiment this trial trains (its name is the sweep's name)
 */
public record Trial(int number, Map<String, Object> values, Experiment experiment) {
    public Trial {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
