package dev.mlpmaven.engine.train;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.Init;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.ModelSpec;
import dev.mlpmaven.config.Normalization;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.runtime.InputSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryBudgetTest {
    private static LoadedDataset data(int train, int test) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("c" + c);
        }
        byte[] labels = new byte[train];
        for (int i = 0; i < train; i++) {
            labels[i] = (byte) (i % 10);
        }
        byte[] testLabels = new byte[test];
        return new LoadedDataset("d", new DataSplit(new IdxImages(train, 28, 28, new byte[train * 784]),
                new IdxLabels(train, labels)), new DataSplit(new IdxImages(test, 28, 28, new byte[test * 784]),
                new IdxLabels(test, testLabels)), names, Map.of(), Map.of());
    }

    private static Experiment experiment(List<Integer> hidden, OptimizerType type, double momentum) {
        return new Experiment(1, "e", 1, DatasetSpec.named("fashion-mnist-sample"),
                new ModelSpec(hidden.stream().map(u -> new LayerSpec(u, Activation.RELU, 0, Init.HE)).toList(),
                        Normalization.SCALE),
                new OptimizerSpec(type, 0.01, momentum, false, 0, 0.9, 0.999, 0.9, 1e-8, 0, ScheduleSpec.CONSTANT),
                new TrainingSpec(256, 1, 0.1, null, 0), null);
    }

    @Test
    void the_estimate_counts_what_the_trainer_allocates() {
        // 784 -> 256 -> 10: 256 x 785 + 10 x 257 (aligned to 16: 2576) = 203536 parameters; 900 training samples
        // after the 0.1 split, batch 256; evaluation batch 200 (the test set); plain SGD keeps no gradients, no state
        MemoryBudget.Estimate e = MemoryBudget.estimate(experiment(List.of(256), OptimizerType.SGD, 0), data(1000, 200));
        assertThat(e.weights()).isEqualTo(203536L * 4);
        assertThat(e.gradients()).isZero();
        assertThat(e.optimizerState()).isEqualTo(200960L * 4); // the largest layer while it is initialised
        assertThat(e.activations()).isEqualTo((256L * 785 + 10 * 256 + 2 * 257 * 256 + 200 * 785 + 10 * 200 + 257 * 200) * 4);
        assertThat(e.inputs()).isEqualTo(1000L * 785 * 4);
        assertThat(e.batch()).isEqualTo(256);

        MemoryBudget.Estimate adam = MemoryBudget.estimate(experiment(List.of(256), OptimizerType.ADAM, 0),
                data(1000, 200));
        assertThat(adam.gradients()).isEqualTo(203536L * 4);
        assertThat(adam.optimizerState()).isEqualTo((2 * 203536L + 200960) * 4);
    }

    @Test
    void a_network_that_does_not_fit_fails_with_what_it_needs_what_there_is_and_the_knob() {
        MemoryBudget.Limits limits = new MemoryBudget.Limits(1L << 20, 1L << 30, 1L << 20);
        assertThatThrownBy(() -> MemoryBudget.check(experiment(List.of(256), OptimizerType.SGD, 0), data(1000, 200),
                limits)).isInstanceOf(UserException.class).hasMessage("model: found a network that needs about 7 MiB"
                + " (weights 795 KiB, gradients 0 B, optimizer state 785 KiB, activations for a batch of 256 2 MiB,"
                + " converted inputs 3 MiB), expected at most 2 MiB, what this JVM may use (heap 1 MiB free of -Xmx"
                + " 1.0 GiB, off-heap 1 MiB) - give the fork more memory with -Dmlp.forkMaxHeap=1g (its -Xmx and"
                + " off-heap limit), or use smaller layers (model.hidden) or a smaller training.batchSize");
        MemoryBudget.check(experiment(List.of(256), OptimizerType.SGD, 0), data(1000, 200),
                new MemoryBudget.Limits(1L << 30, 1L << 30, 1L << 30));
    }

    @Test
    void a_first_layer_whose_weights_no_array_holds_never_fits() {
        assertThatThrownBy(() -> MemoryBudget.estimate(experiment(List.of(3_000_000), OptimizerType.SGD, 0),
                data(10, 10))).isInstanceOf(UserException.class).hasMessage("model: found layer 1 with 3000000 units"
                + " after 784 inputs, whose weights are 2355000000 values in one array, expected at most 2147483639"
                + " - no JVM can hold that array; use smaller layers (model.hidden)");
    }

    @Test
    void a_network_whose_parameters_together_exceed_one_array_never_fits() {
        assertThatThrownBy(() -> MemoryBudget.estimate(experiment(List.of(40000, 40000, 40000), OptimizerType.SGD, 0),
                data(10, 10))).isInstanceOf(UserException.class).hasMessage("model: found a network of 3231880016"
                + " parameters, expected at most 2147483639 - its weights are one array, which no JVM can hold that"
                + " large; use smaller layers (model.hidden)");
    }

    @Test
    void the_language_allows_layers_as_wide_as_a_model_file_holds() {
        assertThat(LayerSpec.MAX_UNITS).isEqualTo(InputSpec.MAX_SIZE);
        assertThat(LayerSpec.MAX_WEIGHTS).isEqualTo(MemoryBudget.MAX_ARRAY);
    }

    @Test
    void this_jvm_reports_finite_limits() {
        MemoryBudget.Limits l = MemoryBudget.Limits.ofThisJvm();
        assertThat(l.maxHeap()).isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(l.heapFree()).isPositive().isLessThanOrEqualTo(l.maxHeap());
        assertThat(l.offHeapFree()).isPositive().isLessThan(Long.MAX_VALUE);
    }
}
