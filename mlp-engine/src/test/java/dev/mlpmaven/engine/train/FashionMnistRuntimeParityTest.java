package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.GoldenModelGenerator;
import dev.mlpmaven.engine.model.ModelFile;
import dev.mlpmaven.engine.model.TrainedModel;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed network (784-256-ReLU-256-ReLU-10) trained two epochs on the real Fashion-MNIST (Debian package
 * dataset-fashion-mnist), written to {@code model.mlp} and loaded by mlp-runtime, predicts all 10,000 test images
 * as the engine does: the same class as the engine's {@link Evaluator} for every image, and every one of the ten
 * class probabilities within 1e-5 of the engine's.
 *
 * <p>The engine's full probability vectors come from its own softmax ({@link Workspace#softmaxCrossEntropy} in
 * gradient mode leaves {@code (softmax - onehot) / b} in the logits, from which {@code softmax} is taken back; the
 * evaluation itself keeps only the probability of the predicted class).
 */
class FashionMnistRuntimeParityTest {
    static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    @Test
    void runtime_predicts_the_10000_test_images_as_the_engine() throws IOException {
        LoadedDataset data = TestData.fashionMnist();
        TrainedModel trained = new Trainer(TestData.seedWorkload(2, 0), TrainingListener.NONE).train(data).model();
        Path file = tmp.resolve("model.mlp");
        ModelFile.write(trained, GoldenModelGenerator.provenance(), file);
        MlpModel runtime = MlpModel.load(file);

        DataSplit test = data.test();
        int n = test.size();
        assertThat(n).isEqualTo(10_000);
        ImageInput input = (ImageInput) runtime.input();
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = input.features(test.images().pixels(), i * test.images().pixelsPerImage());
        }
        float[][] p = runtime.probabilities(x);

        Evaluation evaluation = Evaluator.evaluate(trained, test);
        float[][] engine = engineProbabilities(trained, test);

        double worst = 0;
        double worstConfidence = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int cls = argmax(p[i]);
            assertThat(cls).as("test image %d: runtime's class vs the engine's evaluation", i)
                    .isEqualTo(evaluation.predicted()[i]);
            assertThat(argmax(engine[i])).as("test image %d: argmax of the engine's probabilities", i).isEqualTo(cls);
            worstConfidence = Math.max(worstConfidence, Math.abs(p[i][cls] - evaluation.confidence()[i]));
            for (int c = 0; c < p[i].length; c++) {
                worst = Math.max(worst, Math.abs(p[i][c] - engine[i][c]));
            }
            correct += cls == test.labels().label(i) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "runtime vs engine on the %d Fashion-MNIST test images: same class for all, "
                + "largest difference of any class probability %.3g, of the predicted class's probability vs the "
                + "evaluation's confidence %.3g; accuracy %.4f%n", n, worst, worstConfidence, (double) correct / n);
        assertThat(worst).as("largest difference of any class probability").isLessThanOrEqualTo(TOLERANCE);
        assertThat(worstConfidence).as("largest difference of the predicted class's probability")
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat((double) correct / n).isEqualTo(evaluation.result().accuracy()).isGreaterThan(0.70);
    }

    /** Every class probability of every sample of {@code split}, by the engine (ND4J gemm, the engine's softmax). */
    static float[][] engineProbabilities(TrainedModel m, DataSplit split) {
        Natives.init();
        Network net = Network.of(m);
        Workspace ws = new Workspace(net, Trainer.EVAL_BATCH, false);
        try {
            int n = split.size();
            int classes = m.numClasses();
            float[][] p = new float[n][classes];
            int[] y = new int[ws.maxBatch];
            float[] row = new float[net.inputSize];
            float[] e = new float[classes * ws.maxBatch];
            for (int start = 0; start < n; start += ws.maxBatch) {
                int b = Math.min(ws.maxBatch, n - start);
                ws.gather(b, split.images().pixels(), split.inputWidth(), split.labels().labels(), null, start,
                        m.pixelTable(), y, row);
                Workspace.Views v = ws.views(b);
                ws.forward(v);
                ws.softmaxCrossEntropy(v, y, true, null, null, 0);
                ws.lf.get(0, e, 0, classes * b);
                for (int j = 0; j < b; j++) {
                    for (int c = 0; c < classes; c++) {
                        p[start + j][c] = e[c * b + j] * b + (c == y[j] ? 1f : 0f);
                    }
                }
            }
            return p;
        } finally {
            ws.release();
            net.release();
        }
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
}
