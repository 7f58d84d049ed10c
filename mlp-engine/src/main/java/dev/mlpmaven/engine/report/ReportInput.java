package dev.mlpmaven.engine.report;

import java.util.Arrays;
import java.util.Objects;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.train.EpochResult;
import dev.mlpmaven.engine.train.TestResult;
import dev.mlpmaven.runtime.InputSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, built from the run's contract types. The report of a run that diverged has no test
 * evaluation: then {@code test}, {@code predicted} and {@code confidence} are null and {@code divergence} says why.
 *
 * @param experiment    the experiment as run (every default filled in)
 * @param epochs        one result per epoch trained, in order; may be empty
 * @param test          evaluation on the test split, or null when there was none (diverged)
 * @param testSplit     the test split (raw 28x28 byte images and labels) the predictions refer to
 * @param predicted     predicted class per test sample, or null with {@code test}
 * @param confidence    softmax probability of the predicted class per test sample, or null with {@code test}
 * @param classNames    one name per class, in class order
 * @param contentSha256 SHA-256 of each data file's decompressed content, keyed by role (train-images, ...)
 * @param origin        where each data file was found, keyed by role (a path or a URL)
 * @param totalSeconds  wall seconds of the whole run
 * @param loadSeconds   wall seconds spent loading the data
 * @param environment   what ran it, e.g. "Java", "OS", "CPU", "Threads", "BLAS", "mlp-maven"; shown in key order
 * @param stoppedEarly  true when early stopping ended training
 * @param bestEpoch     1-based epoch whose weights were kept (0 when not applicable)
 * @param divergence    why training diverged, or null
 * @param input         how raw inputs became the network's (an image folder's channels and inversion, a table's
 *                      features), or null for IDX images
 */
public record ReportInput(Experiment experiment, List<EpochResult> epochs, TestResult test, DataSplit testSplit,
                          int[] predicted, float[] confidence, List<String> classNames,
                          Map<String, String> contentSha256, Map<String, String> origin,
                          double totalSeconds, double loadSeconds, Map<String, String> environment,
                          boolean stoppedEarly, int bestEpoch, String divergence, InputSpec input) {

    /** IDX images. */
    public ReportInput(Experiment experiment, List<EpochResult> epochs, TestResult test, DataSplit testSplit,
                       int[] predicted, float[] confidence, List<String> classNames,
                       Map<String, String> contentSha256, Map<String, String> origin,
                       double totalSeconds, double loadSeconds, Map<String, String> environment,
                       boolean stoppedEarly, int bestEpoch, String divergence) {
        this(experiment, epochs, test, testSplit, predicted, confidence, classNames, contentSha256, origin,
                totalSeconds, loadSeconds, environment, stoppedEarly, bestEpoch, divergence, null);
    }

    static final String NULL_FIELD = "report input %s: found null, expected a value";
    static final String PREDICTIONS_WITHOUT_TEST = "report input predicted/confidence: found %s without a test result, "
            + "expected both null when test is null";
    static final String NO_TEST_NO_REASON = "report input test: found null without a divergence message, "
            + "expected a test result or the reason there is none";
    static final String LENGTH_MISMATCH = "report input %s: found %d entries, expected %d (one per test sample)";
    static final String LABEL_OUT_OF_RANGE = "report input %s[%d]: found class %d, expected 0..%d (%d class names)";
    static final String MATRIX_SIZE = "report input test.confusionMatrix: found %d rows, expected %d (one per class name)";

    public ReportInput {
        require(experiment, "experiment");
        require(epochs, "epochs");
        require(testSplit, "testSplit");
        require(classNames, "classNames");
        require(contentSha256, "contentSha256");
        require(origin, "origin");
        require(environment, "environment");
        epochs = List.copyOf(epochs);
        classNames = List.copyOf(classNames);
        contentSha256 = ordered(contentSha256);
        origin = ordered(origin);
        environment = ordered(environment);
        if (test == null) {
            if (predicted != null || confidence != null) {
                throw new IllegalArgumentException(String.format(PREDICTIONS_WITHOUT_TEST,
                        predicted != null ? "predictions" : "confidences"));
            }
            if (divergence == null) {
                throw new IllegalArgumentException(NO_TEST_NO_REASON);
            }
        } else {
            require(predicted, "predicted");
            require(confidence, "confidence");
            int n = testSplit.size();
            if (predicted.length != n) {
                throw new IllegalArgumentException(String.format(LENGTH_MISMATCH, "predicted", predicted.length, n));
            }
            if (confidence.length != n) {
                throw new IllegalArgumentException(String.format(LENGTH_MISMATCH, "confidence", confidence.length, n));
            }
            if (test.confusionMatrix().length != classNames.size()) {
                throw new IllegalArgumentException(String.format(MATRIX_SIZE, test.confusionMatrix().length,
                        classNames.size()));
            }
            int k = classNames.size();
            for (int i = 0; i < n; i++) {
                checkClass("predicted", i, predicted[i], k);
                checkClass("testSplit.labels", i, testSplit.labels().label(i), k);
            }
        }
    }

    private static void checkClass(String what, int i, int c, int k) {
        if (c < 0 || c >= k) {
            throw new IllegalArgumentException(String.format(LABEL_OUT_OF_RANGE, what, i, c, k - 1, k));
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new NullPointerException(String.format(NULL_FIELD, field));
        }
    }

    private static Map<String, String> ordered(Map<String, String> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** True when there is a test evaluation (the run did not diverge). */
    public boolean hasTest() {
        return test != null;
    }

    /** Equal when every component is, arrays by content (a record's own equals compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReportInput o
                && Objects.equals(experiment, o.experiment)
                && Objects.equals(epochs, o.epochs)
                && Objects.equals(test, o.test)
                && Objects.equals(testSplit, o.testSplit)
                && Arrays.equals(predicted, o.predicted)
                && Arrays.equals(confidence, o.confidence)
                && Objects.equals(classNames, o.classNames)
                && Objects.equals(contentSha256, o.contentSha256)
                && Objects.equals(origin, o.origin)
                && Double.compare(totalSeconds, o.totalSeconds) == 0
                && Double.compare(loadSeconds, o.loadSeconds) == 0
                && Objects.equals(environment, o.environment)
                && stoppedEarly == o.stoppedEarly
                && bestEpoch == o.bestEpoch
                && Objects.equals(divergence, o.divergence);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(experiment, epochs, test, testSplit, classNames, contentSha256, origin, totalSeconds, loadSeconds, environment, stoppedEarly, bestEpoch, divergence);
        h = 31 * h + Arrays.hashCode(predicted);
        h = 31 * h + Arrays.hashCode(confidence);
        return h;
    }

    /** The components, arrays by their length. */
    @Override
    public String toString() {
        return "ReportInput[" + "experiment=" + experiment + ", "
                + "epochs=" + epochs + ", "
                + "test=" + test + ", "
                + "testSplit=" + testSplit + ", "
                + "predicted=" + (predicted == null ? "null" : "int[" + predicted.length + "]") + ", "
                + "confidence=" + (confidence == null ? "null" : "float[" + confidence.length + "]") + ", "
                + "classNames=" + classNames + ", "
                + "contentSha256=" + contentSha256 + ", "
                + "origin=" + origin + ", "
                + "totalSeconds=" + totalSeconds + ", "
                + "loadSeconds=" + loadSeconds + ", "
                + "environment=" + environment + ", "
                + "stoppedEarly=" + stoppedEarly + ", "
                + "bestEpoch=" + bestEpoch + ", "
                + "divergence=" + divergence + "]";
    }
}
