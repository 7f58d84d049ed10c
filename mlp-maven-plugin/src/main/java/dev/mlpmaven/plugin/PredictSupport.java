package dev.mlpmaven.plugin;

import dev.mlpmaven.config.CsvSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.predict.CsvFormat;
import dev.mlpmaven.engine.predict.PredictRun;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.ModelFileException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The work of {@code mlp:predict}: finds the model (a file, or each experiment's trained model), loads it with
 * {@code mlp-runtime} and hands over to {@link PredictRun} with the CSV layout ({@link #csvFormat}). A bad model file or input is a user mistake
 * ({@link MojoFailureException} with the reader's or the run's message alone); an unreadable or unwritable file is
 * the environment ({@link MojoExecutionException}).
 */
final class PredictSupport {
    private final Log log;
    private final Path basedir;
    private final Path outputDirectory;

    PredictSupport(Log log, Path basedir, Path outputDirectory) {
        this.log = log;
        this.basedir = basedir;
        this.outputDirectory = outputDirectory;
    }

    /**
     * An experiment's trained model file, and the layout of its {@code csv} dataset (null for another dataset).
     */
    record Trained(Path model, CsvFormat csv) {
    }

    /** Experiment name to its trained model file and dataset layout, in the experiments' order. */
    Map<String, Trained> experimentModels(List<Path> experimentFiles, Map<String, String> overrides, Path extendsRoot)
            throws MojoFailureException, MojoExecutionException {
        Map<String, Trained> models = new LinkedHashMap<>();
        for (Path file : experimentFiles) {
            Experiment experiment = ExperimentFiles.load(file, overrides, extendsRoot);
            CsvSpec csv = experiment.dataset().csv();
            models.put(experiment.name(), new Trained(outputDirectory.resolve(experiment.name())
                    .resolve(ModelAttacher.MODEL_FILE), csv == null ? null : CsvFormat.of(csv)));
        }
        return models;
    }

    /**
     * How a CSV input is read: {@code csvDelimiter} and {@code csvHeader} when given, else the experiment's dataset
     * layout ({@code experiment} null for {@code -Dmlp.model}, or not a csv dataset), else a header line and commas.
     */
    static CsvFormat csvFormat(char[] delimiter, Boolean header, CsvFormat experiment) {
        CsvFormat base = experiment == null ? CsvFormat.DEFAULT : experiment;
        return new CsvFormat(delimiter == null ? base.delimiter() : delimiter[0], header == null ? base.header()
                : header ? CsvSpec.Header.NAMES : CsvSpec.Header.NONE);
    }

    void predict(File modelFile, File input, File labels, String labelColumn, String csvDelimiter, Boolean csvHeader,
                 Map<String, Trained> experimentModels) throws MojoFailureException, MojoExecutionException {
        if (input == null) {
            throw new MojoFailureException(Messages.PREDICT_NO_INPUT);
        }
        char[] delimiter;
        try {
            delimiter = csvDelimiter == null ? null : new char[] {CsvFormat.delimiter(csvDelimiter)};
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Path inputPath = resolve(input);
        Path labelsPath = labels == null ? null : resolve(labels);
        String column = labelColumn == null || labelColumn.isBlank() ? null : labelColumn.strip();
        if (modelFile != null) {
            Path file = resolve(modelFile);
            if (!Files.isRegularFile(file)) {
                throw new MojoFailureException(format(Messages.PREDICT_MODEL_MISSING, file));
            }
            MlpModel model = load(file);
            run(model, nameOf(model, file), inputPath, labelsPath, column, csvFormat(delimiter, csvHeader, null));
            return;
        }
        if (experimentModels == null || experimentModels.isEmpty()) {
            throw new MojoFailureException(Messages.PREDICT_NO_MODEL);
        }
        for (Map.Entry<String, Trained> e : experimentModels.entrySet()) {
            Path model = e.getValue().model();
            if (!Files.isRegularFile(model)) {
                throw new MojoFailureException(format(Messages.PREDICT_NOT_TRAINED, e.getKey(), model));
            }
            run(load(model), e.getKey(), inputPath, labelsPath, column,
                    csvFormat(delimiter, csvHeader, e.getValue().csv()));
        }
    }

    private void run(MlpModel model, String name, Path input, Path labels, String labelColumn, CsvFormat csv)
            throws MojoFailureException, MojoExecutionException {
        try {
            PredictRun.run(model, name, input, labels, labelColumn, csv, outputDirectory.resolve(name), log::info);
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("mlp: " + name + ": " + e.getMessage(), e);
        }
    }

    private static MlpModel load(Path file) throws MojoFailureException, MojoExecutionException {
        try {
            return MlpModel.load(file);
        } catch (ModelFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The experiment name the model records, else the file's name without {@code .mlp} (its folder's for model.mlp). */
    static String nameOf(MlpModel model, Path file) {
        if (model.provenance().get("experiment") instanceof Map<?, ?> experiment
                && experiment.get("name") instanceof String name && name.matches("[A-Za-z0-9._-]+")
                && !name.startsWith(".")) {
            return name;
        }
        String fileName = file.getFileName().toString();
        if (fileName.equals(ModelAttacher.MODEL_FILE) && file.toAbsolutePath().getParent() != null
                && file.toAbsolutePath().getParent().getFileName() != null) {
            return file.toAbsolutePath().getParent().getFileName().toString();
        }
        return fileName.endsWith(".mlp") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private Path resolve(File f) {
        Path p = f.toPath();
        return p.isAbsolute() ? p : basedir.resolve(p).normalize();
    }
}
