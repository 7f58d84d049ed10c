package dev.mlpmaven.engine.run;

import java.nio.file.Path;

/**
 * The outcome of one experiment.
 *
 * @param name          experiment name
 * @param outputDir     {@code <outputRoot>/<name>}
 * @param skipped       true when nothing changed and training was skipped (outputs are from the last run)
 * @param testAccuracy  test accuracy
 * @param testLoss      test loss
 * @param epochs        epochs trained
 * @param totalSeconds  wall seconds of the whole run (load, train, evaluate, write)
 */
public record RunResult(String name, Path outputDir, boolean skipped, double testAccuracy, double testLoss,
                        int epochs, double totalSeconds) {
}
