package dev.mlpmaven.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Layer;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Scaling;
import dev.mlpmaven.runtime.TableInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exported ONNX graph, run by ONNX Runtime, gives the runtime's predictions: for every activation, the same
 * class for each of 1,000 Fashion-MNIST test images (raw uint8 pixels in, as the runtime takes them) and every
 * probability within 1e-5. The models have random weights scaled so that the pre-activations reach well into the
 * non-linear range and the class probabilities spread; {@code onnx.checker} (python3-onnx) accepts every graph.
 */
class OnnxExportTest {
    static final double TOLERANCE = 1e-5;
    static final int IMAGES = 1000;
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");
    static OrtEnvironment env;
    static byte[] pixels;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        env = OrtEnvironment.getEnvironment();
        pixels = FashionMnist.testImages(IMAGES);
    }

    static List<Layer> layers(int[] widths, Activation hidden, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            double a = 2.5 / Math.sqrt(widths[l]);
            float[] w = new float[widths[l] * widths[l + 1]];
            float[] b = new float[widths[l + 1]];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) rnd.nextDouble(-a, a);
            }
            for (int k = 0; k < b.length; k++) {
                b[k] = (float) rnd.nextDouble(-0.5, 0.5);
            }
            layers.add(new Layer(widths[l], widths[l + 1], l + 2 == widths.length ? Activation.SOFTMAX : hidden, w, b));
        }
        return layers;
    }

    static OrtSession session(byte[] onnx) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        return env.createSession(onnx, options);
    }

    /** Runs the graph on uint8 pixels of shape {@code [n, dims...]}: probabilities and class indices. */
    static Object[] runPixels(OrtSession session, byte[] px, long... shape) throws OrtException {
        try (OnnxTensor in = OnnxTensor.createTensor(env, ByteBuffer.wrap(px), shape, OnnxJavaType.UINT8);
             OrtSession.Result r = session.run(Map.of(OnnxExport.PIXELS, in))) {
            return new Object[] {r.get(0).getValue(), r.get(1).getValue()};
        }
    }

    /** Largest |difference| of all probabilities; asserts the same class for every row. */
    static double compare(float[][] runtime, float[][] onnx, long[] onnxClass, String what) {
        double worst = 0;
        for (int i = 0; i < runtime.length; i++) {
            assertThat(onnxClass[i]).as("%s: class of input %d", what, i).isEqualTo(argmax(runtime[i]));
            assertThat(argmax(onnx[i])).as("%s: argmax of input %d", what, i).isEqualTo(argmax(runtime[i]));
            for (int c = 0; c < runtime[i].length; c++) {
                worst = Math.max(worst, Math.abs(runtime[i][c] - onnx[i][c]));
            }
        }
        System.out.printf(Locale.ROOT, "ONNX parity %s: %d inputs, same class for all, largest probability difference "
                + "%.3g%n", what, runtime.length, worst);
        assertThat(worst).as("%s: largest probability difference", what).isLessThanOrEqualTo(TOLERANCE);
        return worst;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void onnx_runtime_predicts_1000_test_images_as_the_runtime_for_every_activation(Activation activation)
            throws Exception {
        ImageInput input = ImageInput.of(28, 28, 1, activation.ordinal() % 2 == 1, ImageInput.Resize.NONE,
                Scaling.standardize(0.2860402f, 0.3530239f));
        MlpModel model = MlpModel.of(input, layers(new int[] {784, 64, 32, 10}, activation, 17 + activation.ordinal()),
                CLASSES);
        float[][] x = new float[IMAGES][];
        for (int i = 0; i < IMAGES; i++) {
            x[i] = input.features(pixels, i * 784);
        }
        float[][] runtime = model.probabilities(x);
        byte[] onnx = OnnxExport.bytes(model, "fashion-" + activation.id());
        try (OrtSession session = session(onnx)) {
            Object[] out = runPixels(session, pixels, IMAGES, 28, 28, 1);
            compare(runtime, (float[][]) out[0], (long[]) out[1], activation.id() + (input.invert() ? " (inverted)" : ""));
        }
        Path file = tmp.resolve(activation.id() + ".onnx");
        Files.write(file, onnx);
        OnnxChecker.check(file);
    }

    @Test
    void an_rgb_model_and_a_model_without_a_recorded_size_take_raw_pixels_too() throws Exception {
        ImageInput rgb = ImageInput.of(8, 8, 3, true, ImageInput.Resize.BILINEAR, Scaling.UNIT);
        MlpModel m = MlpModel.of(rgb, layers(new int[] {192, 16, 4}, Activation.GELU, 3), List.of("a", "b", "c", "d"));
        byte[] px = new byte[50 * 192];
        new SplittableRandom(8).nextBytes(px);
        float[][] x = new float[50][];
        for (int i = 0; i < 50; i++) {
            x[i] = rgb.features(px, i * 192);
        }
        try (OrtSession s = session(OnnxExport.bytes(m, "rgb"))) {
            Object[] out = runPixels(s, px, 50, 8, 8, 3);
            compare(m.probabilities(x), (float[][]) out[0], (long[]) out[1], "rgb gelu");
        }
        ImageInput v1 = ImageInput.unsized(784, Scaling.UNIT);
        MlpModel u = MlpModel.of(v1, layers(new int[] {784, 10}, Activation.RELU, 4), CLASSES);
        float[][] y = new float[100][];
        for (int i = 0; i < 100; i++) {
            y[i] = v1.features(pixels, i * 784);
        }
        try (OrtSession s = session(OnnxExport.bytes(u, "v1"))) {
            Object[] out = runPixels(s, java.util.Arrays.copyOf(pixels, 100 * 784), 100, 784);
            compare(u.probabilities(y), (float[][]) out[0], (long[]) out[1], "unsized");
        }
    }

    @Test
    void a_table_model_takes_raw_numbers_and_one_hot_categories() throws Exception {
        TableInput table = new TableInput(List.of(new TableInput.Numeric("length", 5.8f, 0.8f),
                new TableInput.Categorical("colour", List.of("red", "green", "blue")),
                new TableInput.Numeric("width", 3.1f, 0.4f)), TableInput.Unseen.ZERO, TableInput.Missing.MEAN);
        MlpModel m = MlpModel.of(table, layers(new int[] {5, 8, 3}, Activation.TANH, 5), List.of("x", "y", "z"));
        SplittableRandom rnd = new SplittableRandom(6);
        int n = 200;
        float[][] encoded = new float[n][];
        float[] raw = new float[n * 5];
        for (int i = 0; i < n; i++) {
            String length = String.valueOf((float) rnd.nextDouble(4, 8));
            String colour = List.of("red", "green", "blue").get(rnd.nextInt(3));
            String width = String.valueOf((float) rnd.nextDouble(2, 4.5));
            encoded[i] = table.encode(length, colour, width);
            raw[5 * i] = Float.parseFloat(length);
            raw[5 * i + 1 + List.of("red", "green", "blue").indexOf(colour)] = 1f;
            raw[5 * i + 4] = Float.parseFloat(width);
        }
        try (OrtSession s = session(OnnxExport.bytes(m, "table"));
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(raw), new long[] {n, 5});
             OrtSession.Result r = s.run(Map.of(OnnxExport.FEATURES, in))) {
            compare(m.probabilities(encoded), (float[][]) r.get(0).getValue(), (long[]) r.get(1).getValue(), "table tanh");
        }
        Path file = tmp.resolve("table.onnx");
        Files.write(file, OnnxExport.bytes(m, "table"));
        OnnxChecker.check(file);
    }

    @Test
    void the_graph_is_opset_13_and_carries_class_names_input_and_provenance() throws Exception {
        MlpModel m = MlpModel.of(ImageInput.of(28, 28, 1, false, ImageInput.Resize.NONE, Scaling.UNIT),
                layers(new int[] {784, 10}, Activation.RELU, 1), CLASSES);
        ModelProto p = ModelProto.parseFrom(OnnxExport.bytes(m, "meta"));
        assertThat(p.getIrVersion()).isEqualTo(7);
        assertThat(p.getOpsetImportList()).hasSize(1);
        assertThat(p.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(p.getOpsetImport(0).getVersion()).isEqualTo(13);
        assertThat(p.getProducerName()).isEqualTo("mlp-maven");
        Map<String, String> meta = p.getMetadataPropsList().stream()
                .collect(Collectors.toMap(StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertThat(meta).containsEntry("classNames", "[\"T-shirt/top\",\"Trouser\",\"Pullover\",\"Dress\",\"Coat\","
                        + "\"Sandal\",\"Shirt\",\"Sneaker\",\"Bag\",\"Ankle boot\"]")
                .containsEntry("input", "{\"kind\":\"image\",\"height\":28,\"width\":28,\"channels\":1,\"invert\":false,"
                        + "\"resize\":\"none\",\"scaling\":{\"kind\":\"scale\",\"mean\":0.0,\"std\":1.0}}")
                .containsEntry("provenance", "{}")
                .containsEntry("weightsSha256", m.weightsSha256())
                .containsEntry("mlpFormatVersion", "2");
        assertThat(p.getGraph().getInput(0).getName()).isEqualTo("pixels");
        assertThat(p.getGraph().getOutputList()).extracting(v -> v.getName()).containsExactly("probabilities", "class_index");
        assertThat(OnnxExport.bytes(m, "meta")).isEqualTo(OnnxExport.bytes(m, "meta"));
        try (OrtSession s = session(OnnxExport.bytes(m, "meta"))) {
            assertThat(s.getMetadata().getCustomMetadata()).containsEntry("classNames", meta.get("classNames"));
        }
    }

    /**
     * onnx.checker.check_model(full_check=True) of Debian's python3-onnx, in a child process of Debian's own
     * interpreter /usr/bin/python3 (the one python3-onnx installs into; a python3 earlier on the PATH, e.g. pyenv's,
     * does not see it).
     */
    static final class OnnxChecker {
        static final String PYTHON = "/usr/bin/python3";
        static final String MISSING = "python3-onnx is missing (/usr/bin/python3 -c 'import onnx' fails): "
                + "apt-get install -y python3-onnx";

        private OnnxChecker() {
        }

        static void check(Path file) throws IOException, InterruptedException {
            if (!Files.isExecutable(Path.of(PYTHON))) {
                throw new AssertionError(MISSING);
            }
            Process p = new ProcessBuilder(PYTHON, "-c",
                    "import sys\ntry:\n    import onnx\nexcept ImportError:\n    sys.exit(3)\n"
                            + "onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True)\nprint('ok')",
                    file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("onnx.checker did not finish in 60 s");
            }
            if (p.exitValue() == 3) {
                throw new AssertionError(MISSING);
            }
            assertThat(out.strip()).as("onnx.checker on %s", file).isEqualTo("ok");
        }
    }
}
