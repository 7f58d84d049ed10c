package dev.mlpmaven.engine.report;

import java.util.ArrayList;
import java.util.List;

import static dev.mlpmaven.engine.report.Html.num;
import static dev.mlpmaven.engine.report.Html.pct;

/**
 * The index's numbers as a short plain-text table for the build log, one line per experiment:
 * <pre>
 * experiment  optimizer.learningRate  test acc  test loss  epochs  time (s)
 * fast        0.01                      84.10%     0.4431       5      12.3
 * </pre>
 */
public final class SummaryTable {
    /** Longer parameter values are cut to this many characters (with an ellipsis) to keep lines short. */
    static final int MAX_CELL = 28;

    private SummaryTable() {
    }

    /** The table as lines without trailing newline characters (log one line per call). */
    public static List<String> lines(List<ExperimentSummary> rows) {
        List<String> params = IndexWriter.differingParameters(rows);
        List<String[]> cells = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("experiment"));
        head.addAll(params);
        head.addAll(List.of("test acc", "test loss", "epochs", "time (s)"));
        cells.add(head.toArray(String[]::new));
        for (ExperimentSummary r : rows) {
            List<String> row = new ArrayList<>();
            row.add(cut(r.name()));
            params.forEach(p -> row.add(cut(r.parameters().getOrDefault(p, ""))));
            row.add(pct(r.testAccuracy()));
            row.add(num(r.testLoss(), 4));
            row.add(Integer.toString(r.epochs()));
            row.add(num(r.totalSeconds(), 1));
            cells.add(row.toArray(String[]::new));
        }
        int cols = head.size();
        int firstNumeric = cols - 4;
        int[] width = new int[cols];
        for (String[] row : cells) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c >= firstNumeric ? pad + row[c] : row[c] + pad);
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }

    /** The table as one string, lines separated by '\n'. */
    public static String render(List<ExperimentSummary> rows) {
        return String.join("\n", lines(rows));
    }

    private static String cut(String s) {
        return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "\u2026";
    }
}
