package dev.mlpmaven.engine.gate;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.runtime.ImageInput;
import dev.mlpmaven.runtime.MlpModel;

import java.util.Arrays;
import java.util.Locale;

/**
 * A model file's accuracy on a labelled split, computed by the pure-Java runtime ({@link MlpModel}, no native code),
 * so {@code mlp:check} can score a released model inside Maven. The split must be read for this model
 * ({@code DatasetResolver.resolve(spec, seed, model.input(), model.classNames())}): images as the runtime reads
 * them, inverted and scaled here by the model's own input; table rows encoded with the model's statistics.
 *
 * @param accuracy correct predictions / samples
 * @param samples  samples scored
 */
public record RuntimeScore(double accuracy, int samples) {
    /** Arguments: what (a model), the split's input width, the model's input size. */
    public static final String WRONG_INPUT = "%s: found test data of %d values a sample, expected %d (the model's"
            + " input size) - the model was trained on data of another shape";
    /** Arguments: what (a model). */
    public static final String NOT_FOR_IMAGES = "%s: found a model for table rows, expected one for images - the"
            + " test data are images";
    /** Arguments: what, the label, the sample, the model's class count. */
    public static final String WRONG_LABEL = "%s: found label %d at test sample %d, expected a label below %d (the"
            + " model's classes) - the model was trained on data with other classes";

    /**
     * Scores {@code model} on {@code test}.
     *
     * @param what the model, for messages ("baseline com.example:shop:1.0:quick")
     * @throws UserException when the data does not fit the model
     */
    public static RuntimeScore of(MlpModel model, DataSplit test, String what) {
        if (test.inputWidth() != model.inputSize()) {
            throw new UserException(String.format(Locale.ROOT, WRONG_INPUT, what, test.inputWidth(),
                    model.inputSize()));
        }
        if (!test.isTable() && !(model.input() instanceof ImageInput)) {
            throw new UserException(String.format(Locale.ROOT, NOT_FOR_IMAGES, what));
        }
        int n = test.size();
        int correct = 0;
        ImageInput image = model.input() instanceof ImageInput i ? i : null;
        int width = test.inputWidth();
        for (int s = 0; s < n; s++) {
            int label = test.labels().label(s);
            if (label >= model.numClasses()) {
                throw new UserException(String.format(Locale.ROOT, WRONG_LABEL, what, label, s, model.numClasses()));
            }
            float[] x = test.isTable()
                    ? Arrays.copyOfRange(test.features().values(), s * width, (s + 1) * width)
                    : image.features(test.images().pixels(), s * width);
            if (model.predict(x).index() == label) {
                correct++;
            }
        }
        return new RuntimeScore(n == 0 ? Double.NaN : (double) correct / n, n);
    }
}
