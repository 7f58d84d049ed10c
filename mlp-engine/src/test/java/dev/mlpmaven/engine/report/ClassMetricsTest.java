package dev.mlpmaven.engine.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassMetricsTest {
    private static final double EPS = 1e-12;

    /**
     * Hand-computed, rows true, columns predicted:
     * <pre>
     *          A  B  C   support
     *   A    [ 5, 1, 0 ]   6
     *   B    [ 2, 3, 0 ]   5
     *   C    [ 1, 1, 0 ]   2
     *   pred   8  5  0    13
     * </pre>
     * A: P 5/8, R 5/6, F1 2*5/(8+6) = 10/14. B: P 3/5, R 3/5, F1 3/5. C is never predicted: P 0 (0/0 rule), R 0/2,
     * F1 0.
     */
    private static final int[][] CM = {{5, 1, 0}, {2, 3, 0}, {1, 1, 0}};

    @Test
    void precision_recall_f1_and_support_match_the_hand_computed_matrix() {
        ClassMetrics m = ClassMetrics.of(CM, List.of("A", "B", "C"));

        ClassMetrics.PerClass a = m.classes().get(0);
        assertThat(a.name()).isEqualTo("A");
        assertThat(a.precision()).isCloseTo(5.0 / 8, within(EPS));
        assertThat(a.recall()).isCloseTo(5.0 / 6, within(EPS));
        assertThat(a.f1()).isCloseTo(10.0 / 14, within(EPS));
        assertThat(a.support()).isEqualTo(6);
        assertThat(a.predicted()).isEqualTo(8);

        ClassMetrics.PerClass b = m.classes().get(1);
        assertThat(b.precision()).isCloseTo(0.6, within(EPS));
        assertThat(b.recall()).isCloseTo(0.6, within(EPS));
        assertThat(b.f1()).isCloseTo(0.6, within(EPS));
        assertThat(b.support()).isEqualTo(5);

        assertThat(m.total()).isEqualTo(13);
        assertThat(m.correct()).isEqualTo(8);
        assertThat(m.accuracy()).isCloseTo(8.0 / 13, within(EPS));
    }

    @Test
    void a_class_never_predicted_has_precision_zero_and_counts_in_the_macro_average() {
        ClassMetrics m = ClassMetrics.of(CM, List.of("A", "B", "C"));

        ClassMetrics.PerClass c = m.classes().get(2);
        assertThat(c.predicted()).isZero();
        assertThat(c.precision()).isZero();
        assertThat(c.recall()).isZero();
        assertThat(c.f1()).isZero();
        assertThat(c.support()).isEqualTo(2);

        assertThat(m.macroPrecision()).isCloseTo((5.0 / 8 + 0.6 + 0) / 3, within(EPS));
        assertThat(m.macroRecall()).isCloseTo((5.0 / 6 + 0.6 + 0) / 3, within(EPS));
        assertThat(m.macroF1()).isCloseTo((10.0 / 14 + 0.6 + 0) / 3, within(EPS));
    }

    @Test
    void a_class_without_samples_has_recall_zero() {
        // B has no samples but was predicted once (a false positive): P 0/1, R 0/0 -> 0, F1 0.
        ClassMetrics m = ClassMetrics.of(new int[][] {{3, 1}, {0, 0}}, List.of("A", "B"));

        ClassMetrics.PerClass b = m.classes().get(1);
        assertThat(b.support()).isZero();
        assertThat(b.precision()).isZero();
        assertThat(b.recall()).isZero();
        assertThat(b.f1()).isZero();
        ClassMetrics.PerClass a = m.classes().get(0);
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isEqualTo(0.75);
        assertThat(a.f1()).isCloseTo(2 * 0.75 / 1.75, within(EPS));
    }

    @Test
    void a_perfect_matrix_gives_ones() {
        ClassMetrics m = ClassMetrics.of(new int[][] {{4, 0}, {0, 7}}, List.of("A", "B"));

        assertThat(m.macroPrecision()).isEqualTo(1.0);
        assertThat(m.macroRecall()).isEqualTo(1.0);
        assertThat(m.macroF1()).isEqualTo(1.0);
        assertThat(m.accuracy()).isEqualTo(1.0);
    }

    @Test
    void rejects_a_matrix_that_is_not_square() {
        assertThatThrownBy(() -> ClassMetrics.of(new int[][] {{1, 0}, {0}}, List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusion matrix row 1: found 1 columns, expected 2 (one per class)");
    }

    @Test
    void rejects_class_names_that_do_not_match_the_matrix() {
        assertThatThrownBy(() -> ClassMetrics.of(CM, List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("class names: found 2 names, expected 3 (one per row of the confusion matrix)");
    }

    @Test
    void rejects_negative_counts() {
        assertThatThrownBy(() -> ClassMetrics.of(new int[][] {{1, -2}, {0, 1}}, List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("confusion matrix [0][1]: found -2, expected a count >= 0");
    }
}
