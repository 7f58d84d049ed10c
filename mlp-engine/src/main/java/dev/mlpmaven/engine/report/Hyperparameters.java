package dev.mlpmaven.engine.report;

import dev.mlpmaven.config.DatasetSpec;
import dev.mlpmaven.config.EarlyStoppingSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.LayerSpec;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.OptimizerType;
import dev.mlpmaven.config.ScheduleSpec;
import dev.mlpmaven.config.TrainingSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The settings of an experiment as ordered "key -> value" rows, with the YAML's key paths and spellings. */
final class Hyperparameters {
    private Hyperparameters() {
    }

    static Map<String, String> of(Experiment e) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("name", e.name());
        rows.put("seed", Long.toString(e.seed()));
        if (e.source() != null) {
            rows.put("source", e.source().toString());
        }
        DatasetSpec d = e.dataset();
        if (d != null) {
            rows.put("dataset", d.isNamed() ? d.name() : "local files");
            if (d.hasValidationSet()) {
                rows.put("dataset.validationImages", d.validationImages().toString());
                rows.put("dataset.validationLabels", d.validationLabels().toString());
            }
        }
        if (e.model() != null) {
            rows.put("model.layers", e.model().layers().isEmpty() ? "none (softmax regression)"
                    : e.model().layers().stream().map(Hyperparameters::layer).collect(Collectors.joining(", ")));
            if (e.model().normalization() != null) {
                rows.put("model.normalization", e.model().normalization().yamlName());
            }
        }
        OptimizerSpec o = e.optimizer();
        if (o != null) {
            rows.put("optimizer.type", o.type() == null ? "?" : o.type().yamlName());
            rows.put("optimizer.learningRate", g(o.learningRate()));
            if (o.type() == OptimizerType.SGD) {
                rows.put("optimizer.momentum", g(o.momentum()));
                rows.put("optimizer.nesterov", Boolean.toString(o.nesterov()));
            }
            if (o.type() == OptimizerType.ADAM || o.type() == OptimizerType.ADAMW) {
                rows.put("optimizer.beta1", g(o.beta1()));
                rows.put("optimizer.beta2", g(o.beta2()));
            }
            if (o.type() == OptimizerType.RMSPROP) {
                rows.put("optimizer.rho", g(o.rho()));
            }
            if (o.type() != OptimizerType.SGD) {
                rows.put("optimizer.epsilon", g(o.epsilon()));
            }
            rows.put("optimizer.weightDecay", g(o.weightDecay()));
            rows.put("optimizer.clipNorm", o.clipNorm() == 0 ? "off" : g(o.clipNorm()));
            ScheduleSpec s = o.schedule();
            if (s != null) {
                rows.put("optimizer.schedule", schedule(s));
            }
        }
        TrainingSpec t = e.training();
        if (t != null) {
            rows.put("training.batchSize", Integer.toString(t.batchSize()));
            rows.put("training.epochs", Integer.toString(t.epochs()));
            rows.put("training.validationSplit", g(t.validationSplit()));
            EarlyStoppingSpec es = t.earlyStopping();
            rows.put("training.earlyStopping", es == null ? "off"
                    : es.metric() + ", patience " + es.patience() + ", minDelta " + g(es.minDelta()));
            rows.put("training.threads", t.threads() == 0 ? "one per core" : Integer.toString(t.threads()));
        }
        return rows;
    }

    private static String layer(LayerSpec l) {
        StringBuilder s = new StringBuilder().append(l.units());
        if (l.activation() != null) {
            s.append(' ').append(l.activation().yamlName());
        }
        if (l.dropout() > 0) {
            s.append(" dropout ").append(g(l.dropout()));
        }
        if (l.init() != null) {
            s.append(" (").append(l.init().yamlName()).append(')');
        }
        return s.toString();
    }

    private static String schedule(ScheduleSpec s) {
        String base = s.type() == null ? "?" : s.type().yamlName();
        String detail = switch (s.type() == null ? dev.mlpmaven.config.ScheduleType.CONSTANT : s.type()) {
            case CONSTANT -> "";
            case STEP -> " (every " + s.stepSize() + " epochs x " + g(s.gamma()) + ")";
            case EXPONENTIAL -> " (x " + g(s.gamma()) + " per epoch)";
            case COSINE -> " (down to " + g(s.minLearningRate()) + ")";
        };
        String warmup = s.warmupEpochs() > 0 ? ", warm-up " + s.warmupEpochs() + " epochs" : "";
        return base + detail + warmup;
    }

    /** Shortest plain rendering of a double: 0.001, 0.9, 1e-08. */
    static String g(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? String.format(java.util.Locale.ROOT, "%.3g", v).replace("e-0", "e-") : s;
    }

    /**
     * A computed value (a scheduled learning rate) to four significant digits, then as {@link #g(double)}: 0.0255
     * rather than 0.025500000000000002.
     */
    static String sig4(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return g(v);
        }
        return g(new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue());
    }
}
