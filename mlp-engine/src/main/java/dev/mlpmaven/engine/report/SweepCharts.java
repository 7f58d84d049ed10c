package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlpmaven.engine.sweep.Leaderboard;
import dev.mlpmaven.engine.sweep.Leaderboard.Row;
import dev.mlpmaven.engine.sweep.Leaderboard.SweepBoard;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard's charts: a sweep's metric against one swept parameter. A number parameter gives a scatter of
 * every trial (the best one in green; a logarithmic axis when the values span two decades or more); any other
 * parameter (a list, a word, a mapping) a bar of the best metric per value.
 */
final class SweepCharts {
    private SweepCharts() {
    }

    /** The chart of {@code board}'s metric against {@code keyPath}, or null when no trial has a value. */
    static org.knowm.xchart.internal.chartpart.Chart<?, ?> of(SweepBoard board, String keyPath) {
        List<Row> rows = board.rows().stream().filter(r -> Double.isFinite(r.value())).toList();
        if (rows.isEmpty()) {
            return null;
        }
        boolean numeric = rows.stream().allMatch(r -> value(r, keyPath).isNumber());
        return numeric ? scatter(board, keyPath, rows) : bars(board, keyPath, rows);
    }

    private static JsonNode value(Row r, String keyPath) {
        JsonNode v = r.result().trial().parameters().get(keyPath);
        return v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v;
    }

    private static XYChart scatter(SweepBoard board, String keyPath, List<Row> rows) {
        XYChart chart = new XYChartBuilder().width(560).height(360)
                .title(board.metric() + " against " + keyPath).xAxisTitle(keyPath).yAxisTitle(board.metric()).build();
        style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(9);
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            double x = value(r, keyPath).asDouble();
            min = Math.min(min, x);
            max = Math.max(max, x);
            (r.best() ? bx : xs).add(x);
            (r.best() ? by : ys).add(r.value());
        }
        if (min > 0 && max / min >= 100) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries("trials", xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Charts.BLUE);
        }
        XYSeries best = chart.addSeries("best trial", bx, by);
        best.setMarker(SeriesMarkers.DIAMOND);
        best.setMarkerColor(Charts.GREEN);
        return chart;
    }

    private static CategoryChart bars(SweepBoard board, String keyPath, List<Row> rows) {
        Map<String, Double> best = new LinkedHashMap<>();
        boolean maximize = "maximize".equals(board.goal());
        for (Row r : rows) {
            String label = Leaderboard.text(value(r, keyPath));
            best.merge(label, r.value(), (a, b) -> maximize ? Math.max(a, b) : Math.min(a, b));
        }
        CategoryChart chart = new CategoryChartBuilder().width(560).height(360)
                .title("best " + board.metric() + " per " + keyPath).xAxisTitle(keyPath).yAxisTitle(board.metric())
                .build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.addSeries(board.metric(), new ArrayList<>(best.keySet()), new ArrayList<>(best.values()))
                .setFillColor(Charts.BLUE);
        return chart;
    }

    private static void style(org.knowm.xchart.style.AxesChartStyler s) {
        s.setBaseFont(Charts.BASE);
        s.setChartTitleFont(Charts.BASE.deriveFont(Font.BOLD, 14f));
        s.setAxisTickLabelsFont(Charts.BASE.deriveFont(11f));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xcc, 0xcc, 0xcc));
        s.setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
        s.setLegendBorderColor(new Color(0xdd, 0xdd, 0xdd));
        s.setAntiAlias(true);
    }
}
