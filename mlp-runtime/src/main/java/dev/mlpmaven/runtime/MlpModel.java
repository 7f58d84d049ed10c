package dev.mlpmaven.runtime;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model, loaded from a {@code model.mlp} file (format 1 or 2), ready to predict. Immutable and
 * thread-safe: one instance can serve every thread of an application.
 *
 * <pre>{@code
 * MlpModel model = MlpModel.loadResource("mlp/fashion.mlp");
 * Prediction p = model.predictImage(ImageIO.read(new File("shoe.png")));
 * System.out.println(p.className() + " " + p.probability() + " " + p.top(3));
 * }</pre>
 *
 * <p>{@link #predict(float[])} takes the network's input vector (already preprocessed); {@link #predictImage},
 * {@link #predictPixels} and {@link #predictRow(Map)} apply the preprocessing stored in the model first
 * ({@link #input()}). Inputs are checked before any work: a wrong length or a non-finite value throws
 * {@link InvalidInputException} with one of this class's messages. The forward pass is deterministic (see
 * {@link ForwardPass}): the same input gives the same bits on every JVM and CPU.
 */
public final class MlpModel {
    public static final String INPUT_LENGTH = "input: found %d values, expected %d (the model's input size)";
    public static final String BATCH_INPUT_LENGTH = "inputs[%d]: found %d values, expected %d (the model's input size)";
    public static final String BATCH_INPUT_NULL = "inputs[%d]: found null, expected %d values";
    public static final String INPUT_NOT_FINITE = "input[%d]: found %s, expected a finite number";
    public static final String BATCH_INPUT_NOT_FINITE = "inputs[%d][%d]: found %s, expected a finite number";
    public static final String NOT_AN_IMAGE_MODEL =
            "the model's input is a %s, expected an image input - use predictRow for a table model";
    public static final String NOT_A_TABLE_MODEL =
            "the model's input is an %s, expected a table input - use predictImage or predictPixels for an image model";

    private final InputSpec input;
    private final List<String> classNames;
    private final ForwardPass net;
    private final Map<String, Object> provenance;
    private final int formatVersion;
    private final String weightsSha256;

    MlpModel(InputSpec input, List<Layer> layers, List<String> classNames, Map<String, Object> provenance,
             int formatVersion, String weightsSha256) {
        this.input = input;
        this.classNames = List.copyOf(classNames);
        this.net = new ForwardPass(layers);
        this.provenance = provenance;
        this.formatVersion = formatVersion;
        this.weightsSha256 = weightsSha256;
    }

    /**
     * A model from its parts, without a file (for tests and tools); its provenance is empty and its format version
     * is {@link ModelFormat#VERSION}.
     *
     * @throws IllegalArgumentException when the layers do not chain from the input size, an activation is not
     *                                  allowed where it is, or the class names do not match the output width
     */
    public static MlpModel of(InputSpec input, List<Layer> layers, List<String> classNames) {
        ModelWriter.check(input, layers, classNames);
        return new MlpModel(input, layers, classNames, Map.of(), ModelFormat.VERSION, ModelWriter.weightsSha256(layers));
    }

    /**
     * Loads a model file, checking everything (docs/model-format.md, "Reading a model file safely").
     *
     * @throws ModelFileException   when the file is missing, not a model, of a newer format, damaged or truncated
     * @throws UncheckedIOException when the file exists but cannot be read
     */
    public static MlpModel load(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return ModelReader.read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelFileException(String.format(ModelFormat.NOT_FOUND, file), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #load(InputStream, String)} with the name {@code "stream"} in messages. */
    public static MlpModel load(InputStream in) {
        return load(in, "stream");
    }

    /**
     * Loads a model from a stream, reading it to its end (the stream is not closed). Memory is bounded by what the
     * stream holds, whatever its header claims.
     *
     * @param name what messages call the stream (a file name, a URL)
     * @throws ModelFileException   when the bytes are not a valid model
     * @throws UncheckedIOException when reading fails
     */
    public static MlpModel load(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        try {
            return ModelReader.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model from the class path, e.g. {@code loadResource("mlp/fashion.mlp")} for the model that
     * {@code mlp:train} with {@code copyToClasses} puts in the jar. Looks in the thread's context class loader,
     * then in this class's.
     *
     * @throws ModelFileException with {@link ModelFormat#RESOURCE_NOT_FOUND} when there is no such resource, or the
     *                            reader's message (naming {@code classpath:<name>})
     */
    public static MlpModel loadResource(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        String path = name.startsWith("/") ? name.substring(1) : name;
        if (context != null && context.getResource(path) != null) {
            return loadResource(path, context);
        }
        return loadResource(path, MlpModel.class.getClassLoader());
    }

    /** {@link #loadResource(String)} from the given class loader. */
    public static MlpModel loadResource(String name, ClassLoader loader) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        String where = "classpath:" + path;
        InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(path) : loader.getResourceAsStream(path);
        if (in == null) {
            throw new ModelFileException(String.format(ModelFormat.RESOURCE_NOT_FOUND, where));
        }
        try (InputStream s = new BufferedInputStream(in, 1 << 16)) {
            return ModelReader.read(s, where);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + where + ": " + e.getMessage(), e);
        }
    }

    /** How a raw input becomes the network's input (an {@link ImageInput} or a {@link TableInput}). */
    public InputSpec input() {
        return input;
    }

    /** The length of the network's input vector. */
    public int inputSize() {
        return input.size();
    }

    /** The class names, in output order. */
    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** The layers as the file stores them (fresh copies; weights {@code [out][in]}). */
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            out.add(net.layer(l));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The manifest's {@code provenance} object as plain Java values: {@code Map<String, Object>} for objects,
     * {@code List<Object>} for arrays, {@code String}, {@code Boolean}, {@code Long} (integers that fit),
     * {@code BigInteger}, {@code Double}, and {@code null}. Empty for a model made by {@link #of}.
     */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** The format version of the file it was read from (1 or 2). */
    public int formatVersion() {
        return formatVersion;
    }

    /** The SHA-256 (lower-case hex) of the weights area: equal for bit-identical weights. */
    public String weightsSha256() {
        return weightsSha256;
    }

    /**
     * Predicts one network input vector (already preprocessed).
     *
     * @throws InvalidInputException with {@link #INPUT_LENGTH} or {@link #INPUT_NOT_FINITE}
     */
    public Prediction predict(float[] features) {
        return new Prediction(probabilities(features), classNames);
    }

    /** The class probabilities of one network input vector. */
    public float[] probabilities(float[] features) {
        Objects.requireNonNull(features, "features");
        checkRow(features, -1);
        float[][] result = new float[1][];
        net.run(new float[][] {features}, 0, 1, result);
        return result[0];
    }

    /**
     * Predicts a batch of network input vectors: the same results as one by one, faster (rows are processed in
     * blocks that share each weight read).
     *
     * @throws InvalidInputException with {@link #BATCH_INPUT_LENGTH}, {@link #BATCH_INPUT_NULL} or
     *                               {@link #BATCH_INPUT_NOT_FINITE}, before any work
     */
    public List<Prediction> predict(float[][] batch) {
        float[][] p = probabilities(batch);
        List<Prediction> out = new ArrayList<>(p.length);
        for (float[] row : p) {
            out.add(new Prediction(row, classNames));
        }
        return Collections.unmodifiableList(out);
    }

    /** The class probabilities of a batch of network input vectors ({@code result[i]} for {@code batch[i]}). */
    public float[][] probabilities(float[][] batch) {
        Objects.requireNonNull(batch, "batch");
        for (int r = 0; r < batch.length; r++) {
            checkRow(batch[r], r);
        }
        float[][] result = new float[batch.length][];
        net.run(batch, 0, batch.length, result);
        return result;
    }

    /**
     * Predicts an image: converted, resized (if the model says so), inverted and scaled as the model was trained
     * ({@link ImageInput#features(BufferedImage)}).
     *
     * @throws InvalidInputException when the model is not an image model or the image does not fit it
     */
    public Prediction predictImage(BufferedImage image) {
        return predict(imageInput().features(image));
    }

    /**
     * Predicts raw pixels: {@code height * width * channels} bytes (HWC, as {@link ImageInput#pixels} gives them or
     * an IDX file holds them), inverted and scaled as the model was trained.
     *
     * @throws InvalidInputException when the model is not an image model or there are too few bytes
     */
    public Prediction predictPixels(byte[] pixels) {
        return predict(imageInput().features(pixels, 0));
    }

    /**
     * Predicts a table row given by column name ({@link TableInput#encode(Map)}).
     *
     * @throws InvalidInputException when the model is not a table model or a value does not fit it
     */
    public Prediction predictRow(Map<String, String> row) {
        return predict(tableInput().encode(row));
    }

    /** Predicts a table row given in feature order ({@link TableInput#encode(String...)}). */
    public Prediction predictRow(String... values) {
        return predict(tableInput().encode(values));
    }

    private ImageInput imageInput() {
        if (input instanceof ImageInput i) {
            return i;
        }
        throw new InvalidInputException(String.format(Locale.ROOT, NOT_AN_IMAGE_MODEL, input));
    }

    private TableInput tableInput() {
        if (input instanceof TableInput t) {
            return t;
        }
        throw new InvalidInputException(String.format(Locale.ROOT, NOT_A_TABLE_MODEL, input));
    }

    private void checkRow(float[] row, int r) {
        int n = input.size();
        if (row == null) {
            throw new InvalidInputException(String.format(Locale.ROOT, BATCH_INPUT_NULL, r, n));
        }
        if (row.length != n) {
            throw new InvalidInputException(r < 0 ? String.format(Locale.ROOT, INPUT_LENGTH, row.length, n)
                    : String.format(Locale.ROOT, BATCH_INPUT_LENGTH, r, row.length, n));
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(row[i])) {
                throw new InvalidInputException(r < 0 ? String.format(Locale.ROOT, INPUT_NOT_FINITE, i, row[i])
                        : String.format(Locale.ROOT, BATCH_INPUT_NOT_FINITE, r, i, row[i]));
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("MlpModel[").append(input.size());
        for (Layer l : layers()) {
            b.append('-').append(l.out());
        }
        return b.append(", ").append(classNames.size()).append(" classes, format ").append(formatVersion)
                .append(']').toString();
    }
}
