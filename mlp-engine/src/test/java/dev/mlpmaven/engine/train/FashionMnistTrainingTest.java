package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import dev.mlpmaven.engine.SystemPackages;
import dev.mlpmaven.engine.data.LoadedDataset;

import org.junit.jupiter.api.Test;

/** The seed network on the real Fashion-MNIST (Debian package dataset-fashion-mnist). */
class FashionMnistTrainingTest {
    @Test
    void seed_network_reaches_70_percent_test_accuracy_in_two_epochs() throws IOException {
        SystemPackages.require(TestData.FASHION_MNIST, SystemPackages.FASHION_MNIST);
        LoadedDataset data = TestData.fashionMnist();
        TrainingOutcome out = new Trainer(TestData.seedWorkload(2, 0), TrainingListener.NONE).train(data);

        assertThat(out.epochs()).hasSize(2);
        assertThat(out.epochs().get(1).trainLoss()).isLessThan(out.epochs().get(0).trainLoss());
        assertThat(out.test().accuracy()).isGreaterThan(0.70);
        int total = 0;
        for (int[] row : out.test().confusionMatrix()) {
            for (int c : row) {
                total += c;
            }
        }
        assertThat(total).isEqualTo(10_000);
        Evaluation ev = Evaluator.evaluate(out.model(), data.test());
        assertThat(ev.result().accuracy()).isEqualTo(out.test().accuracy());
    }
}
