package dev.mlpmaven.config;

import java.nio.file.Path;

/**
 * One experiment, as read from a YAML file with every default filled in.
 *
 * @param version   language version of the file (1)
 * @param name      experiment name, used for output folders: letters, digits, '.', '_' and '-'
 * @param seed      seed for initialisation, shuffling and the validation split
 * @param dataset   the data
 * @param model     the network
 * @param optimizer the optimizer
 * @param training  training settings
 * @param source    the YAML file it came from, or null when built in code
 */
public record Experiment(int version, String name, long seed, DatasetSpec dataset, ModelSpec model,
                         OptimizerSpec optimizer, TrainingSpec training, Path source) {
}
