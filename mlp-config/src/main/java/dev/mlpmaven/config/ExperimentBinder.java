package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the records from a tree that {@link ShapeChecker} has checked: fills in defaults from {@link Language},
 * expands short forms, resolves paths, and applies the rules that span several keys (nesterov needs momentum,
 * early stopping needs a validation split or set, a validation set excludes a split, keys that belong to another
 * optimizer or schedule type, ...).
 * A value the checker rejected is read as its default, so each mistake is reported once.
 */
final class ExperimentBinder {
    private final ShapeChecker checker;
    private final List<Problem> problems;

    ExperimentBinder(ShapeChecker checker, List<Problem> problems) {
        this.checker = checker;
        this.problems = problems;
    }

    Experiment bind(YamlMap root, Path source) {
        int version = (int) longValue(root, Language.VERSION);
        String name = text(root, Language.NAME);
        long seed = longValue(root, Language.SEED);
        DatasetSpec dataset = dataset(object(root, Language.DATASET));
        ModelSpec model = model(object(root, Language.MODEL));
        OptimizerSpec optimizer = optimizer(object(root, Language.OPTIMIZER));
        TrainingSpec training = training(object(root, Language.TRAINING), dataset.hasValidationSet());
        return new Experiment(version, name, seed, dataset, model, optimizer, training,
                source.toAbsolutePath().normalize());
    }

    // ---- dataset

