package dev.mlpmaven.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> OPTIMIZER = Language.OPTIMIZER_OBJECT.names();

    @Test
    void distance_counts_edits_and_adjacent_transpositions_as_one() {
        assertThat(DidYouMean.distance("adam", "adam")).isZero();
        assertThat(DidYouMean.distance("adma", "adam")).isEqualTo(1);
        assertThat(DidYouMean.distance("sgd", "sdg")).isEqualTo(1);
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void suggests_the_key_despite_case_underscores_and_typos() {
        assertThat(DidYouMean.closest("learnigRate", OPTIMIZER)).contains("learningRate");
        assertThat(DidYouMean.closest("learning_rate", OPTIMIZER)).contains("learningRate");
        assertThat(DidYouMean.closest("LearningRate", OPTIMIZER)).contains("learningRate");
        assertThat(DidYouMean.closest("weight-decay", OPTIMIZER)).contains("weightDecay");
        assertThat(DidYouMean.closest("nestrov", OPTIMIZER)).contains("nesterov");
    }

    @Test
    void suggests_nothing_for_a_word_that_is_far_from_every_key() {
        assertThat(DidYouMean.closest("lr", OPTIMIZER)).isEmpty();
        assertThat(DidYouMean.closest("batchSize", OPTIMIZER)).isEmpty();
        assertThat(DidYouMean.closest("linear", List.of("constant", "step", "exponential", "cosine"))).isEmpty();
    }
}
