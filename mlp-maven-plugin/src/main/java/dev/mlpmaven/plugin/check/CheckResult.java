package dev.mlpmaven.plugin.check;

import java.util.List;

/**
 * One limit of one rule checked against one experiment: a JUnit test case.
 *
 * @param experiment experiment name
 * @param limit      the limit's name (minimumTestAccuracy, minimumClassRecall, maximumTestLoss)
 * @param summary    what was measured, e.g. "test accuracy is 0.8123 (minimum 0.8000)"
 * @param violations one message per violation (as in {@code Messages.CHECK_MINIMUM}); empty when met
 */
public record CheckResult(String experiment, String limit, String summary, List<String> violations) {
    public CheckResult {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }
}
