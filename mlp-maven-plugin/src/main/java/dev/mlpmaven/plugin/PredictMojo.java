package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Predicts new inputs with a trained model, inside Maven's JVM (the runtime is plain Java: no fork, no ND4J): a
 * folder of images (PNG, JPEG, BMP, GIF), an IDX images file (with an optional IDX labels file) or, for a table
 * model, a CSV file. The model is {@code -Dmlp.model=FILE}, or the trained model of each experiment
 * ({@code target/mlp/<name>/model.mlp}). Writes {@code target/mlp/<name>/predictions.csv} (input, predicted
 * class, probability, top 3) and {@code predictions.json}; with labels (class-named subfolders, IDX labels, a CSV
 * label column) it also logs and writes the accuracy and the confusion matrix.
 */
@Mojo(name = "predict", threadSafe = true)
public class PredictMojo extends AbstractExperimentMojo {
    /**
     * The model file to predict with; without it, the trained model of each experiment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.model")
    private File model;

    /**
     * What to predict: a folder of images (directly in it, or in subfolders named after the classes, which gives
     * labels), an IDX images file, or a CSV file (table models): {@code .csv}, or compressed {@code .csv.gz},
     * {@code .csv.xz}, {@code .csv.bz2}, {@code .csv.zst} (gzip, xz, bzip2, zstd, recognised by magic bytes).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.input")
    private File input;

    /**
     * An IDX labels file for an IDX images input: then the accuracy and the confusion matrix are computed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.labels")
    private File labels;

    /**
     * The column of a CSV input that holds each row's class name: then the accuracy and the confusion matrix are
     * computed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.labelColumn")
    private String labelColumn;

    /**
     * The character between the fields of a CSV input: one character, not a quote or a line break ({@code \t} for a
     * tab). Default: the experiment's dataset {@code delimiter} when an experiment's model is predicted (without
     * {@code mlp.model}) and its dataset is a {@code csv} table, else a comma.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.csvDelimiter")
    private String csvDelimiter;

    /**
     * Whether the first line of a CSV input names the columns; {@code false}: it is data and the columns are named
     * {@code 0}, {@code 1}, ... (as a training dataset with {@code header: false} names them, so
     * {@code mlp.labelColumn} is an index then). Default: the experiment's dataset {@code header} when an
     * experiment's model is predicted (without {@code mlp.model}) and its dataset is a {@code csv} table (also
     * {@code sklearn}: scikit-learn's first line is skipped), else {@code true}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.csvHeader")
    private Boolean csvHeader;

    /**
     * Where the outputs go: {@code <outputDirectory>/<name>/predictions.csv}, where {@code name} is the
     * experiment's name (for {@code -Dmlp.model}, the name recorded in the model).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectory", defaultValue = "${project.build.directory}/mlp", required = true)
    private File outputDirectory;

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        PredictSupport support = new PredictSupport(getLog(), project.getBasedir().toPath(), outputDirectory.toPath());
        support.predict(model, input, labels, labelColumn, csvDelimiter, csvHeader,
                model == null ? support.experimentModels(experimentFiles(), allOverrides(), extendsRootPath()) : null);
    }
}