    private DatasetSpec dataset(YamlMap d) {
        if (d == null) {
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        String name = text(d, Language.DATASET_NAME);
        List<Field> present = new ArrayList<>();
        List<Field> absent = new ArrayList<>();
        for (Field f : Language.DATASET_FILES) {
            (d.get(f.name()) != null && !ShapeChecker.isNull(d.get(f.name())) ? present : absent).add(f);
        }
        if (name != null && !present.isEmpty()) {
            problems.add(d.location().problem("dataset", Messages.DATASET_NAME_AND_FILES));
            return DatasetSpec.named(name);
        }
        if (name != null) {
            if (isSet(d, Language.CLASS_NAMES)) {
                problems.add(keyLocation(d, Language.CLASS_NAMES).problem("dataset.classNames", Messages.LOCAL_ONLY));
            }
            for (Field f : Language.VALIDATION_FILES) {
                if (isSet(d, f)) {
                    problems.add(keyLocation(d, f).problem("dataset." + f.name(),
                            String.format(Messages.VALIDATION_FILES_WITH_NAME, f.name())));
                }
            }
            return new DatasetSpec(name, null, null, null, null, strings(d, Language.MIRRORS),
                    paths(d, Language.DATA_DIRS), List.of());
        }
        if (present.isEmpty()) {
            if (ShapeChecker.isNull(d.get(Language.DATASET_NAME.name()))) {
                problems.add(d.location().problem("dataset", Messages.DATASET_NEITHER));
            }
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        if (!absent.isEmpty()) {
            problems.add(d.location().problem("dataset", String.format(Messages.DATASET_FILES_INCOMPLETE,
                    names(present), names(absent))));
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        for (Field f : List.of(Language.MIRRORS, Language.DATA_DIRS)) {
            if (isSet(d, f)) {
                problems.add(keyLocation(d, f).problem("dataset." + f.name(),
                        String.format(Messages.NAMED_ONLY, f.name())));
            }
        }
        List<Path> files = new ArrayList<>();
        for (Field f : Language.DATASET_FILES) {
            files.add(dataFile(d, f));
        }
        Path validationImages = null;
        Path validationLabels = null;
        boolean hasImages = isSet(d, Language.VALIDATION_IMAGES);
        boolean hasLabels = isSet(d, Language.VALIDATION_LABELS);
        if (hasImages != hasLabels) {
            Field given = hasImages ? Language.VALIDATION_IMAGES : Language.VALIDATION_LABELS;
            Field missing = hasImages ? Language.VALIDATION_LABELS : Language.VALIDATION_IMAGES;
            problems.add(keyLocation(d, given).problem("dataset." + given.name(), String.format(
                    Messages.VALIDATION_FILES_INCOMPLETE, given.name(), missing.name(), missing.name(), given.name())));
        } else if (hasImages) {
            validationImages = dataFile(d, Language.VALIDATION_IMAGES);
            validationLabels = dataFile(d, Language.VALIDATION_LABELS);
            if (validationImages == null || validationLabels == null) {
                validationImages = null; // an unreadable path is reported already
                validationLabels = null;
            }
        }
        return new DatasetSpec(null, files.get(0), files.get(1), files.get(2), files.get(3), List.of(), List.of(),
                strings(d, Language.CLASS_NAMES), validationImages, validationLabels);
    }

    /**
     * A local data file resolved against its experiment file; a missing file, a directory, a FIFO or a device, and
     * a file that cannot be read are problems (each in its own words, and nothing is opened but a regular file).
     */
    private Path dataFile(YamlMap d, Field f) {
        YamlNode n = value(d, f);
        Path p = n == null ? null : resolve(n, "dataset." + f.name());
        if (p == null) {
            return null;
        }
        String keyPath = "dataset." + f.name();
        FileKind kind = FileKind.of(p);
        if (kind == FileKind.MISSING) {
            problems.add(n.location().problem(keyPath, String.format(Messages.DATA_FILE_MISSING, KeyPaths.path(p))));
        } else if (kind != FileKind.REGULAR) {
            problems.add(n.location().problem(keyPath, String.format(Messages.DATA_FILE_NOT_A_FILE, kind.words(),
                    KeyPaths.path(p))));
        } else {
            String why = FileKind.unreadableReason(p);
            if (why != null) {
                problems.add(n.location().problem(keyPath, String.format(Messages.DATA_FILE_UNREADABLE,
                        KeyPaths.path(p), why)));
            }
        }
        return p;
    }

    private static String names(List<Field> fields) {
        return String.join(", ", fields.stream().map(Field::name).toList());
    }

    /** A path as written, against the folder of the file that wrote it (an override: the experiment file). */
    private Path resolve(YamlNode node, String keyPath) {
        String text = ((YamlScalar) node).text();
        Path source = node.location().source();
        Path folder = source == null ? Path.of("") : source.toAbsolutePath().getParent();
        try {
            return folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            problems.add(node.location().problem(keyPath,
                    String.format(Messages.NOT_A_PATH, KeyPaths.visible(text), e.getReason())));
            return null;
        }
    }

    // ---- model

    private ModelSpec model(YamlMap m) {
        if (isSet(m, Language.HIDDEN) && isSet(m, Language.LAYERS)) {
            problems.add(m.location().problem("model", Messages.HIDDEN_AND_LAYERS));
        }
        Activation activation = enumValue(Activation.class, text(m, Language.ACTIVATION));
        double dropout = number(m, Language.DROPOUT);
        String initText = text(m, Language.INIT);
        Init init = initText == null ? null : enumValue(Init.class, initText);
        List<LayerSpec> layers = new ArrayList<>();
        YamlNode layerList = value(m, Language.LAYERS);
        if (layerList instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlMap l) || checker.isInvalid(item)) {
                    continue;
                }
                Activation a = isSet(l, Language.LAYER_ACTIVATION)
                        ? enumValue(Activation.class, text(l, Language.LAYER_ACTIVATION)) : activation;
                double drop = isSet(l, Language.LAYER_DROPOUT) ? number(l, Language.LAYER_DROPOUT) : dropout;
                Init i = isSet(l, Language.LAYER_INIT) ? enumValue(Init.class, text(l, Language.LAYER_INIT)) : init;
                int units = (int) longValue(l, Language.UNITS, 1);
                layers.add(new LayerSpec(units, a, drop, i == null ? a.defaultInit() : i));
            }
        } else {
            for (long units : longs(m, Language.HIDDEN)) {
                Init i = init == null ? activation.defaultInit() : init;
                layers.add(new LayerSpec((int) units, activation, dropout, i));
            }
        }
        return new ModelSpec(layers, enumValue(Normalization.class, text(m, Language.NORMALIZATION)));
    }

    // ---- optimizer

