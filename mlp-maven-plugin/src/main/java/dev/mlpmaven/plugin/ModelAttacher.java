package dev.mlpmaven.plugin;

import dev.mlpmaven.onnx.OnnxExport;
import dev.mlpmaven.plugin.fork.IoReason;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.ModelFileException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Publishes an experiment's {@code model.mlp}: with {@code exports} containing {@code onnx}, writes
 * {@code model.onnx} beside it ({@link OnnxExport}); attaches the model (type {@code mlp}, the experiment name as
 * classifier; the ONNX file as type {@code onnx}) to the project; with {@code copyToClasses}, copies it to
 * {@code <classes>/mlp/<name>.mlp}, so the project's jar holds it and
 * {@code MlpModel.loadResource("mlp/<name>.mlp")} finds it on the class path; attaches the report archive
 * ({@link ReportArchive}). Every file is written atomically, and only when its bytes change.
 */
final class ModelAttacher {
    static final String MODEL_FILE = "model.mlp";
    /** The folder of the class path the models are copied to. */
    static final String CLASSES_FOLDER = "mlp";
    static final String ONNX_FILE = "model.onnx";
    static final String ONNX_TYPE = "onnx";
    /** The export formats {@code exports} may name. */
    static final java.util.Set<String> FORMATS = java.util.Set.of("onnx");

    private final Log log;
    private final MavenProjectHelper helper;
    private final MavenProject project;
    private final boolean enabled;
    private final Path classesDir;
    private final boolean onnx;

    /** Attaching only: no export, no copy (mlp:aggregate). */
    ModelAttacher(Log log, MavenProjectHelper helper, MavenProject project, boolean enabled) {
        this(log, helper, project, enabled, null, false);
    }

    /**
     * @param classesDir the project's classes folder when models are copied there, else null
     * @param onnx       whether to export each model as ONNX
     */
    ModelAttacher(Log log, MavenProjectHelper helper, MavenProject project, boolean enabled, Path classesDir,
                  boolean onnx) {
        this.log = log;
        this.helper = helper;
        this.project = project;
        this.enabled = enabled;
        this.classesDir = classesDir;
        this.onnx = onnx;
    }

    /**
     * Whether the formats ask for ONNX.
     *
     * @throws org.apache.maven.plugin.MojoFailureException for a format other than onnx
     */
    static boolean wantsOnnx(java.util.List<String> formats) throws org.apache.maven.plugin.MojoFailureException {
        boolean onnx = false;
        for (String f : formats == null ? java.util.List.<String>of() : formats) {
            String name = f == null ? "" : f.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!FORMATS.contains(name)) {
                throw new org.apache.maven.plugin.MojoFailureException(format(Messages.EXPORT_UNKNOWN, f.strip()));
            }
            onnx = true;
        }
        return onnx;
    }

    /** {@link #attach(String, Path, Instant)} with the report archive's entries dated by their files. */
    boolean attach(String name, Path out) throws MojoExecutionException {
        return attach(name, out, null);
    }

    /**
     * Exports, attaches and copies {@code <out>/model.mlp} as configured, when the file exists, and attaches the
     * report archive ({@link ReportArchive}, type {@code zip}, classifier {@code <name>-report}) written for it now,
     * its entries dated {@code timestamp} (a reproducible build) or by their files; returns whether it attached the
     * model.
     */
    boolean attach(String name, Path out, Instant timestamp) throws MojoExecutionException {
        Path model = out.resolve(MODEL_FILE);
        if (!Files.isRegularFile(model)) {
            return false;
        }
        Path onnxFile = out.resolve(ONNX_FILE);
        if (onnx) {
            export(name, model, onnxFile);
        }
        if (enabled) {
            helper.attachArtifact(project, AbstractForkMojo.MODEL_TYPE, name, model.toFile());
            log.debug(format(Messages.ATTACHED, name, model, name));
            if (onnx) {
                helper.attachArtifact(project, ONNX_TYPE, name, onnxFile.toFile());
            }
            attachReportArchive(name, out, timestamp);
        }
        if (classesDir != null) {
            copy(name, model, classesDir.resolve(CLASSES_FOLDER).resolve(name + ".mlp"));
        }
        return enabled;
    }

    private void attachReportArchive(String name, Path out, Instant timestamp) throws MojoExecutionException {
        Path archive;
        try {
            archive = ReportArchive.write(out, timestamp);
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.REPORT_ARCHIVE_NOT_WRITTEN, name,
                    ReportArchive.fileFor(out), IoReason.of(e)), e);
        }
        if (archive != null) {
            helper.attachArtifact(project, ReportArchive.TYPE, name + ReportArchive.CLASSIFIER_SUFFIX,
                    archive.toFile());
            log.debug(format(Messages.ATTACHED, name, archive, name + ReportArchive.CLASSIFIER_SUFFIX));
        }
    }

    private void export(String name, Path model, Path target) throws MojoExecutionException {
        try {
            byte[] bytes = OnnxExport.bytes(MlpModel.load(model), name);
            if (!same(target, bytes)) {
                dev.mlpmaven.engine.io.AtomicFiles.write(target, bytes);
                log.info(format(Messages.EXPORTED, name, target));
            } else {
                log.info(format(Messages.EXPORT_UP_TO_DATE, name, target));
            }
        } catch (ModelFileException | IOException | UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.EXPORT_FAILED, name, model, target, e.getMessage()), e);
        }
    }

    private static boolean same(Path target, byte[] bytes) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes);
    }

    /** Copies atomically; an identical copy is left alone (its time stamp too). */
    private void copy(String name, Path model, Path target) throws MojoExecutionException {
        try {
            byte[] bytes = Files.readAllBytes(model);
            if (same(target, bytes)) {
                log.info(format(Messages.COPY_UP_TO_DATE, name, target));
                return;
            }
            dev.mlpmaven.engine.io.AtomicFiles.write(target, bytes);
            log.info(format(Messages.COPIED_TO_CLASSES, name, target, CLASSES_FOLDER + "/" + name + ".mlp"));
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException(format(Messages.COPY_FAILED, name, model, target, e.getMessage()), e);
        }
    }
}
