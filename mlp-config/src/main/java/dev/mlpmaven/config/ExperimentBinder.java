package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.YamlNode.Entry;
import dev.mlpmaven.config.YamlNode.YamlList;
import dev.mlpmaven.config.YamlNode.YamlMap;
import dev.mlpmaven.config.YamlNode.YamlScalar;
import java.nio.file.Files;
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
        TrainingSpec training = training(object(root, Language.TRAINING), dataset.hasValidationSet(),
                validationFolder(dataset));
        return new Experiment(version, name, seed, dataset, model, optimizer, training,
                source.toAbsolutePath().normalize());
    }

    // ---- dataset

    /** The forms a dataset mapping can take, in the order messages list them. */
    private enum Form {
        NAME("name"), IDX("the four IDX files"), IMAGES("images"), CSV("csv");

        final String text;

        Form(String text) {
            this.text = text;
        }
    }

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
        List<Form> forms = new ArrayList<>();
        if (name != null) {
            forms.add(Form.NAME);
        }
        if (!present.isEmpty()) {
            forms.add(Form.IDX);
        }
        if (isSet(d, Language.IMAGES)) {
            forms.add(Form.IMAGES);
        }
        if (isSet(d, Language.CSV) || isSet(d, Language.TRAIN_CSV) || isSet(d, Language.TEST_CSV)) {
            forms.add(Form.CSV);
        }
        if (forms.equals(List.of(Form.NAME, Form.IDX))) {
            problems.add(d.location().problem("dataset", Messages.DATASET_NAME_AND_FILES));
            return DatasetSpec.named(name);
        }
        if (forms.size() > 1) {
            problems.add(d.location().problem("dataset", String.format(Messages.DATASET_FORMS,
                    Field.orList(forms.stream().map(f -> f.text).toList()).replace(" or ", " and "))));
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        Form form = forms.isEmpty() ? null : forms.get(0);
        onlyWith(d, form, Language.IMAGE_KEYS, Form.IMAGES, "images");
        onlyWith(d, form, Language.CSV_KEYS, Form.CSV, "a csv table");
        if (form != Form.IMAGES && form != Form.CSV && isSet(d, Language.TEST_SPLIT)) {
            problems.add(keyLocation(d, Language.TEST_SPLIT).problem("dataset.testSplit",
                    String.format(Messages.FORM_ONLY, "testSplit", formText(form), "images or csv")));
        }
        if (form == Form.NAME) {
            if (isSet(d, Language.CLASS_NAMES)) {
                problems.add(keyLocation(d, Language.CLASS_NAMES).problem("dataset.classNames", Messages.LOCAL_ONLY));
            }
            for (Field f : Language.VALIDATION_FILES) {
                if (isSet(d, f)) {
                    problems.add(keyLocation(d, f).problem("dataset." + f.name(),
                            String.format(Messages.VALIDATION_FILES_WITH_NAME, f.name())));
                }
            }
            if (isSet(d, Language.ARCHIVE)) {
                problems.add(keyLocation(d, Language.ARCHIVE).problem("dataset.archive", Messages.ARCHIVE_WITH_NAME));
            }
            return new DatasetSpec(name, null, null, null, null, strings(d, Language.MIRRORS),
                    paths(d, Language.DATA_DIRS), List.of());
        }
        if (form == null) {
            if (ShapeChecker.isNull(d.get(Language.DATASET_NAME.name()))) {
                problems.add(d.location().problem("dataset", Messages.DATASET_NEITHER));
            }
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        for (Field f : List.of(Language.MIRRORS, Language.DATA_DIRS)) {
            if (isSet(d, f)) {
                problems.add(keyLocation(d, f).problem("dataset." + f.name(),
                        String.format(Messages.NAMED_ONLY, f.name())));
            }
        }
        if (form != Form.IDX) {
            for (Field f : Language.VALIDATION_FILES) {
                if (isSet(d, f)) {
                    problems.add(keyLocation(d, f).problem("dataset." + f.name(),
                            String.format(Messages.FORM_ONLY, f.name(), formText(form), "the four IDX files")));
                }
            }
        }
        Path archive = isSet(d, Language.ARCHIVE) ? dataFile(d, Language.ARCHIVE, Messages.ARCHIVE_MISSING) : null;
        boolean inArchive = isSet(d, Language.ARCHIVE);
        List<String> classNames = strings(d, Language.CLASS_NAMES);
        checkClassNames(d, classNames);
        DatasetSpec spec = switch (form) {
            case IMAGES -> images(d, classNames, inArchive);
            case CSV -> csv(d, classNames, inArchive);
            default -> idxFiles(d, present, absent, inArchive);
        };
        return archive == null ? spec : spec.inArchive(archive);
    }

    private static String formText(Form form) {
        return switch (form) {
            case NAME -> "a named dataset";
            case IDX -> "IDX files";
            case IMAGES -> "images";
            case CSV -> "a csv table";
        };
    }

    /** Keys that belong to one form of dataset are errors with another. */
    private void onlyWith(YamlMap d, Form form, List<Field> keys, Form owner, String ownerText) {
        if (form == owner) {
            return;
        }
        for (Field f : keys) {
            if (isSet(d, f)) {
                problems.add(keyLocation(d, f).problem("dataset." + f.name(), String.format(Messages.FORM_ONLY,
                        f.name(), form == null ? "no data" : formText(form), ownerText)));
            }
        }
    }

    private void checkClassNames(YamlMap d, List<String> classNames) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < classNames.size(); i++) {
            if (!seen.add(classNames.get(i))) {
                YamlNode item = ((YamlList) value(d, Language.CLASS_NAMES)).items().get(i);
                problems.add(item.location().problem("dataset.classNames[" + i + "]", String.format(
                        Messages.CLASS_NAME_TWICE, KeyPaths.visible(classNames.get(i)))));
            }
        }
    }

    private DatasetSpec idxFiles(YamlMap d, List<Field> present, List<Field> absent, boolean inArchive) {
        if (!absent.isEmpty()) {
            problems.add(d.location().problem("dataset", String.format(Messages.DATASET_FILES_INCOMPLETE,
                    names(present), names(absent))));
            return DatasetSpec.named((String) Language.DATASET.defaultValue());
        }
        List<Path> files = new ArrayList<>();
        for (Field f : Language.DATASET_FILES) {
            files.add(inArchive ? inner(d, f) : dataFile(d, f));
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
            validationImages = inArchive ? inner(d, Language.VALIDATION_IMAGES) : dataFile(d, Language.VALIDATION_IMAGES);
            validationLabels = inArchive ? inner(d, Language.VALIDATION_LABELS) : dataFile(d, Language.VALIDATION_LABELS);
            if (validationImages == null || validationLabels == null) {
                validationImages = null; // an unreadable path is reported already
                validationLabels = null;
            }
        }
        return new DatasetSpec(null, files.get(0), files.get(1), files.get(2), files.get(3), List.of(), List.of(),
                strings(d, Language.CLASS_NAMES), validationImages, validationLabels);
    }

    private DatasetSpec images(YamlMap d, List<String> classNames, boolean inArchive) {
        Path folder;
        if (inArchive) {
            folder = inner(d, Language.IMAGES);
        } else {
            YamlNode n = value(d, Language.IMAGES);
            folder = resolve(n, "dataset.images");
            if (folder != null && !Files.isDirectory(folder)) {
                problems.add(n.location().problem("dataset.images", String.format(Messages.IMAGE_FOLDER_MISSING,
                        KeyPaths.path(folder))));
            }
        }
        int height = 0;
        int width = 0;
        YamlNode size = value(d, Language.IMAGE_SIZE);
        if (size != null) {
            List<YamlNode> hw = ((YamlList) size).items();
            height = ((YamlScalar) hw.get(0)).integer().intValueExact();
            width = ((YamlScalar) hw.get(1)).integer().intValueExact();
        }
        int channels = (int) longValue(d, Language.CHANNELS);
        long values = (long) height * width * channels;
        if (values > Defaults.MAX_IMAGE_VALUES) {
            problems.add(size.location().problem("dataset.imageSize", String.format(java.util.Locale.ROOT,
                    Messages.IMAGE_SIZE_TOO_LARGE, height, width, channels, values, Defaults.MAX_IMAGE_VALUES)));
        }
        ImageFolderSpec spec = new ImageFolderSpec(folder == null ? Path.of("") : folder, channels, height, width,
                bool(d, Language.INVERT));
        return DatasetSpec.imageFolder(spec, classNames, numberOr(d, Language.TEST_SPLIT, Defaults.TEST_SPLIT), null);
    }

    private DatasetSpec csv(YamlMap d, List<String> classNames, boolean inArchive) {
        boolean one = isSet(d, Language.CSV);
        boolean train = isSet(d, Language.TRAIN_CSV);
        boolean test = isSet(d, Language.TEST_CSV);
        Path file = null;
        Path trainFile = null;
        Path testFile = null;
        if (one && (train || test)) {
            Field other = train ? Language.TRAIN_CSV : Language.TEST_CSV;
            problems.add(keyLocation(d, other).problem("dataset." + other.name(),
                    String.format(Messages.CSV_AND_SPLIT_FILES, other.name())));
        } else if (train != test) {
            Field given = train ? Language.TRAIN_CSV : Language.TEST_CSV;
            Field missing = train ? Language.TEST_CSV : Language.TRAIN_CSV;
            problems.add(keyLocation(d, given).problem("dataset." + given.name(), String.format(
                    Messages.CSV_FILES_INCOMPLETE, given.name(), missing.name(), missing.name())));
        }
        if (one) {
            file = csvFile(d, Language.CSV, inArchive);
        } else {
            trainFile = csvFile(d, Language.TRAIN_CSV, inArchive);
            testFile = csvFile(d, Language.TEST_CSV, inArchive);
        }
        if (!one && isSet(d, Language.TEST_SPLIT)) {
            problems.add(keyLocation(d, Language.TEST_SPLIT).problem("dataset.testSplit", Messages.TEST_SPLIT_WITH_TEST_CSV));
        }
        YamlNode headerNode = value(d, Language.HEADER);
        CsvSpec.Header header = headerNode == null || Boolean.TRUE.equals(((YamlScalar) headerNode).value())
                ? CsvSpec.Header.NAMES
                : Boolean.FALSE.equals(((YamlScalar) headerNode).value()) ? CsvSpec.Header.NONE : CsvSpec.Header.SKLEARN;
        CsvSpec.Column label = column(d, value(d, Language.LABEL), "dataset.label", header);
        if (header != CsvSpec.Header.SKLEARN && ShapeChecker.isNull(d.get(Language.LABEL.name()))) {
            problems.add(d.location().problem("dataset.label", Messages.LABEL_MISSING));
        }
        List<CsvSpec.Column> features = new ArrayList<>();
        YamlNode featureList = value(d, Language.FEATURES);
        if (featureList != null) {
            List<YamlNode> items = ((YamlList) featureList).items();
            for (int i = 0; i < items.size(); i++) {
                CsvSpec.Column c = column(d, items.get(i), "dataset.features[" + i + "]", header);
                if (c == null) {
                    continue;
                }
                if (c.equals(label)) {
                    problems.add(items.get(i).location().problem("dataset.features[" + i + "]",
                            String.format(Messages.FEATURE_IS_LABEL, c)));
                } else if (features.contains(c)) {
                    problems.add(items.get(i).location().problem("dataset.features[" + i + "]",
                            String.format(Messages.FEATURE_TWICE, c)));
                } else {
                    features.add(c);
                }
            }
            if (items.isEmpty()) {
                problems.add(featureList.location().problem("dataset.features", Messages.FEATURES_EMPTY));
            }
        }
        String delimiter = text(d, Language.DELIMITER);
        if (file == null && (trainFile == null || testFile == null)) {
            return DatasetSpec.named((String) Language.DATASET.defaultValue()); // reported above
        }
        CsvSpec spec = new CsvSpec(file, file == null ? trainFile : null, file == null ? testFile : null, header,
                delimiter.charAt(0), label, features, text(d, Language.MISSING), text(d, Language.UNSEEN_CATEGORY));
        return DatasetSpec.csvTable(spec, classNames, one ? numberOr(d, Language.TEST_SPLIT, Defaults.TEST_SPLIT) : 0.0,
                null);
    }

    private Path csvFile(YamlMap d, Field f, boolean inArchive) {
        return inArchive ? inner(d, f) : dataFile(d, f, Messages.CSV_FILE_MISSING);
    }

    /** A column by name or index; a name needs a header line that names the columns. */
    private CsvSpec.Column column(YamlMap d, YamlNode node, String keyPath, CsvSpec.Header header) {
        if (node == null) {
            return null;
        }
        YamlScalar s = (YamlScalar) node;
        if (s.kind() == YamlNode.Kind.INTEGER) {
            return CsvSpec.Column.at(s.integer().intValueExact());
        }
        if (header != CsvSpec.Header.NAMES) {
            problems.add(s.location().problem(keyPath, String.format(Messages.COLUMN_NAME_WITHOUT_HEADER,
                    KeyPaths.visible(s.text()), header == CsvSpec.Header.NONE ? "false" : Defaults.HEADER_SKLEARN)));
            return null;
        }
        return CsvSpec.Column.named(s.text());
    }

    /** A path inside the archive: relative, without '..'; kept as written (normalised). */
    private Path inner(YamlMap d, Field f) {
        YamlNode n = value(d, f);
        if (n == null) {
            return null;
        }
        String text = ((YamlScalar) n).text();
        String keyPath = "dataset." + f.name();
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            problems.add(n.location().problem(keyPath,
                    String.format(Messages.NOT_A_PATH, KeyPaths.visible(text), e.getReason())));
            return null;
        }
        boolean up = false;
        for (Path part : p) {
            up |= part.toString().equals("..");
        }
        if (p.isAbsolute() || text.startsWith("/") || text.startsWith("\\") || up) {
            problems.add(n.location().problem(keyPath, String.format(Messages.NOT_INSIDE_ARCHIVE,
                    KeyPaths.visible(text))));
            return null;
        }
        return p.normalize();
    }

    /**
     * A local data file resolved against its experiment file; a missing file, a directory, a FIFO or a device, and
     * a file that cannot be read are problems (each in its own words, and nothing is opened but a regular file).
     */
    private Path dataFile(YamlMap d, Field f) {
        return dataFile(d, f, Messages.DATA_FILE_MISSING);
    }

    private Path dataFile(YamlMap d, Field f, String missingMessage) {
        YamlNode n = value(d, f);
        Path p = n == null ? null : resolve(n, "dataset." + f.name());
        if (p == null) {
            return null;
        }
        String keyPath = "dataset." + f.name();
        FileKind kind = FileKind.of(p);
        if (kind == FileKind.MISSING) {
            problems.add(n.location().problem(keyPath, String.format(missingMessage, KeyPaths.path(p))));
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

    /** The validation/ folder of an image folder on disk (not in an archive), or null. */
    private static Path validationFolder(DatasetSpec dataset) {
        if (dataset.images() == null || dataset.inArchive()) {
            return null;
        }
        Path v = dataset.images().folder().resolve(ImageFolderSpec.VALIDATION);
        return Files.isDirectory(v) && Files.isDirectory(dataset.images().folder().resolve(ImageFolderSpec.TRAIN))
                ? v : null;
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
        layerSizes(m);
        return new ModelSpec(layers, enumValue(Normalization.class, text(m, Language.NORMALIZATION)));
    }

    /**
     * Each hidden layer's weights must fit one array: {@code units x (units before + 1)} values at most
     * {@link LayerSpec#MAX_WEIGHTS} (the first layer's inputs are known only with the data; the engine checks it).
     */
    private void layerSizes(YamlMap m) {
        List<YamlScalar> units = new ArrayList<>();
        YamlNode layerList = value(m, Language.LAYERS);
        if (layerList instanceof YamlList list) {
            for (YamlNode item : list.items()) {
                YamlNode u = item instanceof YamlMap l && !checker.isInvalid(item) ? value(l, Language.UNITS) : null;
                units.add(u instanceof YamlScalar s ? s : null);
            }
        } else if (value(m, Language.HIDDEN) instanceof YamlList list) {
            list.items().forEach(i -> units.add(i instanceof YamlScalar s && !checker.isInvalid(i) ? s : null));
        }
        long total = 0;
        boolean each = true;
        for (int l = 1; l < units.size(); l++) {
            YamlScalar before = units.get(l - 1);
            YamlScalar here = units.get(l);
            if (before == null || here == null) {
                continue;
            }
            long in = (long) before.number();
            long out = (long) here.number();
            total += out * (in + 1);
            if (out * (in + 1) > LayerSpec.MAX_WEIGHTS) {
                each = false;
                String path = layerList instanceof YamlList ? "model.layers[" + l + "].units" : "model.hidden[" + l + "]";
                problems.add(here.location().problem(path, String.format(Messages.LAYER_NEVER_FITS, out, in,
                        LayerSpec.MAX_WEIGHTS / (in + 1))));
            }
        }
        if (each && total > LayerSpec.MAX_WEIGHTS) {
            YamlNode list = layerList != null ? layerList : value(m, Language.HIDDEN);
            problems.add(list.location().problem(layerList != null ? "model.layers" : "model.hidden",
                    String.format(Messages.NETWORK_NEVER_FITS, total)));
        }
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
    void typeRules(YamlMap map, ObjectShape shape, Field typeField, String path) {
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
                        f.shape().expected(), typeField.name(), type, f.name(), f.example())));
            }
        }
    }

    // ---- training

    /**
     * @param validationSet the dataset brings a separate validation set: the split defaults to 0 and must stay 0
     */
    private TrainingSpec training(YamlMap t, boolean validationFiles, Path validationFolder) {
        boolean validationSet = validationFiles || validationFolder != null;
        YamlNode splitNode = value(t, Language.VALIDATION_SPLIT);
        double validationSplit = validationSet && splitNode == null ? 0.0 : number(t, Language.VALIDATION_SPLIT);
        if (validationSet && validationSplit > 0.0) {
            String found = KeyPaths.visible(((YamlScalar) splitNode).text());
            problems.add(splitNode.location().problem("training.validationSplit", validationFiles
                    ? String.format(Messages.VALIDATION_SET_AND_SPLIT, found)
                    : String.format(Messages.VALIDATION_FOLDER_AND_SPLIT, found, KeyPaths.path(validationFolder))));
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
    YamlNode value(YamlMap map, Field f) {
        if (map == null) {
            return null;
        }
        YamlNode n = map.get(f.name());
        return ShapeChecker.isNull(n) || checker.isInvalid(n) ? null : n;
    }

    boolean isSet(YamlMap map, Field f) {
        return value(map, f) != null;
    }

    static Location keyLocation(YamlMap map, Field f) {
        Entry e = map.entries().get(f.name());
        return e == null ? map.location() : e.keyLocation();
    }

    /** The mapping under a key, with a short form expanded; null when absent. */
    private YamlMap object(YamlMap map, Field f) {
        YamlNode n = Trees.expandShort(value(map, f), f.shape());
        return n instanceof YamlMap m ? m : null;
    }

    String text(YamlMap map, Field f) {
        YamlNode n = value(map, f);
        return n == null ? (String) f.defaultValue() : ((YamlScalar) n).text();
    }

    long longValue(YamlMap map, Field f) {
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

    double number(YamlMap map, Field f) {
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
