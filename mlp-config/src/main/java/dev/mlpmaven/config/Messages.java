package dev.mlpmaven.config;

/**
 * Every user-facing message of the experiment loader, "found X, expected Y - hint". Tests and integration tests
 * match them word for word; change them here only.
 */
public final class Messages {
    // the file as a whole
    public static final String NO_SUCH_FILE =
            "found no such file, expected an experiment YAML file - check the path (mlp.experiment)";
    public static final String EMPTY_FILE =
            "found an empty file, expected an experiment mapping - start with e.g. name: my-experiment";
    public static final String NOT_UTF8 =
            "found bytes that are not UTF-8, expected a UTF-8 text file - save the file as UTF-8";
    public static final String SYNTAX =
            "found invalid YAML (%s), expected well-formed YAML - check indentation, colons and quotes here";
    public static final String SECOND_DOCUMENT = "found a second YAML document, expected one experiment per file"
            + " - remove the '---' line or split the file";
    public static final String ROOT_NOT_MAP =
            "found %s, expected a mapping of experiment keys - start with e.g. name: my-experiment";
    public static final String FILE_TOO_LARGE = "found a file of %d bytes, expected an experiment file of at most %d"
            + " bytes - experiment files are a few lines of settings; nothing of this file was read";
    public static final String NOT_A_FILE = "found %s, expected an experiment YAML file - name a regular file"
            + " (mlp.experiment, or a .yaml file in the experiment directory)";
    public static final String TAG = "found a YAML tag %s, expected %s - tags are not part of the experiment"
            + " language; remove the tag";
    public static final String DUPLICATE_KEY =
            "found key '%s' a second time (first on line %d), expected each key once - remove one of them";
    public static final String ALIAS = "found alias *%s, expected a plain value"
            + " - YAML anchors and aliases are not supported; share settings with extends";

    // keys and values
    public static final String FOUND_EXPECTED = "found %s, expected %s - %s";
    public static final String UNKNOWN_KEY = "found unknown key '%s', expected a key of %s - %s";
    public static final String DID_YOU_MEAN = "did you mean '%s'?";
    public static final String VALID_KEYS = "valid keys: %s";
    public static final String MISSING = "found nothing, expected %s - %s";

    // extends
    public static final String EXTENDS_MISSING =
            "found no file at %s, expected an experiment file to extend - the path is relative to the folder of %s";
    public static final String EXTENDS_NOT_A_FILE =
            "found %s at %s, expected an experiment file to extend - name a .yaml or .yml file";
    public static final String EXTENDS_ABSOLUTE = "found absolute path '%s', expected a path relative to the folder"
            + " of %s - extends reads only .yaml and .yml files under %s (widen it with <extendsRoot> or"
            + " -Dmlp.extendsRoot)";
    public static final String EXTENDS_NOT_YAML = "found '%s', expected a .yaml or .yml file - extends reads only"
            + " experiment files";
    public static final String EXTENDS_OUTSIDE = "found '%s', which leads to %s outside %s, expected a file under %s"
            + " - extends reads only files under this folder; move the base file into it, or widen it with"
            + " <extendsRoot> or -Dmlp.extendsRoot";
    public static final String EXTENDS_CYCLE =
            "found a cycle %s, expected a chain of extends that ends - remove one of these extends";

