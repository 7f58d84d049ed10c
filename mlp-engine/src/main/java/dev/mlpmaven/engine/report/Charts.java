package dev.mlpmaven.engine.report;

import dev.mlpmaven.engine.train.EpochResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The report's charts, drawn by XChart into PNG bytes. */
final class Charts {
    static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
    static final Color ORANGE = new Color(0xff, 0x7f, 0x0e);
    static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);
    static final Color GREY = new Color(0x88, 0x88, 0x88);
    static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /**
     * Steps of the confusion matrix's colour scale. XChart 3.8.8 prints the ends of a gradient legend as doubles
     * ("107.0"); only its piecewise legend honours the value pattern, so counts are shown as integer ranges.
     */
    static final int CONFUSION_STEPS = 10;
    /**
     * White to blue (ColorBrewer "Blues"). XChart 3.8.8's piecewise colouring reads colour {@code (int)(i / steps *
     * colours) + 1} for step i <= steps - 2, so it needs more than {@code CONFUSION_STEPS / 2} colours.
     */
    static final Color[] CONFUSION_COLOURS = {new Color(0xf7, 0xfb, 0xff), new Color(0xc6, 0xdb, 0xef),
            new Color(0x9e, 0xca, 0xe1), new Color(0x6b, 0xae, 0xd6), new Color(0x42, 0x92, 0xc6),
            new Color(0x21, 0x71, 0xb5)};

    private Charts() {
    }

    static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Training loss per epoch, and validation loss when there is a validation split. Returns null when no epoch has a
     * finite loss.
     */
    static XYChart loss(List<EpochResult> epochs) {
        if (epochs.stream().noneMatch(e -> Double.isFinite(e.trainLoss()) || Double.isFinite(e.validationLoss()))) {
            return null;
        }
        XYChart chart = xy("Loss per epoch", "epoch", "cross-entropy loss");
        addSeries(chart, "training loss", epochs, EpochResult::trainLoss, BLUE);
        addSeries(chart, "validation loss", epochs, EpochResult::validationLoss, ORANGE);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        return chart;
    }

    /**
     * Validation accuracy per epoch with a dashed line at 1.0 (a perfect score), as in the reference blog post.
     * Returns null when no epoch has a validation accuracy (no validation split).
     */
    static XYChart accuracy(List<EpochResult> epochs) {
        if (epochs.stream().noneMatch(e -> Double.isFinite(e.validationAccuracy()))) {
            return null;
        }
        XYChart chart = xy("Validation accuracy per epoch", "epoch", "accuracy");
        addSeries(chart, "validation accuracy", epochs, EpochResult::validationAccuracy, GREEN);
        double first = epochs.get(0).epoch();
        double last = epochs.get(epochs.size() - 1).epoch();
        XYSeries one = chart.addSeries("1.0", new double[] {first, last}, new double[] {1.0, 1.0});
        one.setLineStyle(SeriesLines.DASH_DASH);
        one.setLineColor(GREY);
        one.setMarker(SeriesMarkers.NONE);
        double min = epochs.stream().mapToDouble(EpochResult::validationAccuracy).filter(Double::isFinite)
                .min().orElse(0);
        chart.getStyler().setYAxisMin(Math.max(0, Math.floor((min - 0.02) * 20) / 20));
        chart.getStyler().setYAxisMax(1.02);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /** True when the learning rate took more than one value. */
    static boolean learningRateChanges(List<EpochResult> epochs) {
        return epochs.stream().mapToDouble(EpochResult::learningRate).filter(Double::isFinite).distinct().count() > 1;
    }

    static XYChart learningRate(List<EpochResult> epochs) {
        XYChart chart = xy("Learning rate per epoch", "epoch", "learning rate");
        addSeries(chart, "learning rate", epochs, EpochResult::learningRate, ORANGE);
        double top = epochs.stream().mapToDouble(EpochResult::learningRate).filter(Double::isFinite).max().orElse(1);
        chart.getStyler().setYAxisDecimalPattern(ratePattern(top));
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /**
     * Plain decimals for learning-rate ticks (0.05, 0.045, ... 0), with enough places for ticks a tenth of the top
     * rate apart: 0.##### for 0.05, 0.###### for 0.001.
     */
    static String ratePattern(double top) {
        int places = top > 0 ? (int) Math.ceil(-Math.log10(top)) + 3 : 3;
        return "0." + "#".repeat(Math.max(3, Math.min(12, places)));
    }

    /** The top of the colour scale: the largest count rounded up so that every step is a whole number. */
    static int confusionScaleTop(int maxCount) {
        int steps = CONFUSION_STEPS;
        return Math.max(steps, (maxCount + steps - 1) / steps * steps);
    }

    /** The confusion matrix as a heat map: predicted class across, true class down (first class at the top). */
    static HeatMapChart confusion(int[][] cm, List<String> classNames) {
        int n = classNames.size();
        int width = Math.max(560, 150 + 64 * n);
        int height = Math.max(480, 150 + 52 * n);
        HeatMapChart chart = new HeatMapChartBuilder().width(width).height(height)
                .title("Confusion matrix (test set)").xAxisTitle("predicted").yAxisTitle("true").build();
        List<String> x = new ArrayList<>(classNames);
        List<String> y = new ArrayList<>();
        for (int t = n - 1; t >= 0; t--) {
            y.add(classNames.get(t));
        }
        List<Number[]> cells = new ArrayList<>();
        int max = 1;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                cells.add(new Number[] {p, n - 1 - t, cm[t][p]});
                max = Math.max(max, cm[t][p]);
            }
        }
        chart.addSeries("count", x, y, cells);
        var s = chart.getStyler();
        s.setBaseFont(BASE);
        s.setChartTitleFont(BASE.deriveFont(Font.BOLD, 15f));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setShowValue(true);
        s.setValueFont(BASE.deriveFont(Font.BOLD, n > 12 ? 9f : 12f));
        s.setValueFontColor(new Color(0x22, 0x22, 0x22));
        s.setHeatMapValueDecimalPattern("0");
        s.setRangeColors(CONFUSION_COLOURS);
        s.setDecimalPattern("0");
        s.setPlotGridLinesVisible(false);
        s.setMin(0);
        s.setMax(confusionScaleTop(max));
        s.setPiecewise(true);
        s.setPiecewiseRanged(true);
        s.setSplitNumber(CONFUSION_STEPS);
        s.setXAxisLabelRotation(n > 6 ? 35 : 0);
        s.setLegendVisible(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setDrawBorder(true);
        s.setAxisTickLabelsFont(BASE.deriveFont(12f));
        return chart;
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    private static void style(AxesChartStyler s) {
        s.setBaseFont(BASE);
        s.setChartTitleFont(BASE.deriveFont(Font.BOLD, 15f));
        s.setAxisTickLabelsFont(BASE.deriveFont(12f));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xcc, 0xcc, 0xcc));
        s.setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
        s.setLegendBorderColor(new Color(0xdd, 0xdd, 0xdd));
        s.setAntiAlias(true);
    }

    private static void addSeries(XYChart chart, String name, List<EpochResult> epochs,
                                  java.util.function.ToDoubleFunction<EpochResult> value, Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (EpochResult e : epochs) {
            double v = value.applyAsDouble(e);
            if (Double.isFinite(v)) {
                xs.add((double) e.epoch());
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineWidth(2f);
    }
}
