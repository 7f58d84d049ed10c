package dev.mlpmaven.plugin.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCheckerTest {
    // class 0: 8 of 10 right (0.8); class 1: 3 of 10 right (0.3); class 2: none in the test split
    static final Metrics METRICS = new Metrics("fashion-seed", 0.78125, 0.61,
            new int[][] {{8, 2, 0}, {7, 3, 0}, {0, 0, 0}}, List.of("T-shirt", "Trouser", "Bag"));

    @Test
    void accuracy_below_minimum_reads_like_jacoco() {
        List<CheckResult> r = RuleChecker.check(METRICS, new Rule("*", 0.85, null, null));

        assertThat(r).singleElement().satisfies(c -> {
            assertThat(c.limit()).isEqualTo("minimumTestAccuracy");
            assertThat(c.violations()).containsExactly(
                    "mlp: fashion-seed: test accuracy is 0.7813, but expected minimum is 0.8500");
        });
    }

    @Test
    void limits_that_are_met_pass_with_a_summary() {
        List<CheckResult> r = RuleChecker.check(METRICS, new Rule("*", 0.75, null, 0.7));

        assertThat(r).hasSize(2).allMatch(CheckResult::passed);
        assertThat(r.get(0).summary()).isEqualTo("test accuracy is 0.7813 (minimum 0.7500)");
        assertThat(r.get(1).summary()).isEqualTo("test loss is 0.6100 (maximum 0.7000)");
    }

    @Test
    void loss_above_maximum_is_a_violation() {
        assertThat(RuleChecker.check(METRICS, new Rule("*", null, null, 0.5)).get(0).violations())
                .containsExactly("mlp: fashion-seed: test loss is 0.6100, but expected maximum is 0.5000");
    }

    @Test
    void class_recall_names_each_class_below_minimum_and_skips_empty_classes() {
        CheckResult r = RuleChecker.check(METRICS, new Rule("*", null, 0.5, null)).get(0);

        assertThat(r.violations()).containsExactly(
                "mlp: fashion-seed: recall of class 1 (Trouser) is 0.3000, but expected minimum is 0.5000");
        assertThat(r.summary()).isEqualTo("lowest class recall is 0.3000 (minimum 0.5000)");
    }

    @Test
    void nan_accuracy_never_passes_a_minimum() {
        Metrics nan = new Metrics("x", Double.NaN, Double.NaN, new int[][] {{1}}, List.of());
        assertThat(RuleChecker.check(nan, new Rule("*", 0.1, null, 1.0))).noneMatch(CheckResult::passed);
    }

    @Test
    void rule_applies_to_its_experiment_or_to_all() {
        assertThat(new Rule("a", 0.5, null, null).appliesTo("a")).isTrue();
        assertThat(new Rule("a", 0.5, null, null).appliesTo("b")).isFalse();
        assertThat(new Rule(null, 0.5, null, null).appliesTo("b")).isTrue();
        assertThat(new Rule("*", 0.5, null, null).appliesTo("b")).isTrue();
    }
}
