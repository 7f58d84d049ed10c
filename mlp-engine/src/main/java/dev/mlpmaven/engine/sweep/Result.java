package dev.mlpmaven.engine.sweep;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlpmaven.engine.report.ExperimentSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One trained experiment or sweep trial found in an output folder: what the leaderboard shows of it.
 *
 * @param folder             its folder (absolute, real path)
 * @param trial              its trial.json, or null for an experiment that is not a trial
 * @param summary            name, settings, test accuracy and loss, epochs, time, whether there is a report
 * @param validationAccuracy validation accuracy of the kept epoch ({@code bestEpoch}), NaN without validation
 * @param validationLoss     validation loss of the kept epoch, NaN without validation
 * @param diverged           the training diverged (no test metrics, no model)
 * @param hasModel           {@code model.mlp} is there
 */
public record Result(Path folder, TrialInfo trial, ExperimentSummary summary, double validationAccuracy,
                     double validationLoss, boolean diverged, boolean hasModel) {
    public static final String MODEL_FILE = "model.mlp";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    public String name() {
        return summary.name();
    }

    public boolean isTrial() {
        return trial != null;
    }

    /** The value of a sweep metric (validation_accuracy, validation_loss, test_accuracy, test_loss); NaN if none. */
    public double metric(String metric) {
        return switch (metric) {
            case "validation_accuracy" -> validationAccuracy;
            case "validation_loss" -> validationLoss;
            case "test_accuracy" -> summary.testAccuracy();
            case "test_loss" -> summary.testLoss();
            default -> throw new IllegalArgumentException("unknown metric " + metric);
        };
    }

    /** Reads the folder's metrics.json, experiment.json and, when present, trial.json. */
    public static Result read(Path folder) throws IOException {
        ExperimentSummary summary = ExperimentSummary.read(folder);
        JsonNode metrics;
        try {
            metrics = JSON.readTree(folder.resolve(ExperimentSummary.METRICS_FILE).toFile());
        } catch (JacksonException e) {
            throw new IOException(folder.resolve(ExperimentSummary.METRICS_FILE) + ": found invalid JSON", e);
        }
        double valAcc = Double.NaN;
        double valLoss = Double.NaN;
        JsonNode epochs = metrics.path("epochs");
        int best = metrics.path("bestEpoch").asInt(epochs.size());
        if (epochs.isArray() && best >= 1 && best <= epochs.size()) {
            JsonNode e = epochs.get(best - 1);
            valAcc = number(e.get("validationAccuracy"));
            valLoss = number(e.get("validationLoss"));
        }
        boolean diverged = metrics.hasNonNull("diverged");
        Path trialFile = folder.resolve(Trials.TRIAL_FILE);
        TrialInfo trial = Files.isRegularFile(trialFile) ? TrialInfo.read(trialFile) : null;
        return new Result(folder, trial, summary, valAcc, valLoss, diverged,
                Files.isRegularFile(folder.resolve(MODEL_FILE)));
    }

    private static double number(JsonNode n) {
        return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
