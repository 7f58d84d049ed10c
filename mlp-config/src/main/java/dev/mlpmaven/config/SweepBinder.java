package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.AnyShape;
import dev.mlpmaven.config.Shape.IntShape;
import dev.mlpmaven.config.Shape.ListShape;
import dev.mlpmaven.config.Shape.NumberShape;
import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.Kind;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Reads {@code sweep:} and makes its trials. Each swept key path must exist in {@link Language} ("did you mean"
 * otherwise); each listed value, and each end of a range, is checked against the swept key's own shape, so a bad
 * value is named where it is written. Then every trial (the file without {@code sweep:}, each swept key set to
 * the trial's value) is checked and bound like any experiment; a problem that only one combination shows (a cross-
 * field rule) is reported once, with the trial's values.
 *
 * <p>Grid: every combination, the first parameter varying slowest. Random: {@code trials} distinct draws from a
 * {@link SplittableRandom} seeded with {@code sweep.seed} (same seed, same trials on every machine): a value list
 * is drawn from evenly; a range evenly or evenly in the logarithm ({@link StrictMath}), numbers rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits, integers for integer keys.
 */
final class SweepBinder {
    static final int SIGNIFICANT_DIGITS = 4;
    /** Keys that are the same in every trial. */
    private static final Set<String> FIXED = Set.of(Language.VERSION.name(), Language.NAME.name(),
            Language.EXTENDS.name(), Language.SWEEP.name());
    private static final Shape ANY = new AnyShape();

    private final ShapeChecker checker;
    private final ExperimentBinder binder;
    private final List<Problem> problems;

    SweepBinder(ShapeChecker checker, ExperimentBinder binder, List<Problem> problems) {
        this.checker = checker;
        this.binder = binder;
        this.problems = problems;
    }

    /** One swept key as read: its values (nodes, in order) or its range. */
    private record Param(String keyPath, Field field, Location where, List<YamlNode> values, Double min, Double max,
                         boolean log) {
        boolean isRange() {
            return values == null;
        }

        boolean integer() {
            return field.shape() instanceof IntShape;
        }
    }

    /**
     * The sweep of {@code root}, or null when there is none or it has problems (added to the list). Trials are made
     * only when nothing else in the file has a problem.
     */
    Sweep bind(YamlMap root, Path source, Experiment base, Map<String, String> overrides, Path experimentFile) {
        if (!(binder.value(root, Language.SWEEP) instanceof YamlMap sweep)) {
            return null;
        }
        int before = problems.size();
        String method = binder.text(sweep, Language.METHOD);
        binder.typeRules(sweep, Language.SWEEP_OBJECT, Language.METHOD, Language.SWEEP.name());
        boolean random = "random".equals(method);
        String metric = binder.text(sweep, Language.SWEEP_METRIC);
        String goal = binder.isSet(sweep, Language.GOAL) ? binder.text(sweep, Language.GOAL)
                : metric.endsWith("accuracy") ? "maximize" : "minimize";
        long seed = binder.isSet(sweep, Language.SWEEP_SEED) ? binder.longValue(sweep, Language.SWEEP_SEED)
                : base.seed();
        List<Param> params = parameters(sweep, random);
        overrideConflicts(params, overrides, experimentFile);
        if (problems.size() > before || params.isEmpty()) {
            return null;
        }
        List<List<YamlNode>> assignments = random
                ? draws(params, seed, binder.isSet(sweep, Language.TRIALS)
                        ? (int) binder.longValue(sweep, Language.TRIALS) : 0, sweep)
                : grid(params, sweep);
        if (assignments == null || !problems.isEmpty()) {
            return null; // trials of a file with problems would only repeat them
        }
        List<Trial> trials = trials(root, source, params, assignments, metric, sweep);
        if (problems.size() > before) {
            return null;
        }
        List<SweepParameter> specParams = new ArrayList<>();
        for (Param p : params) {
            List<Object> values = new ArrayList<>();
            if (!p.isRange()) {
                p.values().forEach(v -> values.add(plain(v, p.field().shape())));
            }
            specParams.add(new SweepParameter(p.keyPath(), values, p.min(), p.max(), p.log(), p.integer()));
        }
        SweepSpec spec = new SweepSpec(method, trials.size(), seed, metric, goal, specParams);
        return new Sweep(spec, base, trials);
    }