    // cross-field rules
    public static final String NOT_FOR_TYPE =
            "found %1$s with %2$s %3$s, expected %1$s only with %2$s %4$s - remove it or change %5$s";
    /** Arguments: what the key is, the selector key (type, method), its value, the key, an example. */
    public static final String REQUIRED_FOR_TYPE = "found nothing, expected %s with %s %s - e.g. %s: %s";
    public static final String NESTEROV_WITHOUT_MOMENTUM = "found true with momentum 0, expected momentum > 0"
            + " - set optimizer.momentum (e.g. 0.9) or remove nesterov";
    public static final String EARLY_STOPPING_WITHOUT_VALIDATION = "found early stopping with validationSplit 0,"
            + " expected validationSplit > 0 or a validation set - early stopping watches the validation set;"
            + " set training.validationSplit (e.g. 0.1), add dataset.validationImages and dataset.validationLabels,"
            + " or remove earlyStopping";
    public static final String VALIDATION_SET_AND_SPLIT = "found validationSplit %s with a separate validation set"
            + " (dataset.validationImages, dataset.validationLabels), expected one of them - remove"
            + " training.validationSplit to validate on the validation set, or remove dataset.validationImages and"
            + " dataset.validationLabels to split the training data";
    public static final String VALIDATION_FILES_INCOMPLETE = "found %s without %s, expected both or neither of"
            + " validationImages and validationLabels - add %s or remove %s";
    public static final String VALIDATION_FILES_WITH_NAME = "found %s with a named dataset, expected it only with"
            + " local files - named datasets validate on training.validationSplit; remove it";
    public static final String MIN_LEARNING_RATE_TOO_HIGH = "found %s, expected less than optimizer.learningRate"
            + " (%s) - cosine decays from the learning rate down to this floor";
    public static final String LAYER_NEVER_FITS = "found %d units after a layer of %d, expected at most %d units"
            + " there - a layer's weights (units x (inputs + 1)) are one array of at most 2147483639 values, so this"
            + " layer can never fit; use smaller layers";
    public static final String NETWORK_NEVER_FITS = "found hidden layers with %d weights between them, expected at"
            + " most 2147483639 - the network's weights are one array, so it can never fit; use smaller layers";
    public static final String HIDDEN_AND_LAYERS = "found both hidden and layers, expected one of them"
            + " - hidden: [256, 256] is short for layers: [{units: 256}, {units: 256}]";
    public static final String DATASET_NAME_AND_FILES = "found both name and local files, expected one of them"
            + " - keep name for a named dataset, or the four file keys for local files";
    public static final String DATASET_NEITHER = "found no data, expected name, the four IDX files, images, or csv"
            + " (or trainCsv and testCsv) - e.g. dataset: fashion-mnist-sample";
    public static final String DATASET_FORMS = "found %s, expected one form of dataset - keep name, the four IDX"
            + " files, images, or csv (or trainCsv and testCsv)";
    public static final String FORM_ONLY = "found %s with %s, expected it only with %s - remove it";
    public static final String ARCHIVE_WITH_NAME = "found archive with a named dataset, expected it only with data of"
            + " your own - named datasets are found in dataDirs or downloaded; remove it";
    public static final String ARCHIVE_MISSING = "found no file at %s, expected an archive (.zip, .tar, .tar.gz, .tgz,"
            + " .tar.xz, .tar.bz2 or .tar.zst) - paths are relative to the experiment file that names them";
    public static final String NOT_INSIDE_ARCHIVE = "found '%s', expected a relative path inside the archive"
            + " - write it as the archive lists it, without a leading '/' or '..'";
    /** height, width, channels, values, limit. */
    public static final String IMAGE_SIZE_TOO_LARGE = "found [%d, %d] with %d channel(s) = %d values per image,"
            + " expected at most %d - use a smaller imageSize (or channels: 1)";
    public static final String IMAGE_FOLDER_MISSING = "found no folder at %s, expected a folder of images"
            + " (train/<class>/ and test/<class>/, or <class>/ folders) - paths are relative to the experiment file"
            + " that names them";
    public static final String CLASS_NAME_TWICE = "found class name '%s' a second time, expected each class once"
            + " - remove one of them";
    public static final String CSV_FILE_MISSING = "found no file at %s, expected a CSV file (plain, gzip, xz, bzip2"
            + " or zstd) - paths are relative to the experiment file that names them";
    public static final String CSV_AND_SPLIT_FILES = "found both csv and %s, expected one table (csv, split by"
            + " testSplit) or two (trainCsv and testCsv) - remove one";
    public static final String CSV_FILES_INCOMPLETE = "found %s without %s, expected both - add %s, or use csv"
            + " with testSplit for one table";
    public static final String TEST_SPLIT_WITH_TEST_CSV = "found testSplit with trainCsv and testCsv, expected it"
            + " only with one csv file - the test set is testCsv; remove testSplit";
    public static final String LABEL_MISSING = "found nothing, expected the label column, by name or 0-based index"
            + " - e.g. label: species (the column that holds the class)";
    public static final String COLUMN_NAME_WITHOUT_HEADER = "found column name '%s' with header: %s, expected a"
            + " 0-based column index - without a header line the columns have no names";
    public static final String FEATURE_IS_LABEL = "found the label column %s among the features, expected features"
            + " other than the label - remove it from features";
    public static final String FEATURE_TWICE = "found column %s a second time, expected each feature once"
            + " - remove one of them";
    public static final String FEATURES_EMPTY = "found an empty list, expected at least one column - list the input"
            + " columns, or remove features to use every column except the label";
    public static final String VALIDATION_FOLDER_AND_SPLIT = "found validationSplit %s with a validation folder (%s),"
            + " expected one of them - remove training.validationSplit to validate on the folder, or remove the"
            + " folder to split the training data";
    public static final String DATASET_FILES_INCOMPLETE = "found %s without %s, expected all four of trainImages,"
            + " trainLabels, testImages, testLabels - add the missing keys";
    public static final String NAMED_ONLY = "found %s with local files, expected it only with a named dataset"
            + " - remove it";
    public static final String LOCAL_ONLY = "found classNames with a named dataset, expected it only with local"
            + " files - named datasets bring their own class names";
    public static final String DATA_FILE_MISSING = "found no file at %s, expected an IDX file (raw, gzip, xz, bzip2 or zstd)"
            + " - paths are relative to the experiment file that names them";

    public static final String NOT_A_PATH = "found '%s', expected a file path - %s";
    public static final String DATA_FILE_NOT_A_FILE = "found %s at %s, expected a regular file"
            + " - name the data file itself";
    public static final String DATA_FILE_UNREADABLE = "found a file at %s that cannot be read (%s), expected a"
            + " readable file - check its permissions";

