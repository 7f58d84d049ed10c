package dev.mlpmaven.plugin.check;

/**
 * One quality rule of {@code mlp:check}, as in the pom:
 * <pre>{@code
 * <rule>
 *   <experiment>fashion-seed</experiment>          <!-- optional; default * (every experiment) -->
 *   <minimumTestAccuracy>0.85</minimumTestAccuracy>
 *   <minimumClassRecall>0.60</minimumClassRecall>  <!-- every class -->
 *   <maximumTestLoss>0.45</maximumTestLoss>
 *   <maximumAccuracyDrop>0.005</maximumAccuracyDrop>      <!-- against the released model: -->
 *   <baseline>com.example:shop:[0,)</baseline>            <!-- groupId:artifactId:version-or-range[:classifier] -->
 *   <baselineFile>models/released.mlp</baselineFile>     <!-- or a file -->
 * </rule>
 * }</pre>
 * Limits left out are not checked. Maven sets the fields by name.
 */
public class Rule {
    private String experiment = "*";
    private Double minimumTestAccuracy;
    private Double minimumClassRecall;
    private Double maximumTestLoss;
    private Double maximumAccuracyDrop;
    private String baseline;
    private String baselineFile;

    public Rule() {
    }

    /** A rule with a baseline limit ({@code maximumAccuracyDrop} against {@code baseline} or {@code baselineFile}). */
    public Rule(String experiment, Double minimumTestAccuracy, Double minimumClassRecall, Double maximumTestLoss,
                Double maximumAccuracyDrop, String baseline, String baselineFile) {
        this(experiment, minimumTestAccuracy, minimumClassRecall, maximumTestLoss);
        this.maximumAccuracyDrop = maximumAccuracyDrop;
        this.baseline = baseline;
        this.baselineFile = baselineFile;
    }

    public Rule(String experiment, Double minimumTestAccuracy, Double minimumClassRecall, Double maximumTestLoss) {
        this.experiment = experiment;
        this.minimumTestAccuracy = minimumTestAccuracy;
        this.minimumClassRecall = minimumClassRecall;
        this.maximumTestLoss = maximumTestLoss;
    }

    public String getExperiment() {
        return experiment;
    }

    public void setExperiment(String experiment) {
        this.experiment = experiment;
    }

    public Double getMinimumTestAccuracy() {
        return minimumTestAccuracy;
    }

    public void setMinimumTestAccuracy(Double minimumTestAccuracy) {
        this.minimumTestAccuracy = minimumTestAccuracy;
    }

    public Double getMinimumClassRecall() {
        return minimumClassRecall;
    }

    public void setMinimumClassRecall(Double minimumClassRecall) {
        this.minimumClassRecall = minimumClassRecall;
    }

    public Double getMaximumTestLoss() {
        return maximumTestLoss;
    }

    public void setMaximumTestLoss(Double maximumTestLoss) {
        this.maximumTestLoss = maximumTestLoss;
    }

    public Double getMaximumAccuracyDrop() {
        return maximumAccuracyDrop;
    }

    public void setMaximumAccuracyDrop(Double maximumAccuracyDrop) {
        this.maximumAccuracyDrop = maximumAccuracyDrop;
    }

    /** Maven coordinates of the baseline model, {@code groupId:artifactId:version-or-range[:classifier]}, or null. */
    public String getBaseline() {
        return baseline;
    }

    public void setBaseline(String baseline) {
        this.baseline = baseline;
    }

    /** A baseline model file, or null. */
    public String getBaselineFile() {
        return baselineFile;
    }

    public void setBaselineFile(String baselineFile) {
        this.baselineFile = baselineFile;
    }

    /** True for every experiment when {@code experiment} is {@code *} or empty, else for that name only. */
    public boolean appliesTo(String name) {
        return experiment == null || experiment.isBlank() || experiment.equals("*") || experiment.equals(name);
    }

    public boolean isEmpty() {
        return minimumTestAccuracy == null && minimumClassRecall == null && maximumTestLoss == null
                && maximumAccuracyDrop == null;
    }

    @Override
    public String toString() {
        return "Rule[experiment=" + experiment + ", minimumTestAccuracy=" + minimumTestAccuracy
                + ", minimumClassRecall=" + minimumClassRecall + ", maximumTestLoss=" + maximumTestLoss
                + ", maximumAccuracyDrop=" + maximumAccuracyDrop + ", baseline=" + baseline + ", baselineFile="
                + baselineFile + "]";
    }
}
