package dev.mlpmaven.engine.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.Layer;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Scaling;
import dev.mlpmaven.runtime.TableInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PredictRun} on small real files: PNG folders (with and without class subfolders), IDX files, CSV files,
 * and every input it refuses. The model tells dark from bright 2x2 gray images: {@code z_bright = sum x},
 * {@code z_dark = -sum x} with x standardised around mid-gray, so a white image is "bright" with probability
 * {@code 1 / (1 + e^-8) = 0.999665}.
 */
class PredictRunTest {
    static final List<String> CLASSES = List.of("dark", "bright");
    static final Layer OUT = new Layer(4, 2, Activation.SOFTMAX, new float[] {-1, -1, -1, -1, 1, 1, 1, 1}, new float[2]);

    @TempDir
    Path tmp;

    final List<String> log = new ArrayList<>();

    static MlpModel model(ImageInput.Resize resize) {
        return MlpModel.of(ImageInput.of(2, 2, 1, false, resize, Scaling.standardize(0.5f, 0.5f)), List.of(OUT), CLASSES);
    }

    static void png(Path file, int width, int height, int gray) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, gray);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    static Path idxImages(Path file, int count, int rows, int cols, int... grays) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols).putInt(0x803).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < rows * cols; k++) {
                b.put((byte) grays[i]);
            }
        }
        return Files.write(file, b.array());
    }

    static Path idxLabels(Path file, int... labels) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return Files.write(file, b.array());
    }

    PredictRun.Result run(MlpModel model, Path input, Path labels, String labelColumn) {
        return PredictRun.run(model, "m", input, labels, labelColumn, tmp.resolve("out/m"), log::add);
    }

    /** The run fails with {@code message} and leaves no predictions.csv (an earlier run's is removed first). */
    void assertRefused(MlpModel model, Path input, Path labels, String labelColumn, String message) throws IOException {
        Files.deleteIfExists(tmp.resolve("out/m/predictions.csv"));
        assertThatThrownBy(() -> run(model, input, labels, labelColumn)).isInstanceOf(UserException.class)
                .hasMessage(message);
        assertThat(tmp.resolve("out/m/predictions.csv")).doesNotExist();
    }

    @Test
    void a_folder_labelled_by_class_subfolders_gives_predictions_accuracy_and_a_confusion_matrix() throws IOException {
        Path dir = tmp.resolve("images");
        png(dir.resolve("dark/a.png"), 2, 2, 0);
        png(dir.resolve("dark/b.png"), 2, 2, 255);
        png(dir.resolve("bright/c.png"), 2, 2, 255);
        Files.writeString(dir.resolve("dark/README.txt"), "not an image");

        PredictRun.Result r = run(model(ImageInput.Resize.NONE), dir, null, null);

        assertThat(Files.readString(r.predictions())).isEqualTo("""
                input,label,predicted,probability,top1,top1_probability,top2,top2_probability
                bright/c.png,bright,bright,0.999665,bright,0.999665,dark,0.000335
                dark/a.png,dark,dark,0.999665,dark,0.999665,bright,0.000335
                dark/b.png,dark,bright,0.999665,bright,0.999665,dark,0.000335
                """);
        assertThat(r.accuracy()).isEqualTo(2.0 / 3);
        assertThat(r.confusion()).isDeepEqualTo(new int[][] {{1, 1}, {0, 1}});
        JsonNode json = new ObjectMapper().readTree(r.summary().toFile());
        assertThat(json.get("count").asInt()).isEqualTo(3);
        assertThat(json.get("accuracy").asDouble()).isEqualTo(2.0 / 3);
        assertThat(json.get("confusionMatrix").toString()).isEqualTo("[[1,1],[0,1]]");
        assertThat(json.get("predictedCounts").toString()).isEqualTo("[1,2]");
        assertThat(log).containsExactly(
                "mlp: m: predicting 3 images in " + dir + " (labelled by subfolder), 1 other files ignored",
                "mlp: m: predicted 3 inputs: dark 1, bright 2",
                "mlp: m: accuracy 0.6667 (2 of 3 correct)",
                "mlp: m: confusion matrix (rows: true class, columns: predicted class)",
                "mlp: m:               0    1",
                "mlp: m:  0 dark       1    1",
                "mlp: m:  1 bright     0    1",
                "mlp: m: wrote " + tmp.resolve("out/m/predictions.csv") + " and predictions.json");
        try (var files = Files.list(tmp.resolve("out/m"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("predictions.csv",
                    "predictions.json");
        }
    }

    @Test
    void images_directly_in_the_folder_have_no_labels() throws IOException {
        Path dir = tmp.resolve("flat");
        png(dir.resolve("x.png"), 2, 2, 200);
        png(dir.resolve("y.PNG"), 2, 2, 20);
        PredictRun.Result r = run(model(ImageInput.Resize.NONE), dir, null, null);
        assertThat(Files.readAllLines(r.predictions())).containsExactly(
                "input,predicted,probability,top1,top1_probability,top2,top2_probability",
                "x.png,bright,0.989533,bright,0.989533,dark,0.010467",
                "y.PNG,dark,0.998825,dark,0.998825,bright,0.001175");
        assertThat(r.accuracy()).isNaN();
        assertThat(r.confusion()).isNull();
        assertThat(new ObjectMapper().readTree(r.summary().toFile()).get("labelled").asBoolean()).isFalse();
    }

    @Test
    void an_idx_file_with_labels_is_predicted_and_scored() throws IOException {
        Path images = idxImages(tmp.resolve("t-images-idx3-ubyte"), 3, 2, 2, 0, 255, 100);
        Path labels = idxLabels(tmp.resolve("t-labels-idx1-ubyte"), 0, 1, 1);
        PredictRun.Result r = run(model(ImageInput.Resize.NONE), images, labels, null);
        assertThat(Files.readAllLines(r.predictions())).containsExactly(
                "input,label,predicted,probability,top1,top1_probability,top2,top2_probability",
                "t-images-idx3-ubyte#0,dark,dark,0.999665,dark,0.999665,bright,0.000335",
                "t-images-idx3-ubyte#1,bright,bright,0.999665,bright,0.999665,dark,0.000335",
                "t-images-idx3-ubyte#2,bright,dark,0.848835,dark,0.848835,bright,0.151165");
        assertThat(r.accuracy()).isEqualTo(2.0 / 3);
    }

    @Test
    void images_of_another_size_are_resized_when_the_model_says_so_and_refused_otherwise() throws IOException {
        Path dir = tmp.resolve("big");
        png(dir.resolve("white.png"), 6, 4, 255);
        Path idx = idxImages(tmp.resolve("big-idx3-ubyte"), 1, 4, 4, 255);
        assertRefused(model(ImageInput.Resize.NONE), dir, null, null, dir.resolve("white.png") + ": image: found 6x4 "
                + "pixels (width x height), expected 2x2 - the model does not resize (resize: none); give an image of "
                + "2x2 pixels");
        assertRefused(model(ImageInput.Resize.NONE), idx, null, null, idx + ": image: found 4x4 pixels (width x "
                + "height), expected 2x2 - the model does not resize (resize: none); give an image of 2x2 pixels");
        MlpModel v1 = MlpModel.of(ImageInput.unsized(4, Scaling.standardize(0.5f, 0.5f)), List.of(OUT), CLASSES);
        assertRefused(v1, idx, null, null, idx + ": found images of 16 pixels, expected 4 (the model's input size; it "
                + "records no image size)");
        assertThat(Files.readAllLines(run(model(ImageInput.Resize.BILINEAR), dir, null, null).predictions()).get(1))
                .isEqualTo("white.png,bright,0.999665,bright,0.999665,dark,0.000335");
        assertThat(Files.readAllLines(run(model(ImageInput.Resize.BILINEAR), idx, null, null).predictions()).get(1))
                .isEqualTo("big-idx3-ubyte#0,bright,0.999665,bright,0.999665,dark,0.000335");
    }

    @Test
    void a_csv_file_is_predicted_by_a_table_model_with_a_label_column() throws IOException {
        TableInput table = new TableInput(List.of(new TableInput.Numeric("size", 0f, 1f),
                new TableInput.Categorical("colour", List.of("black", "white", "grey"))), TableInput.Unseen.ERROR,
                TableInput.Missing.ERROR);
        MlpModel m = MlpModel.of(table, List.of(OUT), CLASSES);
        Path csv = Files.writeString(tmp.resolve("rows.csv"), "id,size,colour,truth\n1,1,white,bright\n2,-2,black,dark\n");
        PredictRun.Result r = run(m, csv, null, "truth");
        assertThat(Files.readAllLines(r.predictions())).containsExactly(
                "input,label,predicted,probability,top1,top1_probability,top2,top2_probability",
                "line 2,bright,bright,0.982014,bright,0.982014,dark,0.017986",
                "line 3,dark,dark,0.880797,dark,0.880797,bright,0.119203");
        assertThat(r.accuracy()).isEqualTo(1.0);
        assertThat(run(m, csv, null, null).confusion()).isNull();

        Path bad = Files.writeString(tmp.resolve("bad.csv"), "size,colour,truth\n1,white,bright\nbig,black,dark\n");
        assertRefused(m, bad, null, "truth", bad + ": line 3: feature 'size': found \"big\", expected a finite decimal "
                + "number such as -1.5 or 3e-2");
        assertRefused(m, csv, null, "label", csv + ": labelColumn 'label': found no such column, expected one of the "
                + "header's columns: id, size, colour, truth");
        Path unknown = Files.writeString(tmp.resolve("unknown.csv"), "size,colour,truth\n1,white,medium\n");
        assertRefused(m, unknown, null, "truth", unknown + ": line 2: label 'medium' is not a class of the model, "
                + "expected one of dark, bright");
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "size,colour\n");
        assertRefused(m, empty, null, null, empty + ": found no data rows, expected a header row and at least one row");
        Path missing = Files.writeString(tmp.resolve("missing.csv"), "size\n1\n");
        assertRefused(m, missing, null, null, missing + ": line 2: row: feature 'colour' is missing - give a value for "
                + "each of the model's features: size, colour");
        assertRefused(m, tmp, null, null, tmp + ": found a folder, but the model's input is a table (" + table
                + ") - give a CSV file (.csv, or compressed .csv.gz, .csv.xz, .csv.bz2, .csv.zst)");
        assertRefused(model(ImageInput.Resize.NONE), csv, null, null, csv + ": found a CSV file, but the model's input "
                + "is an image (" + model(ImageInput.Resize.NONE).input() + ") - give a folder of images or an IDX "
                + "images file");
    }

    @Test
    void bad_folders_are_refused_naming_what_is_wrong() throws IOException {
        MlpModel m = model(ImageInput.Resize.NONE);
        assertRefused(m, tmp.resolve("nope"), null, null, tmp.resolve("nope") + ": input not found - give a folder of "
                + "images, an IDX images file or a CSV file");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "x");
        assertRefused(m, empty, null, null, empty + ": found no image files (.png, .jpg, .jpeg, .bmp, .gif), expected at "
                + "least one");
        Path wrongClass = tmp.resolve("wrong");
        png(wrongClass.resolve("dark/a.png"), 2, 2, 0);
        png(wrongClass.resolve("light/b.png"), 2, 2, 0);
        assertRefused(m, wrongClass, null, null, wrongClass.resolve("light") + ": found a folder that is not a class of "
                + "the model, expected one of dark, bright - put the images directly in " + wrongClass + ", or in "
                + "subfolders named after the classes (then accuracy is computed)");
        Path mixed = tmp.resolve("mixed");
        png(mixed.resolve("dark/a.png"), 2, 2, 0);
        png(mixed.resolve("top.png"), 2, 2, 0);
        assertRefused(m, mixed, null, null, mixed.resolve("top.png") + ": found an image outside the class subfolders, "
                + "expected every image in a subfolder named after its class, or every image directly in " + mixed);
        Path deep = tmp.resolve("deep");
        png(deep.resolve("dark/x/a.png"), 2, 2, 0);
        assertRefused(m, deep, null, null, deep.resolve("dark/x/a.png") + ": found an image 2 folders deep, expected it "
                + "directly in " + deep + " or in a subfolder named after its class");
        Path labels = idxLabels(tmp.resolve("l-idx1-ubyte"), 0);
        assertRefused(m, deep, labels, null, "labels " + labels + ": labels files go with an IDX images input, found a "
                + "folder - an image folder takes its labels from class-named subfolders, a CSV file from labelColumn");
        assertRefused(m, deep, null, "truth", "labelColumn 'truth': found input " + deep + ", expected a CSV file - an "
                + "image folder takes its labels from class-named subfolders, an IDX images file from an IDX labels file");
    }

    @Test
    void broken_and_hostile_images_are_refused_and_nothing_is_written() throws IOException {
        MlpModel m = model(ImageInput.Resize.BILINEAR);
        Path dir = tmp.resolve("broken");
        png(dir.resolve("a.png"), 2, 2, 0);
        Files.writeString(dir.resolve("b.png"), "this is text, not a PNG");
        assertRefused(m, dir, null, null, dir.resolve("b.png") + ": found a file that javax.imageio cannot read as an "
                + "image, expected a PNG, JPEG, BMP or GIF image - the file is damaged or of another type");

        Path huge = tmp.resolve("huge");
        Files.createDirectories(huge);
        Files.write(huge.resolve("bomb.png"), pngClaiming(100_000, 100_000));
        assertRefused(m, huge, null, null, huge.resolve("bomb.png") + ": found an image of 100000x100000 pixels, "
                + "expected at most 50000000 pixels - shrink it first");

        Path cut = tmp.resolve("cut");
        Files.createDirectories(cut);
        Files.write(cut.resolve("c.png"), java.util.Arrays.copyOf(pngBytes(2, 2), 44)); // cut inside the image data
        assertRefused(m, cut, null, null, cut.resolve("c.png") + ": cannot decode the image (Error reading PNG image "
                + "data), expected a PNG, JPEG, BMP or GIF image - the file is damaged");
    }

    static byte[] pngBytes(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    /** A valid 1x1 PNG whose header (IHDR, with a correct CRC) claims {@code w x h} pixels. */
    static byte[] pngClaiming(int w, int h) throws IOException {
        byte[] png = pngBytes(1, 1);
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, w).putInt(20, h); // IHDR data starts at 16: signature 8, length 4, type 4
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // type + 13 data bytes
        b.putInt(29, (int) crc.getValue());
        return png;
    }
}
