package com.example;

import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Prediction;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * module-a's model, a dependency of type mlp, predicts the embedded sample's 1000 test images with exactly the
 * test accuracy module-a's training reported in metrics.json.
 */
class SampleModelTest {
    static final String SAMPLE = "dev/mlpmaven/engine/data/fashion-mnist-sample/";

    static byte[] idx(String name, int magic, int headerInts) throws IOException {
        try (InputStream raw = SampleModelTest.class.getClassLoader().getResourceAsStream(SAMPLE + name);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            assertEquals(magic, in.readInt(), name + ": magic");
            int count = in.readInt();
            int size = count;
            for (int i = 2; i < headerInts; i++) {
                size *= in.readInt();
            }
            byte[] data = new byte[size];
            in.readFully(data);
            return data;
        }
    }

    @Test
    void module_a_model_predicts_the_sample_test_images_with_module_a_reported_accuracy() throws Exception {
        MlpModel model = MlpModel.loadResource("mlp/module-a-sample.mlp");
        byte[] pixels = idx("t10k-images-idx3-ubyte.gz", 0x803, 4);
        byte[] labels = idx("t10k-labels-idx1-ubyte.gz", 0x801, 2);
        ImageInput input = (ImageInput) model.input();
        float[][] x = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            x[i] = input.features(pixels, i * input.size());
        }
        List<Prediction> predictions = model.predict(x);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += predictions.get(i).index() == labels[i] ? 1 : 0;
        }
        String metrics = Files.readString(Path.of(System.getProperty("moduleA.metrics")));
        Matcher m = Pattern.compile("\"test\"\\s*:\\s*\\{[^}]*?\"accuracy\"\\s*:\\s*([0-9.eE+-]+)").matcher(metrics);
        if (!m.find()) {
            throw new AssertionError("no test accuracy in " + metrics);
        }
        double reported = Double.parseDouble(m.group(1));
        System.out.println("module-a reported " + reported + "; module-b computed " + correct + "/" + labels.length);
        assertEquals(1000, labels.length);
        assertEquals(reported, (double) correct / labels.length);
    }
}