    // ---- the parameters

    private List<Param> parameters(YamlMap sweep, boolean random) {
        List<Param> params = new ArrayList<>();
        if (!(binder.value(sweep, Language.PARAMETERS) instanceof YamlMap map)) {
            return params; // missing or of the wrong type: reported by the checker
        }
        if (map.entries().isEmpty()) {
            problems.add(map.location().problem("sweep.parameters", Messages.SWEEP_NO_PARAMETERS));
            return params;
        }
        for (Map.Entry<String, Entry> e : map.entries().entrySet()) {
            String keyPath = e.getKey();
            String path = "sweep.parameters." + keyPath;
            YamlNode node = e.getValue().value();
            Location keyAt = e.getValue().keyLocation();
            if (ShapeChecker.isNull(node)) {
                continue; // removed on top of an extended file
            }
            Field field = resolve(keyPath, keyAt, path);
            if (field == null || checker.isInvalid(node) || !(node instanceof YamlMap m)) {
                continue;
            }
            boolean overlaps = false;
            for (Param other : params) {
                if (keyPath.startsWith(other.keyPath() + ".") || other.keyPath().startsWith(keyPath + ".")) {
                    problems.add(keyAt.problem(path, String.format(Messages.SWEEP_OVERLAP, other.keyPath(), keyPath)));
                    overlaps = true;
                }
            }
            Param p = overlaps ? null : parameter(keyPath, path, field, keyAt, m, random);
            if (p != null) {
                params.add(p);
            }
        }
        return params;
    }

    /** The key path's field, or null with a problem ("did you mean"). */
    private Field resolve(String keyPath, Location keyAt, String path) {
        String[] segments = keyPath.split("\\.", -1);
        if (FIXED.contains(segments[0])) {
            problems.add(keyAt.problem(path, String.format(Messages.SWEEP_NOT_SWEEPABLE, KeyPaths.visible(keyPath))));
            return null;
        }
        ObjectShape shape = Language.ROOT;
        Field field = null;
        String at = "";
        for (String segment : segments) {
            if (shape == null) {
                problems.add(keyAt.problem(path, String.format(Messages.SWEEP_BELOW_VALUE, at, at, at)));
                return null;
            }
            field = shape.field(segment);
            if (field == null) {
                problems.add(keyAt.problem(path, String.format(Messages.SWEEP_UNKNOWN_KEY_PATH,
                        KeyPaths.visible(keyPath), suggestion(segments))));
                return null;
            }
            at = KeyPaths.child(at, segment);
            shape = Trees.objectOf(field.shape());
        }
        return field;
    }

    /** "did you mean 'optimizer.learningRate'?" with every segment corrected, or the valid keys where none fits. */
    private static String suggestion(String[] segments) {
        ObjectShape shape = Language.ROOT;
        List<String> fixed = new ArrayList<>();
        String at = "";
        for (String segment : segments) {
            if (shape == null) {
                break;
            }
            List<String> names = shape == Language.ROOT
                    ? shape.names().stream().filter(n -> !FIXED.contains(n)).toList() : shape.names();
            Field f = names.contains(segment) ? shape.field(segment) : DidYouMean.closest(segment, names)
                    .map(shape::field).orElse(null);
            if (f == null) {
                return String.format(Messages.SWEEP_VALID_KEYS, at.isEmpty() ? "the experiment" : at,
                        String.join(", ", names));
            }
            fixed.add(f.name());
            at = KeyPaths.child(at, f.name());
            shape = Trees.objectOf(f.shape());
        }
        return String.format(Messages.DID_YOU_MEAN, String.join(".", fixed));
    }

