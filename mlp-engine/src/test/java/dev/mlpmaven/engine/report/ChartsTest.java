package dev.mlpmaven.engine.report;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    @Test
    void confusion_colour_scale_has_whole_number_steps_so_its_legend_prints_integer_counts() {
        int[][] cm = {{98, 2, 0}, {5, 90, 5}, {0, 7, 93}};
        HeatMapChart chart = Charts.confusion(cm, List.of("a", "b", "c"));

        var s = chart.getStyler();
        assertThat(s.isPiecewise()).as("XChart formats only the piecewise legend with the value pattern").isTrue();
        assertThat(s.getSplitNumber()).isEqualTo(Charts.CONFUSION_STEPS);
        assertThat(s.getMin()).isEqualTo(0);
        assertThat(s.getMax()).isEqualTo(100);
        double step = (s.getMax() - s.getMin()) / s.getSplitNumber();
        assertThat(step).isEqualTo(Math.rint(step));
        DecimalFormat legend = new DecimalFormat(s.getHeatMapValueDecimalPattern());
        assertThat(legend.format(s.getMin() + step) + " ~ " + legend.format(s.getMax())).isEqualTo("10 ~ 100");
    }

    @Test
    void confusion_chart_renders_with_every_count_from_zero_to_the_top() throws Exception {
        int[][] cm = new int[10][10];
        for (int k = 0; k < 10; k++) {
            cm[k][k] = 11 * k;
            cm[k][(k + 1) % 10] = 99 - 11 * k;
        }
        byte[] png = Charts.png(Charts.confusion(cm, ReportFixtures.FASHION));
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth()).isPositive();
        assertThat(Charts.CONFUSION_COLOURS.length * 2).isGreaterThan(Charts.CONFUSION_STEPS);
    }

    @Test
    void confusion_scale_top_rounds_the_largest_count_up_to_a_multiple_of_the_steps() {
        assertThat(Charts.confusionScaleTop(0)).isEqualTo(10);
        assertThat(Charts.confusionScaleTop(3)).isEqualTo(10);
        assertThat(Charts.confusionScaleTop(10)).isEqualTo(10);
        assertThat(Charts.confusionScaleTop(107)).isEqualTo(110);
        assertThat(Charts.confusionScaleTop(951)).isEqualTo(960);
    }

    @Test
    void learning_rate_ticks_use_plain_decimals_fine_enough_for_the_rate() {
        assertThat(Charts.ratePattern(0.05)).isEqualTo("0.#####");
        assertThat(Charts.ratePattern(0.001)).isEqualTo("0.######");
        assertThat(Charts.ratePattern(1.0)).isEqualTo("0.###");
        assertThat(new DecimalFormat(Charts.ratePattern(0.05), ROOT).format(0.045)).isEqualTo("0.045");
        assertThat(new DecimalFormat(Charts.ratePattern(0.001), ROOT).format(0.00005)).isEqualTo("0.00005");
    }
}
