package dev.mlpmaven.config;

import java.util.List;

/**
 * Every default of the experiment language, in one place. {@link Language} attaches them to keys; the binder, the
 * JSON Schema and docs/yaml-reference.md read them from there.
 */
public final class Defaults {
    /** The language versions this plugin reads. */
    public static final List<Integer> VERSIONS = List.of(1);
    public static final int VERSION = 1;
    public static final long SEED = 42;
    public static final String DATASET = "fashion-mnist-sample";
    public static final List<Integer> HIDDEN = List.of(256, 256);
    public static final Activation ACTIVATION = Activation.RELU;
    public static final double DROPOUT = 0.0;
    public static final Normalization NORMALIZATION = Normalization.SCALE;
    public static final OptimizerType OPTIMIZER = OptimizerType.SGD;
    public static final double SGD_LEARNING_RATE = 0.01;
    public static final double ADAPTIVE_LEARNING_RATE = 0.001;
    public static final double MOMENTUM = 0.0;
    public static final boolean NESTEROV = false;
    public static final double WEIGHT_DECAY = 0.0;
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double RHO = 0.9;
    public static final double EPSILON = 1e-8;
    public static final double CLIP_NORM = 0.0;
    public static final ScheduleType SCHEDULE = ScheduleType.CONSTANT;
    public static final double MIN_LEARNING_RATE = 0.0;
    public static final int WARMUP_EPOCHS = 0;
    public static final int BATCH_SIZE = 256;
    public static final int EPOCHS = 10;
    public static final double VALIDATION_SPLIT = 0.1;
    public static final String EARLY_STOPPING_METRIC = "validation_accuracy";
    public static final int PATIENCE = 3;
    public static final double MIN_DELTA = 0.0;
    public static final int THREADS = 0;

    // datasets of your own (image folders, csv tables)
    public static final int CHANNELS = 1;
    public static final boolean INVERT = false;
    /** The largest image side {@code imageSize} accepts. */
    public static final int MAX_IMAGE_SIDE = 4096;
    /** The most values (height x width x channels) one image may give the network: mlp-runtime's input limit, 2^24. */
    public static final long MAX_IMAGE_VALUES = 1 << 24;
    /** The test fraction of one image folder of classes or one csv file. */
    public static final double TEST_SPLIT = 0.2;
    public static final String HEADER_SKLEARN = "sklearn";
    public static final String DELIMITER = ",";
    /** {@code missing}: the first is the default. */
    public static final List<String> MISSING_POLICIES = List.of("error", "mean");
    /** {@code unseenCategory}: the first is the default. */
    public static final List<String> UNSEEN_POLICIES = List.of("error", "zero");

    private Defaults() {
    }

    /** sgd 0.01; adam, adamw and rmsprop 0.001. */
    public static double learningRate(OptimizerType type) {
        return type == OptimizerType.SGD ? SGD_LEARNING_RATE : ADAPTIVE_LEARNING_RATE;
    }
}
