package dev.mlpmaven.engine.train;

import java.util.Locale;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.model.TrainedModel;

/** Evaluates a trained model on a labelled split, 2,000 samples a batch. */
public final class Evaluator {
    /** Arguments: pixels per image found, the model's input size. */
    public static final String WRONG_INPUT = "evaluation data: found images of %d pixels, expected %d (the model's "
            + "input size) - evaluate with images shaped like the training images";
    /** Arguments: the label found, the sample index, the number of classes. */
    public static final String WRONG_LABEL = "evaluation data: found label %d at sample %d, expected 0..%d - the "
            + "model knows %d classes";

    private Evaluator() {
    }

    public static Evaluation evaluate(TrainedModel m, DataSplit split) {
        if (split.inputWidth() != m.inputSize()) {
            throw new UserException(String.format(Locale.ROOT, WRONG_INPUT, split.inputWidth(),
                    m.inputSize()));
        }
        for (int i = 0; i < split.size(); i++) {
            if (split.labels().label(i) >= m.numClasses()) {
                throw new UserException(String.format(Locale.ROOT, WRONG_LABEL, split.labels().label(i), i,
                        m.numClasses() - 1, m.numClasses()));
            }
        }
        Natives.init();
        Network net = Network.of(m);
        int n = split.size();
        Workspace ws = new Workspace(net, Math.max(1, Math.min(Trainer.EVAL_BATCH, n)), false);
        try {
            int[] predicted = new int[n];
            float[] confidence = new float[n];
            TestResult r = Scorer.score(ws, m.pixelTable(), split, null, predicted,
                    confidence);
            return new Evaluation(r, predicted, confidence);
        } finally {
            ws.release();
            net.release();
        }
    }
}
