package dev.mlpmaven.runtime;

import dev.mlpmaven.runtime.TableInput.Categorical;
import dev.mlpmaven.runtime.TableInput.Missing;
import dev.mlpmaven.runtime.TableInput.Numeric;
import dev.mlpmaven.runtime.TableInput.Unseen;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableInputTest {
    static final Numeric LENGTH = new Numeric("sepal_length", 5.8f, 0.8f);
    static final Categorical COLOR = new Categorical("color", List.of("blue", "red", "green"));
    static final Numeric WIDTH = new Numeric("sepal_width", 3f, 0.5f);
    static final TableInput STRICT = new TableInput(List.of(LENGTH, COLOR, WIDTH), Unseen.ERROR, Missing.ERROR);
    static final TableInput LENIENT = new TableInput(List.of(LENGTH, COLOR, WIDTH), Unseen.ZERO, Missing.MEAN);

    @Test
    void numeric_features_are_standardised_in_float_and_categories_one_hot_in_feature_order() {
        assertThat(STRICT.size()).isEqualTo(5);
        assertThat(STRICT.kind()).isEqualTo("table");
        assertThat(STRICT.encode("6.6", "red", "2.5"))
                .containsExactly((6.6f - 5.8f) / 0.8f, 0f, 1f, 0f, (2.5f - 3f) / 0.5f);
        assertThat(STRICT.encode(List.of("-1e1", "green", "+.5")))
                .containsExactly((-10f - 5.8f) / 0.8f, 0f, 0f, 1f, (0.5f - 3f) / 0.5f);
    }

    @Test
    void a_row_by_name_ignores_other_columns_and_values_are_trimmed() {
        Map<String, String> row = Map.of("id", "17", "color", " blue ", "sepal_width", "3", "sepal_length", "\t5.8 ",
                "species", "setosa");
        assertThat(STRICT.encode(row)).containsExactly(0f, 1f, 0f, 0f, 0f);
    }

    @Test
    void a_feature_missing_from_a_named_row_is_refused() {
        assertThatThrownBy(() -> STRICT.encode(Map.of("sepal_length", "1", "sepal_width", "2")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("row: feature 'color' is missing - give a value for each of the model's features: "
                        + "sepal_length, color, sepal_width");
    }

    @Test
    void a_row_with_the_wrong_number_of_values_is_refused() {
        assertThatThrownBy(() -> STRICT.encode("1", "red"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("row: found 2 values, expected 3 (the model's features: sepal_length, color, sepal_width)");
    }

    @Test
    void missing_values_are_refused_under_missing_error() {
        assertThatThrownBy(() -> STRICT.encode("", "red", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("feature 'sepal_length': found an empty value, expected a number - the model was trained "
                        + "with missing: error; give a value");
        assertThatThrownBy(() -> STRICT.encode("1", "  ", "1"))
                .hasMessage("feature 'color': found an empty value, expected one of \"blue\", \"red\", \"green\" - the "
                        + "model was trained with missing: error; give a value");
        Map<String, String> withNull = new HashMap<>(Map.of("sepal_length", "1", "color", "red"));
        withNull.put("sepal_width", null);
        assertThatThrownBy(() -> STRICT.encode(withNull))
                .hasMessage("feature 'sepal_width': found an empty value, expected a number - the model was trained "
                        + "with missing: error; give a value");
    }

    @Test
    void missing_values_become_the_training_mean_or_no_category_under_missing_mean() {
        assertThat(LENIENT.encode("", "", "3.5")).containsExactly(0f, 0f, 0f, 0f, 1f);
    }

    @Test
    void an_unseen_category_is_refused_or_encoded_as_zeros() {
        assertThatThrownBy(() -> STRICT.encode("1", "Red", "1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("feature 'color': found \"Red\", expected one of \"blue\", \"red\", \"green\" (the categories "
                        + "seen in training) - the model was trained with unseenCategory: error");
        assertThat(LENIENT.encode("5.8", "purple", "3")).containsExactly(0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void a_long_category_list_is_cut_in_the_message() {
        List<String> many = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "c" + i).toList();
        TableInput t = new TableInput(List.of(new Categorical("k", many)), Unseen.ERROR, Missing.ERROR);
        assertThatThrownBy(() -> t.encode("c99"))
                .hasMessage("feature 'k': found \"c99\", expected one of \"c0\", \"c1\", \"c2\", \"c3\", \"c4\", \"c5\", "
                        + "\"c6\", \"c7\", \"c8\", \"c9\", ... (12 in all) (the categories seen in training) - the model "
                        + "was trained with unseenCategory: error");
    }

    @Test
    void text_that_is_not_a_finite_decimal_number_is_refused() {
        for (String bad : List.of("abc", "NaN", "Infinity", "-Infinity", "0x10", "1,5", "1.5f", "1e", "--1", "1e39")) {
            assertThatThrownBy(() -> STRICT.encode(bad, "red", "1")).as(bad)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("feature 'sepal_length': found \"" + bad + "\", expected a finite decimal number such as "
                            + "-1.5 or 3e-2");
        }
        String longText = "1".repeat(101);
        assertThatThrownBy(() -> STRICT.encode(longText, "red", "1"))
                .hasMessage("feature 'sepal_length': found \"" + "1".repeat(40) + "...\", expected a finite decimal "
                        + "number such as -1.5 or 3e-2");
    }

    @Test
    void a_value_whose_standardised_form_overflows_is_refused() {
        TableInput t = new TableInput(List.of(new Numeric("x", 0f, 1e-30f)), Unseen.ERROR, Missing.ERROR);
        assertThatThrownBy(() -> t.encode("1e10"))
                .hasMessage("feature 'x': found \"1e10\", expected a value whose standardised form (x - 0.0) / 1.0E-30 "
                        + "fits a float");
    }

    @Test
    void construction_checks_names_statistics_and_categories() {
        assertThatThrownBy(() -> new TableInput(List.of(LENGTH, LENGTH), Unseen.ERROR, Missing.ERROR))
                .hasMessage("features: found 'sepal_length' twice, expected distinct names");
        assertThatThrownBy(() -> new TableInput(List.of(), Unseen.ERROR, Missing.ERROR))
                .hasMessage("features: found none, expected at least one");
        assertThatThrownBy(() -> new Numeric("x", 0f, -1f))
                .hasMessage("feature 'x': found mean 0.0, std -1.0, expected a finite mean and a finite std > 0");
        assertThatThrownBy(() -> new Categorical("k", List.of("a", "a")))
                .hasMessage("feature 'k': found categories [a, a], expected at least one, all distinct");
        assertThatThrownBy(() -> new Numeric("", 0f, 1f)).hasMessage("feature name: found an empty name, expected a column name");
        assertThat(Unseen.of("zero")).isEqualTo(Unseen.ZERO);
        assertThat(Missing.of("mean")).isEqualTo(Missing.MEAN);
        assertThat(Missing.of("median")).isNull();
    }

    @Test
    void equal_tables_are_equal_and_describe_themselves() {
        assertThat(STRICT).isEqualTo(new TableInput(List.of(LENGTH, COLOR, WIDTH), Unseen.ERROR, Missing.ERROR))
                .isNotEqualTo(LENIENT);
        assertThat(STRICT.featureNames()).containsExactly("sepal_length", "color", "sepal_width");
        assertThat(STRICT.toString()).isEqualTo("table of 3 features (sepal_length, color, sepal_width), 5 inputs, "
                + "unseenCategory error, missing error");
    }
}
