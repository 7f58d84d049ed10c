package dev.mlpmaven.plugin.check;

import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.plugin.Messages.CHECK_MAXIMUM;
import static dev.mlpmaven.plugin.Messages.CHECK_MINIMUM;
import static dev.mlpmaven.plugin.Messages.CHECK_SUMMARY_MAXIMUM;
import static dev.mlpmaven.plugin.Messages.CHECK_SUMMARY_MINIMUM;
import static dev.mlpmaven.plugin.Messages.format;

/** Checks the limits of a {@link Rule} against one experiment's {@link Metrics}: one result per limit set. */
public final class RuleChecker {
    private RuleChecker() {
    }

    public static List<CheckResult> check(Metrics m, Rule rule) {
        List<CheckResult> results = new ArrayList<>();
        if (rule.getMinimumTestAccuracy() != null) {
            double min = rule.getMinimumTestAccuracy();
            results.add(minimum(m.name(), "minimumTestAccuracy", "test accuracy", m.testAccuracy(), min));
        }
        if (rule.getMaximumTestLoss() != null) {
            double max = rule.getMaximumTestLoss();
            double loss = m.testLoss();
            List<String> v = !(loss <= max) ? List.of(format(CHECK_MAXIMUM, m.name(), "test loss", loss, max)) : List.of();
            results.add(new CheckResult(m.name(), "maximumTestLoss",
                    format(CHECK_SUMMARY_MAXIMUM, "test loss", loss, max), v));
        }
        if (rule.getMinimumClassRecall() != null) {
            double min = rule.getMinimumClassRecall();
            List<String> v = new ArrayList<>();
            double lowest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < m.confusionMatrix().length; c++) {
                double recall = m.recall(c);
                if (Double.isNaN(recall)) {
                    continue;
                }
                lowest = Math.min(lowest, recall);
                if (recall < min) {
                    v.add(format(CHECK_MINIMUM, m.name(), "recall of class " + m.className(c), recall, min));
                }
            }
            results.add(new CheckResult(m.name(), "minimumClassRecall",
                    format(CHECK_SUMMARY_MINIMUM, "lowest class recall", lowest, min), v));
        }
        return results;
    }

    private static CheckResult minimum(String name, String limit, String what, double value, double min) {
        List<String> v = !(value >= min) ? List.of(format(CHECK_MINIMUM, name, what, value, min)) : List.of();
        return new CheckResult(name, limit, format(CHECK_SUMMARY_MINIMUM, what, value, min), v);
    }
}
