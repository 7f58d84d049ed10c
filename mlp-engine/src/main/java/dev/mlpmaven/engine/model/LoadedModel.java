package dev.mlpmaven.engine.model;

/**
 * A model read from a file.
 *
 * @param model         the network
 * @param provenance    where it came from
 * @param formatVersion the format version of the file (1 or 2)
 */
public record LoadedModel(TrainedModel model, Provenance provenance, int formatVersion) {
}
