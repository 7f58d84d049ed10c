package dev.mlpmaven.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.mlpmaven.config.EarlyStoppingSpec;
import dev.mlpmaven.config.Experiment;
import dev.mlpmaven.config.OptimizerSpec;
import dev.mlpmaven.config.TrainingSpec;
import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.LoadedDataset;
import dev.mlpmaven.engine.model.InputScaling;
import dev.mlpmaven.engine.model.TrainedModel;
import dev.mlpmaven.runtime.ImageInput;

/**
 * Trains the MLP of an experiment with softmax cross-entropy.
 *
 * <p>Reproducible: every random choice comes from the experiment seed through four independent streams split
 * from it in a fixed order (initialisation, shuffling, validation split, dropout), and all reductions run in a
 * fixed order, so the same seed on the same machine and BLAS thread count gives bit-identical weights and metrics.
 *
 * <p>Validation metrics (and early stopping) use the dataset's separate validation set when it has one, else a
 * seeded stratified hold-out of {@code training.validationSplit} of the training data ({@link ValidationSplit}).
 *
 * <p>Fast: plain SGD (the default) fuses each layer's update into the gemm that computes its gradient; the other
 * optimizers update every parameter in one pass ({@link Optimizer}); each activation, its dropout mask and its
 * derivative are one pass ({@link Kernels}); every buffer is allocated before the first step (see
 * {@link Workspace}). See docs/performance.md.
 */
public final class Trainer {
    /** Samples per batch when evaluating. */
    public static final int EVAL_BATCH = 2000;
    public static final String METRIC_ACCURACY = "validation_accuracy";
    public static final String METRIC_LOSS = "validation_loss";

    /** Argument: the validation split. */
    public static final String NO_VALIDATION = "training.earlyStopping: found training.validationSplit %s, expected "
            + "a split > 0 - early stopping watches a validation metric; set training.validationSplit, e.g. 0.1";
    /** Argument: the metric found. */
    public static final String BAD_METRIC = "training.earlyStopping.metric: found \"%s\", expected "
            + METRIC_ACCURACY + " or " + METRIC_LOSS;
    /** Arguments: pixels per test image, pixels per training image. */
    public static final String INPUT_MISMATCH = "dataset: found test images of %d pixels, expected %d like the "
            + "training images - use a test set of the same image size";
    /** Arguments: split, the label, the sample, the largest class index, the number of classes. */
    public static final String LABEL_RANGE = "dataset %s labels: found label %d at sample %d, expected 0..%d - "
            + "the dataset names %d classes";
    /** Arguments: pixels per validation image, pixels per training image. */
    public static final String VALIDATION_INPUT_MISMATCH = "dataset: found validation images of %d pixels, expected"
            + " %d like the training images - use a validation set of the same image size";
    /** Argument: the validation split. */
    public static final String VALIDATION_SET_AND_SPLIT = "training.validationSplit: found %s with a separate"
            + " validation set, expected 0 - remove training.validationSplit or the dataset's validation files";
    /** Arguments: training samples left after the validation split. */
    public static final String TOO_FEW = "training.validationSplit: found %d training samples left after the "
            + "validation split, expected at least 1 - lower training.validationSplit";

    private final Experiment experiment;
    private final TrainingListener listener;

    private final long maxScaledInputBytes;
    private StepProfile profile;
    private int epochLimit;

    public Trainer(Experiment experiment, TrainingListener listener) {
        this(experiment, listener, ScaledInputs.MAX_BYTES);
    }

    /** With {@code maxScaledInputBytes}: above it, batches are gathered from the pixel bytes (see ScaledInputs). */
    Trainer(Experiment experiment, TrainingListener listener, long maxScaledInputBytes) {
        this.experiment = experiment;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.maxScaledInputBytes = maxScaledInputBytes;
    }

    /**
     * For benchmarks: times each phase of every training step into {@code p} (see {@link StepProfile}), at a cost
     * of two {@code System.nanoTime()} calls per phase.
     */
    public Trainer profile(StepProfile p) {
        this.profile = p;
        return this;
    }

    /**
     * For benchmarks that compare the first epochs of a longer plan: stops after {@code epochs} epochs while the
     * learning-rate schedule still follows {@code training.epochs}. 0: no limit.
     */
    public Trainer epochLimit(int epochs) {
        this.epochLimit = epochs;
        return this;
    }