    // the experiment name, which names the output folder <outputDirectory>/<name>/
    public static final String NAME_TOO_LONG = "found '%s', expected at most %d characters - the"
            + " name is a folder name, and the folder's staging name .<name>.staging-<pid>-<random> must fit the"
            + " file system's limit of 255 bytes";
    public static final String NAME_RESERVED = "found '%s', expected a name other than %s - the plugin writes these"
            + " files next to the experiment folders in target/mlp/";

    // sweeps (sweep: method, trials, seed, metric, goal, parameters)
    public static final String SWEEP_UNKNOWN_KEY_PATH = "found unknown key path '%s', expected a key path of the"
            + " experiment (as in -Dmlp.set.<key.path>) - %s";
    public static final String SWEEP_VALID_KEYS = "valid keys of %s: %s";
    public static final String SWEEP_NOT_SWEEPABLE = "found key path '%s', expected a key that can differ between"
            + " trials - name, version, extends and sweep are the same for every trial";
    public static final String SWEEP_BELOW_VALUE = "found a key below %s, expected %s to be swept as a whole"
            + " - e.g. %s: {values: [...]}";
    public static final String SWEEP_OVERLAP = "found key paths %s and %s, expected swept keys that do not contain"
            + " each other - sweep one of them";
    public static final String SWEEP_NO_PARAMETERS = "found no parameters, expected at least one swept key"
            + " - e.g. parameters: {optimizer.learningRate: {values: [0.1, 0.01]}}";
    public static final String SWEEP_VALUES_AND_RANGE = "found values and a range (min, max), expected one of them"
            + " - values lists what to try; min and max give a range to draw from (random)";
    public static final String SWEEP_NEITHER = "found neither values nor min and max, expected one of them"
            + " - e.g. {values: [0.1, 0.01]} or {min: 1.0e-4, max: 0.1, scale: log}";
    public static final String SWEEP_HALF_RANGE = "found %s without %s, expected both min and max - add %s";
    public static final String SWEEP_SCALE_WITHOUT_RANGE = "found scale with values, expected scale only with min"
            + " and max - remove it";
    public static final String SWEEP_RANGE_IN_GRID = "found a range (min, max), expected values with method grid"
            + " - a grid tries every value of a list; use method: random to draw from a range";
    public static final String SWEEP_RANGE_NOT_NUMBER = "found a range (min, max) for %s, which is %s, expected"
            + " values - a range works for number and integer keys only; list the values instead";
    public static final String SWEEP_MIN_ABOVE_MAX = "found min %s above max %s, expected min <= max - swap them";
    public static final String SWEEP_LOG_NOT_POSITIVE = "found %s with scale log, expected a number > 0 - a log"
            + " scale cannot reach 0 or below; use scale: linear or a min above 0";
    public static final String SWEEP_EMPTY_VALUES = "found an empty list, expected at least one value - e.g."
            + " values: [%s]";
    public static final String SWEEP_DUPLICATE_VALUE = "found %s a second time (first at values[%d]), expected"
            + " each value once - remove one of them";
    public static final String SWEEP_GRID_TOO_LARGE = "found a grid of %s trials, expected at most %d - list fewer"
            + " values, or draw some trials with method: random";
    public static final String SWEEP_TOO_FEW_COMBINATIONS = "found %d, expected at most %d, the number of distinct"
            + " combinations of the parameters - lower trials, list more values or widen a range";
    public static final String SWEEP_DRAWS_EXHAUSTED = "found only %d distinct trials in %d draws, expected %d"
            + " - the ranges give too few distinct values (drawn numbers keep 4 significant digits); widen a range"
            + " or lower trials";
    public static final String SWEEP_METRIC_WITHOUT_VALIDATION = "found %s with no validation data"
            + " (training.validationSplit 0 and no validation set), expected test_accuracy or test_loss, or"
            + " validation data - set training.validationSplit (e.g. 0.1) or rank the trials by a test metric";
    public static final String SWEEP_OVERRIDE_CONFLICT = "found an override of %s, which the sweep sets in every"
            + " trial (sweep.parameters.%s), expected it in one place - remove the override or the parameter";
    /** A problem that shows in one trial only: the problem, the trial's number, the trial count, its values. */
    public static final String IN_TRIAL = "%s (in sweep trial %d of %d: %s)";

    // command-line overrides (-Dmlp.set.key.path=value)
    public static final String OVERRIDE_FILE = "<override mlp.set.%s>";
    public static final String OVERRIDE_NOT_YAML = "found '%s', which is not a YAML value, expected %s"
            + " - quote text, write lists as [a, b] and mappings as {k: v}";
    public static final String OVERRIDE_TOO_LONG = "found a value of %d characters, expected at most %d"
            + " - an override is one setting";
    public static final String OVERRIDE_EMPTY = "found an empty value, expected %s - write -Dmlp.set.%s=<value>";
    public static final String OVERRIDE_BELOW_VALUE = "found a key below %s, expected %s to be set as a whole"
            + " - write -Dmlp.set.%s=<value>";
    public static final String OVERRIDE_EXTENDS = "found extends, expected a key that can be overridden"
            + " - extends is resolved before overrides; edit the file instead";

    private Messages() {
    }
}
