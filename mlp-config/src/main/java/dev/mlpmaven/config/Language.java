package dev.mlpmaven.config;

import dev.mlpmaven.config.Shape.BoolShape;
import dev.mlpmaven.config.Shape.EnumShape;
import dev.mlpmaven.config.Shape.IntShape;
import dev.mlpmaven.config.Shape.AnyShape;
import dev.mlpmaven.config.Shape.ListShape;
import dev.mlpmaven.config.Shape.MapShape;
import dev.mlpmaven.config.Shape.NumberShape;
import dev.mlpmaven.config.Shape.ObjectShape;
import dev.mlpmaven.config.Shape.OneOf;
import dev.mlpmaven.config.Shape.ShortOrObject;
import dev.mlpmaven.config.Shape.StringShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The experiment language, version 1: every key, its shape, default, description and example. This table is the
 * single source for the checker and binder ({@link ShapeChecker}, {@link ExperimentBinder}), the JSON Schema
 * ({@link ExperimentSchema#json()}) and docs/yaml-reference.md ({@link ExperimentSchema#referenceMarkdown()}).
 */
final class Language {
    static final String TYPE = "type";
    static final List<String> DATASET_NAMES = List.of("fashion-mnist-sample", "mnist", "fashion-mnist");
    static final List<String> EARLY_STOPPING_METRICS = List.of("validation_accuracy", "validation_loss");

    private static final StringShape PATH = new StringShape(null, "a file path relative to this file");
    private static final StringShape TEXT = new StringShape(null, "a string");

    /** Where a data file key's path points, and what an IDX file may be. */
    private static final String IDX_FILE = "an IDX file (raw, or compressed with gzip, xz, bzip2 or zstd, recognised "
            + "by its magic bytes), relative to the experiment file (with archive: a path inside the archive)";

    // ---- dataset
    static final Field DATASET_NAME = Field.of("name", new EnumShape(DATASET_NAMES),
            "A named dataset: the embedded sample, or one found in dataDirs or downloaded.", "mnist");
    static final Field MIRRORS = Field.of("mirrors", new ListShape(new StringShape(null, "a URL")),
            "Base URLs tried before the built-in mirrors (named datasets only).",
            "[\"https://example.org/mnist/\"]").defaultsTo(List.of());
    static final Field DATA_DIRS = Field.of("dataDirs", new ListShape(PATH),
            "Folders searched for a local copy before downloading (named datasets only).",
            "[/usr/share/datasets/mnist]").defaultsTo(List.of());
    static final Field TRAIN_IMAGES = Field.of("trainImages", PATH,
            "Training images: " + IDX_FILE + ".",
            "data/train-images-idx3-ubyte.gz");
    static final Field TRAIN_LABELS = Field.of("trainLabels", PATH,
            "Training labels: " + IDX_FILE + ".",
            "data/train-labels-idx1-ubyte.gz");
    static final Field TEST_IMAGES = Field.of("testImages", PATH,
            "Test images: " + IDX_FILE + ".", "data/t10k-images-idx3-ubyte.gz");
    static final Field TEST_LABELS = Field.of("testLabels", PATH,
            "Test labels: " + IDX_FILE + ".", "data/t10k-labels-idx1-ubyte.gz");
    static final Field VALIDATION_IMAGES = Field.of("validationImages", PATH,
            "Images of a separate validation set, only with the four IDX files (with validationLabels; instead of"
                    + " training.validationSplit): " + IDX_FILE + ".",
            "data/validation-images-idx3-ubyte.gz");
    static final Field VALIDATION_LABELS = Field.of("validationLabels", PATH,
            "Labels of the separate validation set: " + IDX_FILE + ".",
            "data/validation-labels-idx1-ubyte.gz");
    static final Field CLASS_NAMES = Field.of("classNames", new ListShape(TEXT),
            "Class names in label order: names for the labels of IDX files; the order of the class folders of "
                    + "images or of the label values of a csv table (every one listed once). Not with a named dataset.",
            "[cat, dog]").defaultsTo(List.of())
            .defaultText("IDX: 0, 1, ...; images: the class folders' names, sorted; csv: the label values, sorted");
    static final List<Field> DATASET_FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    static final List<Field> VALIDATION_FILES = List.of(VALIDATION_IMAGES, VALIDATION_LABELS);

    // ---- dataset: archives
    static final Field ARCHIVE = Field.of("archive", PATH,
            "An archive holding the data (.zip, .tar, .tar.gz, .tgz, .tar.xz, .tar.bz2 or .tar.zst, recognised by its "
                    + "magic bytes, not its name), relative to the experiment file; images, csv, trainCsv, testCsv "
                    + "and the IDX file keys (validation files included) are then paths inside it, extracted once "
                    + "into the cache. Not with a named dataset.",
            "data/faces.tar.xz");

    // ---- dataset: image folders
    static final Field IMAGES = Field.of("images", PATH,
            "A folder of images (PNG, JPEG, BMP, GIF) with one sub-folder per class: train/<class>/ and "
                    + "test/<class>/ (and optionally validation/<class>/), or just <class>/ folders split by testSplit; "
                    + "relative to the experiment file (with archive: a path inside the archive).",
            "data/faces/");
    static final Field CHANNELS = Field.of("channels",
            new OneOf(List.of(new IntShape(1, 1), new IntShape(3, 3)), "1 or 3"),
            "Colour channels of the network input: 1 converts to grayscale (ITU-R BT.601 luma), 3 keeps RGB (images only).",
            "3").defaultsTo(Defaults.CHANNELS);
    static final Field IMAGE_SIZE = Field.of("imageSize", ListShape.ofSize(new IntShape(1, Defaults.MAX_IMAGE_SIDE), 2),
            "Height and width every image is resized to (bilinear); absent: the images' own size, which must then be "
                    + "the same for all (images only). Height x width x channels at most " + Defaults.MAX_IMAGE_VALUES
                    + ".", "[28, 28]").defaultText("the images' own size");
    static final Field INVERT = Field.of("invert", new BoolShape(),
            "Invert every pixel (255 - value) after the colour conversion, e.g. dark ink on white paper becomes "
                    + "MNIST's light on black (images only).", "true").defaultsTo(Defaults.INVERT);
    static final Field TEST_SPLIT = Field.of("testSplit", new NumberShape(0.0, true, 1.0, true),
            "Fraction of the samples held out as the test set, stratified by class and seeded by seed; for one folder "
                    + "of class folders (images) or one csv file.", "0.2")
            .defaultText("0.2 with one image folder of classes or one csv file");

    // ---- dataset: csv tables
    static final Field CSV = Field.of("csv", PATH,
            "One CSV table (plain, or compressed with gzip, xz, bzip2 or zstd, recognised by its magic bytes), "
                    + "relative to the experiment file (with archive: a path inside the archive), split into train "
                    + "and test by testSplit.", "data/iris.csv");
    static final Field TRAIN_CSV = Field.of("trainCsv", PATH,
            "The training table (with testCsv, instead of csv), plain or compressed like csv, relative to the "
                    + "experiment file (with archive: a path inside the archive).", "data/train.csv");
    static final Field TEST_CSV = Field.of("testCsv", PATH,
            "The test table, with the columns of trainCsv; plain or compressed like csv, located like trainCsv.",
            "data/test.csv");
    private static final Shape COLUMN = new OneOf(List.of(new StringShape(null, "a column name"),
            new IntShape(0, Integer.MAX_VALUE)), "a column name or a 0-based column index");
    static final Field LABEL = Field.of("label", COLUMN,
            "The column holding the class: its name in the header line, or its 0-based index (csv only).", "species")
            .defaultText("required; with header: sklearn the last column");
    static final Field FEATURES = Field.of("features", new ListShape(COLUMN),
            "The input columns, by name or 0-based index, in this order (csv only).", "[sepal_length, 2]")
            .defaultsTo(List.of()).defaultText("every column except the label");
    static final Field HEADER = Field.of("header", new OneOf(List.of(new BoolShape(),
                    new EnumShape(List.of(Defaults.HEADER_SKLEARN))), "true, false or sklearn"),
            "The first line: true names the columns; false means there is no header (columns are named 0, 1, ...); "
                    + "sklearn is scikit-learn's n_samples,n_features,class names... line (csv only).", "sklearn")
            .defaultsTo(true);
    static final Field DELIMITER = Field.of("delimiter",
            new StringShape("^[^\\r\\n\"]$", "one character (not a quote or a line break)"),
            "The character between fields (csv only); a tab is \"\\t\".", "\";\"").defaultsTo(Defaults.DELIMITER);
    static final Field MISSING = Field.of("missing", new EnumShape(Defaults.MISSING_POLICIES),
            "An empty cell: error stops with the file, row and column; mean fills a numeric cell with the training "
                    + "mean and leaves a text cell's one-hot columns all 0 (csv only).", "mean")
            .defaultsTo(Defaults.MISSING_POLICIES.get(0));
    static final Field UNSEEN_CATEGORY = Field.of("unseenCategory", new EnumShape(Defaults.UNSEEN_POLICIES),
            "A text value at test or prediction time that the training table never had: error, or zero (its one-hot "
                    + "columns all 0) (csv only).", "zero").defaultsTo(Defaults.UNSEEN_POLICIES.get(0));

    static final List<Field> IMAGE_KEYS = List.of(CHANNELS, IMAGE_SIZE, INVERT);
    static final List<Field> CSV_KEYS = List.of(LABEL, FEATURES, HEADER, DELIMITER, MISSING, UNSEEN_CATEGORY);
    static final ObjectShape DATASET_OBJECT = new ObjectShape("dataset", List.of(DATASET_NAME, MIRRORS, DATA_DIRS,
            TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, VALIDATION_IMAGES, VALIDATION_LABELS,
            CLASS_NAMES, ARCHIVE, IMAGES, CHANNELS, IMAGE_SIZE, INVERT, TEST_SPLIT, CSV, TRAIN_CSV, TEST_CSV, LABEL,
            FEATURES, HEADER, DELIMITER, MISSING, UNSEEN_CATEGORY));

    // ---- model
    private static final String UNITS_HINT = "a layer has at most " + LayerSpec.MAX_UNITS
            + " units, what a model file holds";
    static final Field UNITS = Field.of("units", new IntShape(1, LayerSpec.MAX_UNITS), "Neurons in this layer.",
            "256").mandatory().hint(UNITS_HINT + ", e.g. units: 256");
    static final Field LAYER_ACTIVATION = Field.of("activation", EnumShape.of(Activation.class),
            "Activation of this layer.", "relu").defaultText("model.activation");
    static final Field LAYER_DROPOUT = Field.of("dropout", NumberShape.fraction(0, 1),
            "Fraction of this layer's outputs dropped while training.", "0.1").defaultText("model.dropout");
    static final Field LAYER_INIT = Field.of("init", EnumShape.of(Init.class),
            "Weight initialisation of this layer: he (normal), xavier (uniform), or uniform (PyTorch's nn.Linear "
                    + "default, biases included; when every hidden layer uses it, the output layer does too).", "he").defaultText("model.init");
    static final ObjectShape LAYER_OBJECT = new ObjectShape("layer",
            List.of(UNITS, LAYER_ACTIVATION, LAYER_DROPOUT, LAYER_INIT));

    static final Field HIDDEN = Field.of("hidden", new ListShape(new IntShape(1, LayerSpec.MAX_UNITS)),
            "Hidden layer sizes, short for layers; [] is softmax regression.", "[256, 256]")
            .defaultsTo(Defaults.HIDDEN).defaultText("[256, 256] when layers is absent")
            .hint(UNITS_HINT + ", e.g. hidden: [256, 256]");
    static final Field LAYERS = Field.of("layers", new ListShape(LAYER_OBJECT),
            "Hidden layers in order, each with its own settings (instead of hidden).",
            "[{units: 256, activation: relu, dropout: 0.1}]")
            .hint("for plain sizes write hidden: [256, 128]; layers takes mappings such as [{units: 256}]");
    static final Field ACTIVATION = Field.of("activation", EnumShape.of(Activation.class),
            "Activation of every hidden layer that names none.", "relu").defaultsTo(Defaults.ACTIVATION.yamlName());
    static final Field DROPOUT = Field.of("dropout", NumberShape.fraction(0, 1),
            "Dropout of every hidden layer that names none.", "0.2").defaultsTo(Defaults.DROPOUT);
    static final Field INIT = Field.of("init", EnumShape.of(Init.class),
            "Weight initialisation of every hidden layer that names none: he, xavier or uniform (PyTorch's "
                    + "default).", "xavier")
            .defaultText("he for relu, leaky_relu, elu and gelu; xavier for tanh and sigmoid");
    static final Field NORMALIZATION = Field.of("normalization", EnumShape.of(Normalization.class),
            "Input scaling: pixels / 255, or standardised with the training set's mean and deviation.",
            "standardize").defaultsTo(Defaults.NORMALIZATION.yamlName());
    static final ObjectShape MODEL_OBJECT = new ObjectShape("model",
            List.of(HIDDEN, LAYERS, ACTIVATION, DROPOUT, INIT, NORMALIZATION));

    // ---- optimizer
    static final Field SCHEDULE_TYPE = Field.of(TYPE, EnumShape.of(ScheduleType.class),
            "How the learning rate changes per epoch.", "cosine").defaultsTo(Defaults.SCHEDULE.yamlName());
    static final Field STEP_SIZE = Field.of("stepSize", IntShape.atLeast(1),
            "Epochs between decays (step).", "5").onlyFor("step").requiredFor("step");
    static final Field GAMMA = Field.of("gamma", NumberShape.openClosed(0, 1),
            "Decay factor: per stepSize epochs (step) or per epoch (exponential).", "0.5")
            .onlyFor("step", "exponential").requiredFor("step", "exponential");
    static final Field MIN_LEARNING_RATE = Field.of("minLearningRate", NumberShape.atLeast(0),
            "Learning rate reached at the last epoch (cosine).", "0.0001")
            .defaultsTo(Defaults.MIN_LEARNING_RATE).onlyFor("cosine");
    static final Field WARMUP_EPOCHS = Field.of("warmupEpochs", IntShape.atLeast(0),
            "Epochs of linear warm-up to the base rate before the schedule starts.", "1")
            .defaultsTo(Defaults.WARMUP_EPOCHS);
    static final ObjectShape SCHEDULE_OBJECT = new ObjectShape("schedule",
            List.of(SCHEDULE_TYPE, STEP_SIZE, GAMMA, MIN_LEARNING_RATE, WARMUP_EPOCHS));

    static final Field OPTIMIZER_TYPE = Field.of(TYPE, EnumShape.of(OptimizerType.class),
            "The update rule.", "adam").defaultsTo(Defaults.OPTIMIZER.yamlName());
    static final Field LEARNING_RATE = Field.of("learningRate", NumberShape.greaterThan(0),
            "Base learning rate.", "0.01").defaultText("0.01 for sgd; 0.001 for adam, adamw and rmsprop");
    static final Field MOMENTUM = Field.of("momentum", NumberShape.fraction(0, 1),
            "Momentum (sgd).", "0.9").defaultsTo(Defaults.MOMENTUM).onlyFor("sgd");
    static final Field NESTEROV = Field.of("nesterov", new BoolShape(),
            "Nesterov momentum (sgd); needs momentum > 0.", "true").defaultsTo(Defaults.NESTEROV).onlyFor("sgd");
    static final Field WEIGHT_DECAY = Field.of("weightDecay", NumberShape.atLeast(0),
            "L2 penalty (sgd, adam, rmsprop) or decoupled weight decay (adamw).", "0.0005")
            .defaultsTo(Defaults.WEIGHT_DECAY);
    static final Field BETA1 = Field.of("beta1", NumberShape.fraction(0, 1),
            "First-moment decay (adam, adamw).", "0.9").defaultsTo(Defaults.BETA1).onlyFor("adam", "adamw");
    static final Field BETA2 = Field.of("beta2", NumberShape.fraction(0, 1),
            "Second-moment decay (adam, adamw).", "0.999").defaultsTo(Defaults.BETA2).onlyFor("adam", "adamw");
    static final Field RHO = Field.of("rho", NumberShape.fraction(0, 1),
            "Squared-gradient decay (rmsprop).", "0.9").defaultsTo(Defaults.RHO).onlyFor("rmsprop");
    static final Field EPSILON = Field.of("epsilon", NumberShape.greaterThan(0),
            "Denominator guard (adam, adamw, rmsprop).", "1.0e-8").defaultsTo(Defaults.EPSILON)
            .onlyFor("adam", "adamw", "rmsprop");
    static final Field CLIP_NORM = Field.of("clipNorm", NumberShape.atLeast(0),
            "Clip the global gradient norm to this value; 0 turns clipping off.", "1.0")
            .defaultsTo(Defaults.CLIP_NORM);
    static final Field SCHEDULE = Field.of("schedule",
            new ShortOrObject(SCHEDULE_TYPE.shape(), TYPE, SCHEDULE_OBJECT),
            "Learning-rate schedule: a type, or a mapping with the type and its settings.",
            "{type: cosine, warmupEpochs: 1}").defaultsTo(Defaults.SCHEDULE.yamlName());
    static final ObjectShape OPTIMIZER_OBJECT = new ObjectShape("optimizer", List.of(OPTIMIZER_TYPE, LEARNING_RATE,
            MOMENTUM, NESTEROV, WEIGHT_DECAY, BETA1, BETA2, RHO, EPSILON, CLIP_NORM, SCHEDULE));

    // ---- training
    static final Field METRIC = Field.of("metric", new EnumShape(EARLY_STOPPING_METRICS),
            "Validation metric watched: accuracy (higher is better) or loss (lower is better).",
            "validation_loss").defaultsTo(Defaults.EARLY_STOPPING_METRIC);
    static final Field PATIENCE = Field.of("patience", IntShape.atLeast(1),
            "Epochs without improvement before training stops; the best weights are kept.", "5")
            .defaultsTo(Defaults.PATIENCE);
    static final Field MIN_DELTA = Field.of("minDelta", NumberShape.atLeast(0),
            "Smallest change of the metric that counts as an improvement.", "0.001").defaultsTo(Defaults.MIN_DELTA);
    static final ObjectShape EARLY_STOPPING_OBJECT = new ObjectShape("earlyStopping",
            List.of(METRIC, PATIENCE, MIN_DELTA));

    static final Field BATCH_SIZE = Field.of("batchSize", IntShape.atLeast(1),
            "Samples per training step.", "128").defaultsTo(Defaults.BATCH_SIZE);
    static final Field EPOCHS = Field.of("epochs", IntShape.atLeast(1),
            "Passes over the training data.", "20").defaultsTo(Defaults.EPOCHS);
    static final Field VALIDATION_SPLIT = Field.of("validationSplit", NumberShape.fraction(0, 1),
            "Fraction of the training data held out for validation; not with a separate validation set.", "0.1")
            .defaultsTo(Defaults.VALIDATION_SPLIT)
            .defaultText("0.1; 0 when dataset has validationImages and validationLabels");
    static final Field EARLY_STOPPING = Field.of("earlyStopping", EARLY_STOPPING_OBJECT,
            "Stop when the validation metric stops improving; absent means off.",
            "{metric: validation_accuracy, patience: 3}").defaultText("off");
    static final Field THREADS = Field.of("threads", IntShape.atLeast(0),
            "Threads for the math library; 0 means one per core.", "2").defaultsTo(Defaults.THREADS);
    static final ObjectShape TRAINING_OBJECT = new ObjectShape("training",
            List.of(BATCH_SIZE, EPOCHS, VALIDATION_SPLIT, EARLY_STOPPING, THREADS));

    // ---- the file
    static final Field VERSION = Field.of("version", new IntShape(1, 1),
            "Language version of this file.", "1").defaultsTo(Defaults.VERSION)
            .hint("this plugin reads experiment language versions: 1");
    static final Field NAME = Field.of("name",
            new StringShape("^[A-Za-z0-9][A-Za-z0-9._-]*$",
                    "a name that starts with a letter or digit, then letters, digits, '.', '_' or '-'",
                    Experiment.NAME_MAX_LENGTH, Experiment.RESERVED_NAMES),
            "Experiment name; results go to target/mlp/<name>/.", "fashion-seed").mandatory()
            .hint("it names the output folder target/mlp/<name>/, e.g. name: fashion-seed");
    static final Field SEED = Field.of("seed", IntShape.anyLong(),
            "Seed for initialisation, shuffling and the validation split.", "7").defaultsTo(Defaults.SEED);
    static final Field EXTENDS = Field.of("extends",
            new StringShape(null, "a .yaml or .yml file path relative to this file, under the project folder"),
            "Another experiment file this one builds on; mappings merge deeply and this file wins. Only .yaml and"
                    + " .yml files under the project folder (the plugin's extendsRoot) are read.",
            "base.yaml");
    static final Field DATASET = Field.of("dataset", new ShortOrObject(DATASET_NAME.shape(), "name", DATASET_OBJECT),
            "The data: a dataset name, or a mapping with a name, four local IDX files, a folder of images or a csv "
                    + "table (optionally inside an archive).",
            "fashion-mnist-sample").defaultsTo(Defaults.DATASET);
    static final Field MODEL = Field.of("model", MODEL_OBJECT, "The network between input and softmax output.",
            "{hidden: [256, 256]}");
    static final Field OPTIMIZER = Field.of("optimizer", OPTIMIZER_OBJECT, "The optimizer and its schedule.",
            "{type: adam}");
    static final Field TRAINING = Field.of("training", TRAINING_OBJECT, "How long and in what batches to train.",
            "{epochs: 10}");

    // ---- sweep: trials of the experiment over key paths of the keys above
    /** The keys a sweep may vary, with everything below them (the key paths of -Dmlp.set.). */
    static final List<Field> SWEEPABLE = List.of(SEED, DATASET, MODEL, OPTIMIZER, TRAINING);
    /** The most trials one sweep may have (a grid's product of value counts, or random trials). */
    static final int MAX_TRIALS = 10_000;
    static final List<String> SWEEP_METHODS = List.of("grid", "random");
    static final List<String> SWEEP_METRICS = List.of("validation_accuracy", "validation_loss", "test_accuracy",
            "test_loss");
    static final List<String> SWEEP_GOALS = List.of("maximize", "minimize");

    static final Field VALUES = Field.of("values", new ListShape(new AnyShape()),
            "The values to try, each a value of the swept key (grid: every one; random: one drawn per trial).",
            "[0.1, 0.01]");
    static final Field RANGE_MIN = Field.of("min", NumberShape.any(),
            "Lowest value drawn (random only; a number key). Integers for an integer key.", "1.0e-4");
    static final Field RANGE_MAX = Field.of("max", NumberShape.any(),
            "Highest value drawn (random only; a number key). Integers for an integer key.", "0.1");
    static final Field SCALE = Field.of("scale", new EnumShape(List.of("linear", "log")),
            "How min..max is drawn: evenly, or evenly in the logarithm (needs min > 0).", "log")
            .defaultsTo("linear");
    static final ObjectShape PARAMETER_OBJECT = new ObjectShape("sweep parameter",
            List.of(VALUES, RANGE_MIN, RANGE_MAX, SCALE));

    static final Field METHOD = Field.of("method", new EnumShape(SWEEP_METHODS),
            "grid: one trial per combination of the values; random: trials drawn at random.", "random")
            .defaultsTo("grid");
    static final Field TRIALS = Field.of("trials", new IntShape(1, MAX_TRIALS),
            "How many distinct trials to draw (random).", "20").onlyFor("random").requiredFor("random");
    static final Field SWEEP_SEED = Field.of("seed", IntShape.anyLong(),
            "Seed of the random draws (random); the same seed draws the same trials on every machine.", "1")
            .defaultText("the experiment's seed").onlyFor("random");
    static final Field SWEEP_METRIC = Field.of("metric", new EnumShape(SWEEP_METRICS),
            "What ranks the trials: the validation metrics of the kept epoch, or the test metrics.",
            "validation_loss").defaultsTo("validation_accuracy");
    static final Field GOAL = Field.of("goal", new EnumShape(SWEEP_GOALS),
            "Whether a higher or a lower metric is better.", "minimize")
            .defaultText("maximize for accuracies, minimize for losses");
    static final Field PARAMETERS = Field.of("parameters",
            new MapShape("sweep parameters", PARAMETER_OBJECT, keyPaths(SWEEPABLE)),
            "The swept keys: a key path of this page (as in -Dmlp.set.<key.path>; not name, version, extends or"
                    + " sweep) to its values or range.",
            "{optimizer.learningRate: {values: [0.1, 0.01]}}").mandatory()
            .hint("e.g. parameters: {optimizer.learningRate: {values: [0.1, 0.01]}}");
    static final ObjectShape SWEEP_OBJECT = new ObjectShape("sweep",
            List.of(METHOD, TRIALS, SWEEP_SEED, SWEEP_METRIC, GOAL, PARAMETERS), METHOD.name());
    static final Field SWEEP = Field.of("sweep", SWEEP_OBJECT,
            "Train one trial of this experiment per combination of values (grid) or per draw (random).",
            "{parameters: {optimizer.learningRate: {values: [0.1, 0.01]}}}");

    static final ObjectShape ROOT = new ObjectShape("experiment",
            List.of(VERSION, NAME, SEED, EXTENDS, DATASET, MODEL, OPTIMIZER, TRAINING, SWEEP));

    /** Every key path below {@code fields}, depth first: {@code model}, {@code model.hidden}, ... */
    static List<String> keyPaths(List<Field> fields) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            addKeyPaths("", f, out);
        }
        return List.copyOf(out);
    }

    private static void addKeyPaths(String prefix, Field f, List<String> out) {
        String path = KeyPaths.child(prefix, f.name());
        out.add(path);
        ObjectShape inner = Trees.objectOf(f.shape());
        if (inner != null) {
            for (Field child : inner.fields()) {
                addKeyPaths(path, child, out);
            }
        }
    }

    private Language() {
    }
}
