package dev.mlpmaven.engine.model;

import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.engine.data.DataListener;
import dev.mlpmaven.engine.data.DatasetResolver;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.run.ExperimentRunner;
import dev.mlpmaven.engine.run.RunOptions;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.Trainer;
import dev.mlpmaven.engine.train.TrainingListener;
import dev.mlpmaven.engine.train.TrainingOutcome;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;
import dev.mlpmaven.runtime.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model trained on the embedded Fashion-MNIST sample, written to a file and loaded by the runtime, predicts
 * every test image as the engine's evaluation did: the same class for every image and the same probability of
 * that class within 1e-5, so the same accuracy.
 */
class EmbeddedSampleRuntimeTest {
    @TempDir
    Path tmp;

    @Test
    void runtime_predicts_every_test_image_of_the_sample_as_the_engines_evaluation() throws Exception {
        Path yaml = tmp.resolve("sample.yaml");
        Files.writeString(yaml, """
                version: 1
                name: sample
                seed: 11
                dataset: fashion-mnist-sample
                model:
                  hidden: [128, 64]
                  normalization: standardize
                optimizer: {type: sgd, learningRate: 0.05, momentum: 0.9}
                training: {batchSize: 64, epochs: 2}
                """);
        Experiment exp = ExperimentLoader.load(yaml, Map.of());
        RunOptions options = new RunOptions(tmp.resolve("mlp"), tmp, tmp.resolve("cache"), true, List.of(), Map.of(),
                false, null, Map.of());
        LoadedDataset data = new DatasetResolver(ExperimentRunner.dataOptions(options), DataListener.SILENT)
                .resolve(exp.dataset());
        TrainingOutcome outcome = new Trainer(exp, TrainingListener.NONE).train(data);
        Path file = tmp.resolve("model.mlp");
        ModelFile.write(outcome.model(), GoldenModelGenerator.provenance(), file);

        MlpModel model = MlpModel.load(file);
        assertThat(model.input()).isEqualTo(ImageInput.of(28, 28, 1, false, ImageInput.Resize.NONE,
                outcome.model().scaling().toRuntime()));
        IdxImages images = data.test().images();
        int n = data.test().size();
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = ((ImageInput) model.input()).features(images.pixels(), i * images.pixelsPerImage());
        }
        List<Prediction> predictions = model.predict(x);
        Evaluation evaluation = outcome.evaluation();
        double worst = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            assertThat(predictions.get(i).index()).as("test image %d", i).isEqualTo(evaluation.predicted()[i]);
            worst = Math.max(worst, Math.abs(predictions.get(i).probability() - evaluation.confidence()[i]));
            correct += predictions.get(i).index() == data.test().labels().label(i) ? 1 : 0;
        }
        assertThat(worst).as("largest difference of the predicted class's probability").isLessThanOrEqualTo(1e-5);
        assertThat((double) correct / n).isEqualTo(evaluation.result().accuracy()).isGreaterThan(0.7);
    }
}
