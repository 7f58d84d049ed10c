package dev.mlpmaven.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One experiment, as read from a YAML file with every default filled in.
 *
 * @param version   language version of the file (1)
 * @param name      experiment name, used for output folders: a letter or digit, then letters, digits, '.', '_'
 *                  and '-'; at most {@link #NAME_MAX_LENGTH} characters; none of {@link #RESERVED_NAMES}
 * @param seed      seed for initialisation, shuffling and the validation split
 * @param dataset   the data
 * @param model     the network
 * @param optimizer the optimizer
 * @param training  training settings
 * @param source    the YAML file it came from, or null when built in code
 */
public record Experiment(int version, String name, long seed, DatasetSpec dataset, ModelSpec model,
                         OptimizerSpec optimizer, TrainingSpec training, Path source) {
    /**
     * The longest name: the output folder {@code <name>} and its staging sibling
     * {@code .<name>.staging-<pid>-<random>} (up to 43 more bytes) must fit the 255-byte file name limit of common
     * file systems, and of eCryptfs's 143.
     */
    public static final int NAME_MAX_LENGTH = 100;

    /**
     * Names an experiment cannot have, compared ignoring case: the files the plugin writes next to the experiment
     * folders in the output directory (the overview {@code index.html} and {@code summary.md}).
     */
    public static final List<String> RESERVED_NAMES = List.of("index.html", "summary.md");
}