    private Param parameter(String keyPath, String path, Field field, Location keyAt, YamlMap m, boolean random) {
        YamlNode values = binder.value(m, Language.VALUES);
        boolean hasMin = binder.isSet(m, Language.RANGE_MIN);
        boolean hasMax = binder.isSet(m, Language.RANGE_MAX);
        if (values != null && (hasMin || hasMax)) {
            problems.add(m.location().problem(path, Messages.SWEEP_VALUES_AND_RANGE));
            return null;
        }
        if (values == null && !hasMin && !hasMax) {
            if (!anyRejected(m)) {
                problems.add(m.location().problem(path, Messages.SWEEP_NEITHER));
            }
            return null;
        }
        if (values instanceof YamlList list) {
            return listed(keyPath, path, field, keyAt, m, list);
        }
        if (hasMin != hasMax) {
            Field given = hasMin ? Language.RANGE_MIN : Language.RANGE_MAX;
            Field missing = hasMin ? Language.RANGE_MAX : Language.RANGE_MIN;
            problems.add(ExperimentBinder.keyLocation(m, given).problem(path + "." + given.name(),
                    String.format(Messages.SWEEP_HALF_RANGE, given.name(), missing.name(), missing.name())));
            return null;
        }
        if (!random) {
            problems.add(m.location().problem(path, Messages.SWEEP_RANGE_IN_GRID));
            return null;
        }
        if (!(field.shape() instanceof IntShape || field.shape() instanceof NumberShape)) {
            problems.add(m.location().problem(path, String.format(Messages.SWEEP_RANGE_NOT_NUMBER, keyPath,
                    field.shape().expected())));
            return null;
        }
        YamlScalar min = (YamlScalar) binder.value(m, Language.RANGE_MIN);
        YamlScalar max = (YamlScalar) binder.value(m, Language.RANGE_MAX);
        int before = problems.size();
        checker.check(min, field, path + ".min");
        checker.check(max, field, path + ".max");
        if (problems.size() > before) {
            return null;
        }
        if (min.number() > max.number()) {
            problems.add(min.location().problem(path + ".min", String.format(Messages.SWEEP_MIN_ABOVE_MAX, min.text(),
                    max.text())));
            return null;
        }
        boolean log = "log".equals(binder.text(m, Language.SCALE));
        if (log && min.number() <= 0) {
            problems.add(min.location().problem(path + ".min", String.format(Messages.SWEEP_LOG_NOT_POSITIVE,
                    min.text())));
            return null;
        }
        return new Param(keyPath, field, keyAt, null, min.number(), max.number(), log);
    }