    public TrainingOutcome train(LoadedDataset data) {
        TrainingSpec ts = experiment.training();
        OptimizerSpec os = experiment.optimizer();
        check(data);
        EarlyStoppingSpec es = ts.earlyStopping();
        if (es != null && !METRIC_ACCURACY.equals(es.metric()) && !METRIC_LOSS.equals(es.metric())) {
            throw new UserException(String.format(Locale.ROOT, BAD_METRIC, es.metric()));
        }
        Natives.setBlasThreads(ts.threads());

        SplittableRandom root = new SplittableRandom(experiment.seed());
        SplittableRandom initRng = root.split();
        SplittableRandom shuffleRng = root.split();
        SplittableRandom splitRng = root.split();
        SplittableRandom dropoutRng = root.split();
        long dropoutSeed = dropoutRng.nextLong(); // with the step, it keys every dropout mask (see Dropout)

        DataSplit train = data.train();
        // a separate validation set replaces the split: every training sample trains
        ValidationSplit split = ValidationSplit.of(train.labels(), data.numClasses(),
                data.hasValidationSet() ? 0.0 : ts.validationSplit(), splitRng);
        if (split.train().length == 0) {
            throw new UserException(String.format(Locale.ROOT, TOO_FEW, 0));
        }
        DataSplit validation = data.hasValidationSet() ? data.validation() : train;
        int[] validationOrder = data.hasValidationSet() ? null : split.validation();
        int validationCount = data.hasValidationSet() ? data.validation().size() : split.validation().length;
        if (es != null && validationCount == 0) {
            throw new UserException(String.format(Locale.ROOT, NO_VALIDATION, ts.validationSplit()));
        }
        // a table's rows are encoded (standardised, one-hot) by its loader: its floats reach the network as they are
        InputScaling scaling = train.isTable() ? InputScaling.UNIT
                : PixelScaling.of(experiment.model().normalization(), train.images(),
                        data.input() instanceof ImageInput i && i.invert());
        // the runtime's table (invert, then scaling): training sees exactly what prediction will
        float[] lut = data.input() instanceof ImageInput image
                ? image.withScaling(scaling.toRuntime()).lookupTable() : PixelScaling.lookupTable(scaling);

        Network net = new Network(data.inputSize(), experiment.model().layers(), data.numClasses());
        double divergedLoss = TrainingDivergedException.limit(data.numClasses());
        Workspace ws = null;
        Workspace evalWs = null;
        ScaledInputs inputs = null;
        try {
            net.initialise(initRng);

            int[] order = split.train();
            int n = order.length;
            int batchSize = Math.min(ts.batchSize(), n);
            int batches = (n + batchSize - 1) / batchSize;
            ws = new Workspace(net, batchSize, true);
            ws.profile = profile;
            TrainingStep step = new TrainingStep(net, ws, os, dropoutSeed);
            evalWs = new Workspace(net, Math.min(EVAL_BATCH, Math.max(1, Math.max(
                    validationCount, data.test().size()))), false);
            inputs = train.isTable() ? ScaledInputs.of(train.features())
                    : ScaledInputs.of(train.images(), lut, maxScaledInputBytes);
            int[] y = new int[batchSize];
            float[] row = new float[data.inputSize()];
            byte[] pixels = train.isTable() ? null : train.images().pixels();
            byte[] labels = train.labels().labels();
            int ppi = train.inputWidth();

            List<EpochResult> epochs = new ArrayList<>();
            float[][] best = null;
            double bestMetric = Double.NaN;
            int bestEpoch = 0;
            int sinceBest = 0;
            boolean stoppedEarly = false;
            int epochsToRun = epochLimit > 0 ? Math.min(epochLimit, ts.epochs()) : ts.epochs();
            for (int e = 0; e < epochsToRun; e++) {
                double lr = LearningRateSchedule.rate(os.schedule(), os.learningRate(), e, ts.epochs());
                long t0 = System.nanoTime();
                shuffle(order, shuffleRng);
                double lossSum = 0;
                for (int bi = 0; bi < batches; bi++) {
                    if (profile != null) {
                        profile.start();
                    }
                    int start = bi * batchSize;
                    int b = Math.min(batchSize, n - start);
                    if (inputs != null) {
                        ws.gather(b, inputs, labels, order, start, y);
                    } else {
                        ws.gather(b, pixels, ppi, labels, order, start, lut, y, row);
                    }
                    Workspace.Views v = ws.views(b);
                    mark(StepProfile.Phase.GATHER);
                    double loss = step.forward(v, y);
                    if (!(loss / b <= divergedLoss)) { // also true for NaN
                        throw new TrainingDivergedException(e + 1, bi + 1, batches, loss / b, divergedLoss, lr,
                                epochs);
                    }
                    lossSum += loss;
                    step.update(v, lr);
                    if (profile != null) {
                        profile.step();
                    }
                    listener.onBatch(e + 1, bi + 1, batches);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                TestResult val = Scorer.score(evalWs, lut, validation, validationOrder, null, null);
                EpochResult r = new EpochResult(e + 1, lossSum / n, val.accuracy(), val.loss(), seconds, lr);
                epochs.add(r);
                listener.onEpoch(r);
                if (es != null) {
                    boolean accuracy = METRIC_ACCURACY.equals(es.metric());
                    double m = accuracy ? val.accuracy() : val.loss();
                    boolean improved = bestEpoch == 0
                            || (accuracy ? m > bestMetric + es.minDelta() : m < bestMetric - es.minDelta());
                    if (improved) {
                        bestMetric = m;
                        bestEpoch = e + 1;
                        best = net.snapshot();
                        sinceBest = 0;
                    } else if (++sinceBest >= es.patience()) {
                        stoppedEarly = e + 1 < ts.epochs();
                        break;
                    }
                }
            }
            if (best != null) {
                net.restore(best);
            } else {
                bestEpoch = epochs.size();
            }
            long evaluateStart = System.nanoTime();
            int[] predicted = new int[data.test().size()];
            float[] confidence = new float[data.test().size()];
            TestResult test = Scorer.score(evalWs, lut, data.test(), null, predicted, confidence);
            // a NaN or infinite logit: the last steps diverged (an empty test split has a NaN loss of its own)
            if (data.test().size() > 0 && !(test.loss() <= divergedLoss)) {
                throw TrainingDivergedException.afterTraining(batches, test.loss(), divergedLoss, epochs);
            }
            double evaluateSeconds = (System.nanoTime() - evaluateStart) / 1e9;
            // the model records how a raw input became the network's: the data's (image size, channels, invert,
            // resize; a table's encoder), with the image scaling computed here
            TrainedModel model = net.toModel(scaling, data.classNames()).withInput(
                    data.input() instanceof ImageInput image ? image.withScaling(scaling.toRuntime()) : data.input());
            return new TrainingOutcome(model, epochs,
                    new Evaluation(test, predicted, confidence), stoppedEarly, bestEpoch, evaluateSeconds);
        } finally {
            if (ws != null) {
                ws.release();
            }
            if (evalWs != null) {
                evalWs.release();
            }
            if (inputs != null) {
                inputs.release();
            }
            net.release();
        }
    }

    private void mark(StepProfile.Phase p) {
        if (profile != null) {
            profile.mark(p);
        }
    }

    private void check(LoadedDataset data) {
        if (data.test().inputWidth() != data.inputSize()) {
            throw new UserException(String.format(Locale.ROOT, INPUT_MISMATCH,
                    data.test().inputWidth(), data.inputSize()));
        }
        checkLabels("train", data.train(), data.numClasses());
        checkLabels("test", data.test(), data.numClasses());
        if (data.hasValidationSet()) {
            if (data.validation().inputWidth() != data.inputSize()) {
                throw new UserException(String.format(Locale.ROOT, VALIDATION_INPUT_MISMATCH,
                        data.validation().inputWidth(), data.inputSize()));
            }
            if (experiment.training().validationSplit() > 0) {
                throw new UserException(String.format(Locale.ROOT, VALIDATION_SET_AND_SPLIT,
                        experiment.training().validationSplit()));
            }
            checkLabels("validation", data.validation(), data.numClasses());
        }
    }

    private static void checkLabels(String which, DataSplit split, int classes) {
        byte[] labels = split.labels().labels();
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i] & 0xFF;
            if (c >= classes) {
                throw new UserException(String.format(Locale.ROOT, LABEL_RANGE, which, c, i, classes - 1, classes));
            }
        }
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }
}