    private OptimizerSpec optimizer(YamlMap o) {
        OptimizerType type = enumValue(OptimizerType.class, text(o, Language.OPTIMIZER_TYPE));
        typeRules(o, Language.OPTIMIZER_OBJECT, Language.OPTIMIZER_TYPE, "optimizer");
        double learningRate = isSet(o, Language.LEARNING_RATE)
                ? number(o, Language.LEARNING_RATE) : Defaults.learningRate(type);
        double momentum = number(o, Language.MOMENTUM);
        boolean nesterov = bool(o, Language.NESTEROV);
        YamlNode momentumNode = o == null ? null : o.get(Language.MOMENTUM.name());
        boolean momentumRejected = momentumNode != null && checker.isInvalid(momentumNode);
        if (type == OptimizerType.SGD && nesterov && momentum == 0.0 && !momentumRejected) {
            problems.add(value(o, Language.NESTEROV).location().problem("optimizer.nesterov",
                    Messages.NESTEROV_WITHOUT_MOMENTUM));
        }
        ScheduleSpec schedule = schedule(object(o, Language.SCHEDULE), learningRate);
        return new OptimizerSpec(type, learningRate, momentum, nesterov, number(o, Language.WEIGHT_DECAY),
                number(o, Language.BETA1), number(o, Language.BETA2), number(o, Language.RHO),
                number(o, Language.EPSILON), number(o, Language.CLIP_NORM), schedule);
    }

    private ScheduleSpec schedule(YamlMap s, double learningRate) {
        ScheduleType type = enumValue(ScheduleType.class, text(s, Language.SCHEDULE_TYPE));
        typeRules(s, Language.SCHEDULE_OBJECT, Language.SCHEDULE_TYPE, "optimizer.schedule");
        double min = number(s, Language.MIN_LEARNING_RATE);
        if (type == ScheduleType.COSINE && isSet(s, Language.MIN_LEARNING_RATE) && min >= learningRate) {
            problems.add(value(s, Language.MIN_LEARNING_RATE).location().problem("optimizer.schedule.minLearningRate",
                    String.format(Messages.MIN_LEARNING_RATE_TOO_HIGH, KeyPaths.visible(((YamlScalar) value(s,
                            Language.MIN_LEARNING_RATE)).text()), plain(learningRate))));
        }
        ScheduleSpec constant = ScheduleSpec.CONSTANT;
        int stepSize = type == ScheduleType.STEP ? (int) longValue(s, Language.STEP_SIZE, constant.stepSize())
                : constant.stepSize();
        double gamma = type == ScheduleType.STEP || type == ScheduleType.EXPONENTIAL
                ? numberOr(s, Language.GAMMA, constant.gamma()) : constant.gamma();
        return new ScheduleSpec(type, stepSize, gamma, type == ScheduleType.COSINE ? min : constant.minLearningRate(),
                (int) longValue(s, Language.WARMUP_EPOCHS));
    }

    /**
     * Keys that apply to some values of the sibling {@code type} only ({@code beta1} for adam and adamw) must not
     * appear with another type; keys some types need ({@code stepSize} for step) must appear with them.
     */
    private void typeRules(YamlMap map, ObjectShape shape, Field typeField, String path) {
        if (map == null) {
            return;
        }
        YamlNode typeNode = map.get(typeField.name());
        if (typeNode != null && checker.isInvalid(typeNode)) {
            return; // an unknown type is reported already; its rules are unknown
        }
        String type = text(map, typeField);
        String typePath = path + "." + typeField.name();
        for (Field f : shape.fields()) {
            boolean set = isSet(map, f);
            if (set && !f.onlyFor().isEmpty() && !f.onlyFor().contains(type)) {
                problems.add(keyLocation(map, f).problem(path + "." + f.name(), String.format(Messages.NOT_FOR_TYPE,
                        f.name(), typeField.name(), type, Field.orList(f.onlyFor()), typePath)));
            }
            if (!set && f.requiredFor().contains(type) && map.get(f.name()) == null) {
                problems.add(map.location().problem(path + "." + f.name(), String.format(Messages.REQUIRED_FOR_TYPE,
                        f.shape().expected(), type, f.name(), f.example())));
            }
        }
    }

    // ---- training

