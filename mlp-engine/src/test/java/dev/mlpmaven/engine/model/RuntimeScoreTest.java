package dev.mlpmaven.engine.model;

import dev.mlpmaven.config.UserException;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.data.Features;
import dev.mlpmaven.engine.data.IdxLabels;
import dev.mlpmaven.engine.gate.RuntimeScore;
import dev.mlpmaven.engine.train.Evaluator;
import dev.mlpmaven.runtime.MlpModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The baseline rule's accuracy (pure-Java runtime, inside Maven) is the accuracy of the run's ND4J evaluation. */
class RuntimeScoreTest {
    @Test
    void runtime_accuracy_is_the_evaluators_accuracy_on_the_same_split() {
        for (String activation : java.util.List.of("relu", "tanh")) {
            TrainedModel model = RuntimeEvaluatorAgreementTest.randomModel(activation,
                    RuntimeEvaluatorAgreementTest.STANDARDIZE, 7);
            byte[] labels = new byte[RuntimeEvaluatorAgreementTest.IMAGES];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) ((i * 7) % RuntimeEvaluatorAgreementTest.CLASSES);
            }
            DataSplit split = RuntimeEvaluatorAgreementTest.split(RuntimeEvaluatorAgreementTest.pixels(), labels);
            MlpModel runtime = MlpModel.of(model.input(), model.runtimeLayers(), model.classNames());

            RuntimeScore score = RuntimeScore.of(runtime, split, "model m");

            assertThat(score.samples()).isEqualTo(labels.length);
            assertThat(score.accuracy()).isEqualTo(Evaluator.evaluate(model, split).result().accuracy());
        }
    }

    @Test
    void data_of_another_shape_or_with_other_classes_is_refused_naming_the_model() {
        TrainedModel model = RuntimeEvaluatorAgreementTest.randomModel("relu", InputScaling.UNIT, 1);
        MlpModel runtime = MlpModel.of(model.input(), model.runtimeLayers(), model.classNames());
        DataSplit table = DataSplit.ofFeatures(new Features(1, 3, new float[3]), new IdxLabels(1, new byte[1]));
        assertThatThrownBy(() -> RuntimeScore.of(runtime, table, "baseline g:a:1.0:x"))
                .isInstanceOf(UserException.class)
                .hasMessage(String.format(RuntimeScore.WRONG_INPUT, "baseline g:a:1.0:x", 3,
                        RuntimeEvaluatorAgreementTest.PIXELS));
        byte[] labels = new byte[RuntimeEvaluatorAgreementTest.IMAGES];
        labels[2] = 12;
        DataSplit split = RuntimeEvaluatorAgreementTest.split(RuntimeEvaluatorAgreementTest.pixels(), labels);
        assertThatThrownBy(() -> RuntimeScore.of(runtime, split, "baseline g:a:1.0:x"))
                .hasMessage(String.format(RuntimeScore.WRONG_LABEL, "baseline g:a:1.0:x", 12, 2, 10));
    }
}
