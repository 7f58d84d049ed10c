package dev.mlpmaven.engine.model;

import dev.mlpmaven.engine.data.IdxImages;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.train.Evaluation;
import dev.mlpmaven.engine.train.TestResult;
import dev.mlpmaven.runtime.Activation;
import dev.mlpmaven.runtime.Layer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Records that hold arrays compare them by content, and print their lengths instead of identity hashes. */
class RecordsWithArraysTest {
    @Test
    void equal_contents_in_different_arrays_are_equal_and_one_changed_value_is_not() {
        assertThat(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .isEqualTo(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .hasSameHashCodeAs(new DenseLayer(2, 1, "relu", new float[]{1, 2}, new float[]{3}))
                .isNotEqualTo(new DenseLayer(2, 1, "relu", new float[]{1, 2.5f}, new float[]{3}))
                .hasToString("DenseLayer[in=2, out=1, activation=relu, weights=float[2], bias=float[1]]");
        assertThat(new Layer(2, 1, Activation.TANH, new float[]{1, 2}, new float[]{3}))
                .isEqualTo(new Layer(2, 1, Activation.TANH, new float[]{1, 2}, new float[]{3}))
                .isNotEqualTo(new Layer(2, 1, Activation.RELU, new float[]{1, 2}, new float[]{3}));
        TestResult r = new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}});
        assertThat(r).isEqualTo(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}}))
                .hasSameHashCodeAs(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {1, 0}}))
                .isNotEqualTo(new TestResult(0.5, 0.7, new int[][]{{1, 0}, {0, 1}}));
        assertThat(new Evaluation(r, new int[]{0, 0}, new float[]{0.9f, 0.6f}))
                .isEqualTo(new Evaluation(r, new int[]{0, 0}, new float[]{0.9f, 0.6f}));
        assertThat(new IdxImages(1, 1, 2, new byte[]{1, 2})).isEqualTo(new IdxImages(1, 1, 2, new byte[]{1, 2}))
                .isNotEqualTo(new IdxImages(1, 1, 2, new byte[]{1, 3}));
        assertThat(new IdxLabels(2, new byte[]{0, 1})).isEqualTo(new IdxLabels(2, new byte[]{0, 1}))
                .hasToString("IdxLabels[count=2, labels=byte[2]]");
    }
}