    /**
     * @param validationSet the dataset brings a separate validation set: the split defaults to 0 and must stay 0
     */
    private TrainingSpec training(YamlMap t, boolean validationSet) {
        YamlNode splitNode = value(t, Language.VALIDATION_SPLIT);
        double validationSplit = validationSet && splitNode == null ? 0.0 : number(t, Language.VALIDATION_SPLIT);
        if (validationSet && validationSplit > 0.0) {
            problems.add(splitNode.location().problem("training.validationSplit",
                    String.format(Messages.VALIDATION_SET_AND_SPLIT, KeyPaths.visible(((YamlScalar) splitNode).text()))));
        }
        EarlyStoppingSpec earlyStopping = null;
        YamlNode esNode = value(t, Language.EARLY_STOPPING);
        if (esNode instanceof YamlMap es) {
            earlyStopping = new EarlyStoppingSpec(text(es, Language.METRIC), (int) longValue(es, Language.PATIENCE),
                    number(es, Language.MIN_DELTA));
            if (validationSplit == 0.0 && !validationSet) {
                problems.add(esNode.location().problem("training.earlyStopping",
                        Messages.EARLY_STOPPING_WITHOUT_VALIDATION));
            }
        }
        return new TrainingSpec((int) longValue(t, Language.BATCH_SIZE), (int) longValue(t, Language.EPOCHS),
                validationSplit, earlyStopping, (int) longValue(t, Language.THREADS));
    }

    // ---- reading checked values; absent, null or rejected values give the default

    /** The value node of a key, or null when it is absent, null, or was rejected by the checker. */
    private YamlNode value(YamlMap map, Field f) {
        if (map == null) {
            return null;
        }
        YamlNode n = map.get(f.name());
        return ShapeChecker.isNull(n) || checker.isInvalid(n) ? null : n;
    }

    private boolean isSet(YamlMap map, Field f) {
        return value(map, f) != null;
    }

    private static Location keyLocation(YamlMap map, Field f) {
        Entry e = map.entries().get(f.name());
        return e == null ? map.location() : e.keyLocation();
    }

    /** The mapping under a key, with a short form expanded; null when absent. */
    private YamlMap object(YamlMap map, Field f) {
        YamlNode n = Trees.expandShort(value(map, f), f.shape());
        return n instanceof YamlMap m ? m : null;
    }

    private String text(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        return n == null ? (String) f.defaultValue() : ((YamlScalar) n).text();
    }

    private long longValue(YamlMap map, Field f) {
        return value(map, f) == null ? ((Number) f.defaultValue()).longValue() : longValue(map, f, 0);
    }

    private long longValue(YamlMap map, Field f, long fallback) {
        YamlNode n = value(map, f);
        if (n == null) {
            return fallback;
        }
        YamlScalar s = (YamlScalar) n;
        return s.kind() == YamlNode.Kind.INTEGER ? s.integer().longValueExact() : (long) s.number();
    }

    private double number(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        return n == null ? ((Number) f.defaultValue()).doubleValue() : ((YamlScalar) n).number();
    }

    private double numberOr(YamlMap map, Field f, double fallback) {
        YamlNode n = value(map, f);
        return n == null ? fallback : ((YamlScalar) n).number();
    }

    private boolean bool(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        return n == null ? (Boolean) f.defaultValue() : (Boolean) ((YamlScalar) n).value();
    }

    private List<String> strings(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        return n == null ? List.of() : ((YamlList) n).items().stream().map(i -> ((YamlScalar) i).text()).toList();
    }

    private List<Path> paths(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        if (n == null) {
            return List.of();
        }
        List<YamlNode> items = ((YamlList) n).items();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Path p = resolve(items.get(i), "dataset." + f.name() + "[" + i + "]");
            if (p != null) {
                paths.add(p);
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private List<Long> longs(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        if (n == null) {
            return ((List<Integer>) f.defaultValue()).stream().map(Integer::longValue).toList();
        }
        return ((YamlList) n).items().stream().map(i -> (long) ((YamlScalar) i).number()).toList();
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String yamlName) {
        return Enum.valueOf(type, yamlName.toUpperCase(Locale.ROOT));
    }
}