    private Param listed(String keyPath, String path, Field field, Location keyAt, YamlMap m, YamlList list) {
        if (binder.isSet(m, Language.SCALE)) {
            problems.add(ExperimentBinder.keyLocation(m, Language.SCALE).problem(path + ".scale",
                    Messages.SWEEP_SCALE_WITHOUT_RANGE));
        }
        if (list.items().isEmpty()) {
            problems.add(list.location().problem(path + ".values", String.format(Messages.SWEEP_EMPTY_VALUES,
                    field.example())));
            return null;
        }
        boolean ok = true;
        List<Object> seen = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path + ".values[" + i + "]";
            int before = problems.size();
            checker.check(item, field, itemPath);
            if (problems.size() > before) {
                ok = false;
                seen.add(new Object()); // a placeholder that equals nothing
                continue;
            }
            Object plain = plain(item, field.shape());
            int first = indexOf(seen, plain);
            if (first >= 0) {
                problems.add(item.location().problem(itemPath, String.format(Messages.SWEEP_DUPLICATE_VALUE,
                        ShapeChecker.isNull(item) ? "null" : ShapeChecker.found(item, false), first)));
                ok = false;
            }
            seen.add(plain);
        }
        return ok ? new Param(keyPath, field, keyAt, list.items(), null, null, false) : null;
    }

    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (java.util.Objects.equals(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** A key of the parameter mapping that is unknown or rejected, reported already (a misspelt "values"). */
    private boolean anyRejected(YamlMap m) {
        return m.entries().entrySet().stream().anyMatch(e -> Language.PARAMETER_OBJECT.field(e.getKey()) == null
                || checker.isInvalid(e.getValue().value()));
    }

    /** An override of a swept key (or of a mapping around it) would be overwritten in every trial: a mistake. */
    private void overrideConflicts(List<Param> params, Map<String, String> overrides, Path experimentFile) {
        for (String key : overrides.keySet()) {
            for (Param p : params) {
                String k = p.keyPath();
                if (key.equals(k) || key.startsWith(k + ".") || k.startsWith(key + ".")) {
                    Location where = new Location(String.format(Messages.OVERRIDE_FILE, key), experimentFile, 0, 0);
                    problems.add(where.problem(key, String.format(Messages.SWEEP_OVERRIDE_CONFLICT, key, k)));
                }
            }
        }
    }

    // ---- the trials' values

    private List<List<YamlNode>> grid(List<Param> params, YamlMap sweep) {
        BigInteger size = BigInteger.ONE;
        for (Param p : params) {
            size = size.multiply(BigInteger.valueOf(p.values().size()));
        }
        if (size.compareTo(BigInteger.valueOf(Language.MAX_TRIALS)) > 0) {
            problems.add(binder.value(sweep, Language.PARAMETERS).location().problem("sweep.parameters",
                    String.format(Messages.SWEEP_GRID_TOO_LARGE, size, Language.MAX_TRIALS)));
            return null;
        }
        List<List<YamlNode>> out = new ArrayList<>();
        int n = size.intValue();
        for (int t = 0; t < n; t++) {
            List<YamlNode> one = new ArrayList<>();
            int rest = t;
            int[] index = new int[params.size()];
            for (int k = params.size() - 1; k >= 0; k--) {
                int count = params.get(k).values().size();
                index[k] = rest % count;
                rest /= count;
            }
            for (int k = 0; k < params.size(); k++) {
                one.add(params.get(k).values().get(index[k]));
            }
            out.add(one);
        }
        return out;
    }

    private List<List<YamlNode>> draws(List<Param> params, long seed, int wanted, YamlMap sweep) {
        if (wanted <= 0) {
            return null; // trials missing or rejected: reported already
        }
        Location trialsAt = binder.value(sweep, Language.TRIALS).location();
        BigInteger space = BigInteger.ONE;
        for (Param p : params) {
            BigInteger count = !p.isRange() ? BigInteger.valueOf(p.values().size())
                    : p.integer() ? BigInteger.valueOf((long) Math.floor(p.max()) - (long) Math.ceil(p.min()) + 1)
                    : p.min().equals(p.max()) ? BigInteger.ONE : null;
            space = space == null || count == null ? null : space.multiply(count);
        }
        if (space != null && space.compareTo(BigInteger.valueOf(wanted)) < 0) {
            problems.add(trialsAt.problem("sweep.trials", String.format(Messages.SWEEP_TOO_FEW_COMBINATIONS, wanted,
                    space.longValue())));
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<List<Object>> seen = new HashSet<>();
        List<List<YamlNode>> out = new ArrayList<>();
        long attempts = 100L * wanted + 1000;
        long drawn = 0;
        while (out.size() < wanted && drawn < attempts) {
            drawn++;
            List<YamlNode> one = new ArrayList<>();
            List<Object> key = new ArrayList<>();
            for (Param p : params) {
                YamlNode v = draw(p, random);
                one.add(v);
                key.add(plain(v, p.field().shape()));
            }
            if (seen.add(key)) {
                out.add(one);
            }
        }
        if (out.size() < wanted) {
            problems.add(trialsAt.problem("sweep.trials", String.format(Messages.SWEEP_DRAWS_EXHAUSTED, out.size(),
                    drawn, wanted)));
            return null;
        }
        return out;
    }

    private static YamlNode draw(Param p, SplittableRandom random) {
        if (!p.isRange()) {
            return p.values().get(random.nextInt(p.values().size()));
        }
        double u = random.nextDouble();
        if (p.integer()) {
            long lo = (long) Math.ceil(p.min());
            long hi = (long) Math.floor(p.max());
            double x = p.log()
                    ? StrictMath.exp(StrictMath.log(lo) + u * (StrictMath.log(hi + 1.0) - StrictMath.log(lo)))
                    : lo + u * (hi - lo + 1.0);
            long v = Math.max(lo, Math.min(hi, (long) Math.floor(x)));
            return new YamlScalar(p.where(), Kind.INTEGER, Long.toString(v), BigInteger.valueOf(v));
        }
        double x = p.log()
                ? StrictMath.exp(StrictMath.log(p.min()) + u * (StrictMath.log(p.max()) - StrictMath.log(p.min())))
                : p.min() + u * (p.max() - p.min());
        x = new BigDecimal(x).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN)).doubleValue();
        x = Math.max(p.min(), Math.min(p.max(), x));
        return new YamlScalar(p.where(), Kind.FLOAT, Double.toString(x), x);
    }

    // ---- the trials

    private List<Trial> trials(YamlMap root, Path source, List<Param> params, List<List<YamlNode>> assignments,
                               String metric, YamlMap sweep) {
        YamlMap bare = Trees.without(root, Language.SWEEP.name());
        Location metricAt = ExperimentBinder.keyLocation(sweep, Language.SWEEP_METRIC);
        Set<String> reported = new HashSet<>();
        List<Integer> noValidation = new ArrayList<>();
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < assignments.size(); t++) {
            YamlMap tree = bare;
            Map<String, Object> values = new LinkedHashMap<>();
            for (int k = 0; k < params.size(); k++) {
                Param p = params.get(k);
                YamlNode v = assignments.get(t).get(k);
                tree = Overrides.set(tree, p.keyPath().split("\\."), 0, v, v.location(), Language.ROOT, false);
                values.put(p.keyPath(), plain(v, p.field().shape()));
            }
            List<Problem> found = new ArrayList<>();
            ShapeChecker trialChecker = new ShapeChecker(found);
            trialChecker.checkObject(tree, Language.ROOT, "");
            Experiment experiment = new ExperimentBinder(trialChecker, found).bind(tree, source);
            if (found.isEmpty() && metric.startsWith("validation_")
                    && experiment.training().validationSplit() == 0.0 && !experiment.dataset().hasValidationSet()) {
                noValidation.add(t);
            }
            for (Problem p : found) {
                if (reported.add(p.format())) {
                    problems.add(new Problem(p.file(), p.line(), p.column(), p.keyPath(), String.format(
                            Messages.IN_TRIAL, p.message(), t + 1, assignments.size(), describe(values))));
                }
            }
            trials.add(new Trial(t + 1, values, experiment));
        }
        if (!noValidation.isEmpty()) {
            // ranked by a validation metric, a trial needs validation data: once for the file when no trial has any
            String message = String.format(Messages.SWEEP_METRIC_WITHOUT_VALIDATION, metric);
            if (noValidation.size() < trials.size()) {
                Trial first = trials.get(noValidation.get(0));
                message = String.format(Messages.IN_TRIAL, message, first.number(), trials.size(),
                        describe(first.values()));
            }
            problems.add(metricAt.problem("sweep.metric", message));
        }
        return trials;
    }

    /** {@code optimizer.learningRate=0.001, model.hidden=[16]}. */
    static String describe(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A plain value as messages and tables show it: 0.001 (never 1.0E-3), [256, 128], {type: step}. */
    static String text(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()
                    : d.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SweepBinder::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }

    /**
     * A checked value as plain Java, by the key's shape: Long for integer keys, Double for number keys (so 1 and
     * 1.0 are the same value), String, Boolean, List, Map (keys in file order), null.
     */
    static Object plain(YamlNode node, Shape shape) {
        if (ShapeChecker.isNull(node)) {
            return null;
        }
        if (node instanceof YamlScalar s) {
            Shape scalarShape = shape instanceof ShortOrObject so ? so.shortForm() : shape;
            return switch (s.kind()) {
                case INTEGER -> scalarShape instanceof NumberShape ? (Object) s.number()
                        : s.integer().bitLength() < 64 ? (Object) s.integer().longValue() : s.text();
                case FLOAT -> scalarShape instanceof IntShape ? (Object) (long) s.number() : (Object) s.number();
                case BOOLEAN -> s.value();
                default -> s.text();
            };
        }
        if (node instanceof YamlList list) {
            Shape item = shape instanceof ListShape l ? l.item() : ANY;
            List<Object> out = new ArrayList<>();
            list.items().forEach(i -> out.add(plain(i, item)));
            return out;
        }
        YamlMap map = (YamlMap) node;
        ObjectShape object = Trees.objectOf(shape);
        Map<String, Object> out = new LinkedHashMap<>();
        map.entries().forEach((k, e) -> {
            Field f = object == null ? null : object.field(k);
            out.put(k, plain(e.value(), f == null ? ANY : f.shape()));
        });
        return out;
    }
}
