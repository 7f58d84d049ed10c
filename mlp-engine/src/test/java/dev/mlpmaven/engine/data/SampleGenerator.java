package dev.mlpmaven.engine.data;

import dev.mlpmaven.engine.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the embedded sample {@code fashion-mnist-sample}: a stratified subset of the real Fashion-MNIST taken
 * from Debian's package {@code dataset-fashion-mnist} (600 training and 100 test images per class, 6,000 + 1,000
 * in all). For each class the indices of its images are shuffled with {@code new Random(SEED + class)} and the
 * first ones kept; the kept indices are then sorted, so the sample keeps the original order of the files.
 * Not run by the tests; run it by hand when the sample must be remade:
 * <pre>mvn -o -q -pl mlp-engine -am test-compile
 * java -cp mlp-engine/target/test-classes:mlp-engine/target/classes:mlp-config/target/classes \
 *     dev.mlpmaven.engine.data.SampleGenerator /usr/share/datasets/fashion-mnist \
 *     mlp-engine/src/main/resources/dev/mlpmaven/engine/data/fashion-mnist-sample</pre>
 * The output is reproducible: same input, same bytes ({@code SampleTest} checks the committed files' hashes
 * and class counts).
 */
public final class SampleGenerator {
    public static final long SEED = 20170825L; // the day Fashion-MNIST was published
    public static final int TRAIN_PER_CLASS = 600;
    public static final int TEST_PER_CLASS = 100;

    private SampleGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        Path out = Path.of(args.length > 1 ? args[1]
                : "mlp-engine/src/main/resources/dev/mlpmaven/engine/data/fashion-mnist-sample");
        Files.createDirectories(out);
        IdxReader reader = new IdxReader();
        for (String split : new String[] {"train", "t10k"}) {
            IdxImages images = reader.readImages(in.resolve(split + "-images-idx3-ubyte.gz")).data();
            IdxLabels labels = reader.readLabels(in.resolve(split + "-labels-idx1-ubyte.gz"), 10).data();
            int perClass = split.equals("train") ? TRAIN_PER_CLASS : TEST_PER_CLASS;
            int[] chosen = choose(labels, 10, perClass, SEED + (split.equals("train") ? 0 : 1000));
            int ppi = images.pixelsPerImage();
            ByteBuffer img = ByteBuffer.allocate(16 + chosen.length * ppi)
                    .putInt(IdxReader.IMAGES_MAGIC).putInt(chosen.length).putInt(images.rows()).putInt(images.cols());
            ByteBuffer lab = ByteBuffer.allocate(8 + chosen.length).putInt(IdxReader.LABELS_MAGIC).putInt(chosen.length);
            for (int i : chosen) {
                img.put(images.pixels(), i * ppi, ppi);
                lab.put((byte) labels.label(i));
            }
            write(out.resolve(split + "-images-idx3-ubyte.gz"), img.array());
            write(out.resolve(split + "-labels-idx1-ubyte.gz"), lab.array());
            System.out.println(split + ": " + chosen.length + " images written to " + out);
        }
    }

    /** Indices of {@code perClass} items of each class, chosen by a seeded shuffle, in ascending order. */
    static int[] choose(IdxLabels labels, int classes, int perClass, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> ofClass = new ArrayList<>();
            for (int i = 0; i < labels.count(); i++) {
                if (labels.label(i) == c) {
                    ofClass.add(i);
                }
            }
            Collections.shuffle(ofClass, new Random(seed + c));
            all.addAll(ofClass.subList(0, perClass));
        }
        int[] chosen = all.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(chosen);
        return chosen;
    }

    private static void write(Path target, byte[] content) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream(content.length / 2);
        try (OutputStream o = new GZIPOutputStream(gz, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            o.write(content);
        }
        AtomicFiles.write(target, gz.toByteArray());
    }
}
