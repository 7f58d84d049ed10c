package dev.mlpmaven.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlpmaven.config.UserException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Results merged into rankings: one per sweep (its trials by the sweep's metric and goal) and one of the
 * experiments that are not trials (by test accuracy). A trial found twice, two trials of one sweep made from
 * different files, or an experiment found twice is an error that names both folders: every trial belongs to
 * exactly one shard. A sweep with fewer trials than it has gets a warning.
 */
public final class Leaderboard {
    /** Arguments: id, sweep, folder, metric, value, other folder, metric, value. */
    public static final String DUPLICATE_TRIAL = "aggregate: found trial %s of sweep %s twice, in %s (%s %s) and"
            + " in %s (%s %s), expected each trial in one folder - a trial belongs to exactly one shard; download"
            + " each shard's results once, into a folder of its own";
    /** Arguments: sweep, folder, hash, other folder, other hash. */
    public static final String CONFLICTING_SWEEP = "aggregate: found sweep %s made from different files, in %s"
            + " (sweep hash %s) and in %s (sweep hash %s), expected the trials of one sweep - every shard must"
            + " train the same experiment file with the same overrides (one commit)";
    /** Arguments: name, folder, other folder. */
    public static final String DUPLICATE_EXPERIMENT = "aggregate: found experiment %s twice, in %s and in %s,"
            + " expected each experiment once - give the experiments different names, or merge each folder once";
    /** Arguments: sweep, found, trials. */
    public static final String INCOMPLETE = "aggregate: sweep %s: found %d of its %d trials - the results of a"
            + " shard are missing (its artifact not downloaded, or the shard failed)";

    /**
     * One ranked result.
     *
     * @param rank   1-based; results without a value (diverged, no validation) come last
     * @param result the result
     * @param value  the ranking metric's value, NaN when there is none
     * @param best   the first row, when it has a value
     */
    public record Row(int rank, Result result, double value, boolean best) {
    }

    /**
     * The ranking of one sweep.
     *
     * @param name       the sweep's name
     * @param metric     what ranks it
     * @param goal       maximize or minimize
     * @param trials     how many trials the sweep has
     * @param sweepHash  what it was made from
     * @param parameters its swept key paths, in its order
     * @param rows       its trials found, best first
     */
    public record SweepBoard(String name, String metric, String goal, int trials, String sweepHash,
                             List<String> parameters, List<Row> rows) {
        public SweepBoard {
            parameters = List.copyOf(parameters);
            rows = List.copyOf(rows);
        }

        public Optional<Row> best() {
            return rows.stream().filter(Row::best).findFirst();
        }

        public boolean complete() {
            return rows.size() == trials;
        }

        /** The swept key paths whose values differ between the trials found. */
        public List<String> varying() {
            return parameters.stream().filter(k -> rows.stream()
                    .map(r -> String.valueOf(r.result().trial().parameters().get(k))).distinct().count() > 1)
                    .toList();
        }
    }

    private final List<SweepBoard> sweeps;
    private final List<Row> experiments;
    private final List<String> warnings;

    private Leaderboard(List<SweepBoard> sweeps, List<Row> experiments, List<String> warnings) {
        this.sweeps = List.copyOf(sweeps);
        this.experiments = List.copyOf(experiments);
        this.warnings = List.copyOf(warnings);
    }

    public List<SweepBoard> sweeps() {
        return sweeps;
    }

    /** The experiments that are not trials, by test accuracy. */
    public List<Row> experiments() {
        return experiments;
    }

    /** Incomplete sweeps, one line each. */
    public List<String> warnings() {
        return warnings;
    }

    public Optional<SweepBoard> sweep(String name) {
        return sweeps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Ranks {@code results}.
     *
     * @throws UserException for a trial or experiment found twice, or a sweep made from different files
     */
    public static Leaderboard of(List<Result> results) {
        Map<String, List<Result>> bySweep = new TreeMap<>();
        Map<String, Result> plain = new TreeMap<>();
        for (Result r : results) {
            if (r.isTrial()) {
                bySweep.computeIfAbsent(r.trial().sweep(), k -> new ArrayList<>()).add(r);
            } else {
                Result other = plain.putIfAbsent(r.name(), r);
                if (other != null) {
                    throw new UserException(String.format(DUPLICATE_EXPERIMENT, r.name(), other.folder(),
                            r.folder()));
                }
            }
        }
        List<SweepBoard> boards = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, List<Result>> e : bySweep.entrySet()) {
            SweepBoard board = board(e.getKey(), e.getValue());
            boards.add(board);
            if (!board.complete()) {
                warnings.add(String.format(Locale.ROOT, INCOMPLETE, board.name(), board.rows().size(),
                        board.trials()));
            }
        }
        List<Row> rows = rank(new ArrayList<>(plain.values()), r -> r.summary().testAccuracy(), true);
        return new Leaderboard(boards, rows, warnings);
    }

    private static SweepBoard board(String name, List<Result> trials) {
        Result first = trials.get(0);
        Map<String, Result> byId = new LinkedHashMap<>();
        String metric = first.trial().metric();
        for (Result r : trials) {
            if (!r.trial().sweepHash().equals(first.trial().sweepHash())) {
                throw new UserException(String.format(CONFLICTING_SWEEP, name, first.folder(),
                        first.trial().sweepHash(), r.folder(), r.trial().sweepHash()));
            }
            Result other = byId.putIfAbsent(r.trial().id(), r);
            if (other != null) {
                throw new UserException(String.format(Locale.ROOT, DUPLICATE_TRIAL, r.trial().id(), name,
                        other.folder(), metric, value(other.metric(metric)), r.folder(), metric,
                        value(r.metric(metric))));
            }
        }
        List<String> parameters = new ArrayList<>(first.trial().parameters().keySet());
        boolean maximize = first.trial().maximize();
        List<Row> rows = rank(new ArrayList<>(byId.values()), r -> r.metric(metric), maximize);
        return new SweepBoard(name, metric, first.trial().goal(), first.trial().trials(), first.trial().sweepHash(),
                parameters, rows);
    }

    private static List<Row> rank(List<Result> results, java.util.function.ToDoubleFunction<Result> value,
                                  boolean maximize) {
        Comparator<Result> byValue = (a, b) -> {
            double x = value.applyAsDouble(a);
            double y = value.applyAsDouble(b);
            boolean xn = Double.isNaN(x);
            boolean yn = Double.isNaN(y);
            if (xn || yn) {
                return Boolean.compare(xn, yn);
            }
            return maximize ? Double.compare(y, x) : Double.compare(x, y);
        };
        Comparator<Result> order = byValue
                .thenComparingInt((Result r) -> r.isTrial() ? r.trial().number() : 0)
                .thenComparing(r -> r.isTrial() ? r.trial().id() : r.name());
        results.sort(order);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            double v = value.applyAsDouble(results.get(i));
            rows.add(new Row(i + 1, results.get(i), v, i == 0 && !Double.isNaN(v)));
        }
        return rows;
    }

    /** Arguments: sweep, found, trials, best id, metric, value, its values. */
    public static final String BEST_LINE = "mlp: sweep %s (%d of %d trials): best trial %s, %s %.4f (%s)";
    /** Arguments: sweep, found, trials, metric. */
    public static final String NO_BEST_LINE = "mlp: sweep %s (%d of %d trials): no trial has a %s";

    /** One line per sweep for the build log: its best trial and its values, or that it has none. */
    public List<String> logLines() {
        List<String> lines = new ArrayList<>();
        for (SweepBoard s : sweeps) {
            lines.add(s.best().map(b -> String.format(Locale.ROOT, BEST_LINE, s.name(), s.rows().size(), s.trials(),
                    b.result().trial().id(), s.metric(), b.value(), describe(b.result())))
                    .orElse(String.format(Locale.ROOT, NO_BEST_LINE, s.name(), s.rows().size(), s.trials(),
                            s.metric())));
        }
        return lines;
    }

    /** {@code optimizer.learningRate=0.1, model.hidden=[32]}. */
    public static String describe(Result r) {
        List<String> parts = new ArrayList<>();
        r.trial().parameters().forEach((k, v) -> parts.add(k + "=" + text(v)));
        return String.join(", ", parts);
    }

    static String value(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A parameter value as tables show it: 0.001, [256, 128], relu, {type: step}. */
    public static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            if (value.isIntegralNumber()) {
                return value.asText();
            }
            double d = value.asDouble();
            return Double.isFinite(d)
                    ? new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString() : value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(text(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value.isObject()) {
            List<String> items = new ArrayList<>();
            value.fields().forEachRemaining(f -> items.add(f.getKey() + ": " + text(f.getValue())));
            return "{" + String.join(", ", items) + "}";
        }
        return value.asText();
    }
}
