package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import dev.mlpmaven.config.Activation;
import dev.mlpmaven.engine.data.DataSplit;
import dev.mlpmaven.engine.model.InputScaling;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The network's analytic gradient (float, ND4J gemm + Java kernels) against central finite differences of an
 * independent double-precision reference forward pass written here, for every parameter of a tiny net.
 */
class GradientCheckTest {
    private static final int SIDE = 3;       // 9 inputs
    private static final int CLASSES = 3;
    private static final int BATCH = 8;
    private static final double H = 1e-6;
    // The analytic side runs in float: values are O(0.01..0.5) and each is a sum of at most 9 products, so float
    // rounding leaves about 1e-7 relative; 2e-6 absolute plus 1e-4 relative leaves room for that and nothing more.
    private static final double ABS_TOL = 2e-6;
    private static final double REL_TOL = 1e-4;

    @ParameterizedTest(name = "{0} dropout {1}")
    @CsvSource({"RELU,0", "RELU,0.5", "LEAKY_RELU,0", "ELU,0", "GELU,0", "TANH,0", "SIGMOID,0", "TANH,0.3"})
    void analytic_gradient_matches_finite_differences(Activation act, double dropout) {
        Natives.init();
        Network net = new Network(SIDE * SIDE, TestData.hidden(act, dropout, 5, 4), CLASSES);
        net.initialise(new SplittableRandom(7));
        net.allocateGradients();
        for (Network.Layer layer : net.layers) { // non-zero biases so that their gradients are exercised fully
            for (int o = 0; o < layer.out; o++) {
                layer.wf.put(o * (layer.in + 1) + layer.in, 0.1f * o - 0.13f); // never 0: no ReLU kink at z = 0
            }
        }
        DataSplit data = TestData.tinySplit(BATCH, SIDE, CLASSES, 3);
        Workspace ws = new Workspace(net, BATCH, true);
        int[] y = new int[BATCH];
        float[] lut = PixelScaling.lookupTable(InputScaling.UNIT);
        ws.gather(BATCH, data.images().pixels(), SIDE * SIDE, data.labels().labels(), null, 0, lut, y,
                new float[SIDE * SIDE]);
        Workspace.Views v = ws.views(BATCH);
        ws.forward(v, 11, 0);
        double floatLoss = ws.softmaxCrossEntropy(v, y, true, null, null, 0) / BATCH;
        ws.backward(v, false, 0);

        double[][] x = new double[BATCH][SIDE * SIDE];
        for (int r = 0; r < BATCH; r++) {
            for (int k = 0; k < SIDE * SIDE; k++) {
                x[r][k] = ws.xf.get(r * (SIDE * SIDE + 1) + k);
            }
        }
        double[][] masks = new double[net.layers.length - 1][];
        for (int l = 0; l < masks.length; l++) {
            Kernels.Mask m = ws.masks[l];
            if (m != null) { // the mask's definition, recomputed from the key of this step
                masks[l] = new double[net.layers[l].out * BATCH];
                for (int i = 0; i < masks[l].length; i++) {
                    masks[l][i] = Dropout.kept(m.key(), i, m.threshold()) ? m.scale() : 0;
                }
            }
        }
        double[][] w = new double[net.layers.length][];
        for (int l = 0; l < w.length; l++) {
            w[l] = new double[net.layers[l].size()];
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = net.layers[l].wf.get(i);
            }
        }
        assertThat(floatLoss).isCloseTo(referenceLoss(net, w, x, y, masks, act), offset(1e-6));

        double worst = 0;
        for (int l = 0; l < w.length; l++) {
            FloatBuffer g = net.layers[l].gf;
            for (int i = 0; i < w[l].length; i++) {
                double keep = w[l][i];
                w[l][i] = keep + H;
                double plus = referenceLoss(net, w, x, y, masks, act);
                w[l][i] = keep - H;
                double minus = referenceLoss(net, w, x, y, masks, act);
                w[l][i] = keep;
                double numeric = (plus - minus) / (2 * H);
                double analytic = g.get(i);
                double err = Math.abs(analytic - numeric);
                worst = Math.max(worst, err / (ABS_TOL + REL_TOL * Math.abs(numeric)));
                assertThat(err).as("layer %d parameter %d: analytic %s numeric %s", l, i, analytic, numeric)
                        .isLessThanOrEqualTo(ABS_TOL + REL_TOL * Math.abs(numeric));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1.0);
    }

    /** Mean softmax cross-entropy of the batch in double precision, straight from the definitions. */
    private static double referenceLoss(Network net, double[][] w, double[][] x, int[] y, double[][] masks,
                                        Activation act) {
        double total = 0;
        for (int r = 0; r < x.length; r++) {
            double[] a = x[r];
            for (int l = 0; l < net.layers.length; l++) {
                Network.Layer layer = net.layers[l];
                double[] z = new double[layer.out];
                for (int o = 0; o < layer.out; o++) {
                    double s = w[l][o * (layer.in + 1) + layer.in];
                    for (int i = 0; i < layer.in; i++) {
                        s += w[l][o * (layer.in + 1) + i] * a[i];
                    }
                    z[o] = s;
                }
                if (layer.isOutput()) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double zi : z) {
                        max = Math.max(max, zi);
                    }
                    double sum = 0;
                    for (double zi : z) {
                        sum += Math.exp(zi - max);
                    }
                    total += Math.log(sum) - (z[y[r]] - max);
                } else {
                    for (int o = 0; o < layer.out; o++) {
                        z[o] = activation(act, z[o]) * (masks[l] == null ? 1 : masks[l][o * x.length + r]);
                    }
                    a = z;
                }
            }
        }
        return total / x.length;
    }

    private static double activation(Activation act, double z) {
        return switch (act) {
            case RELU -> Math.max(0, z);
            case LEAKY_RELU -> z > 0 ? z : 0.01 * z;
            case ELU -> z > 0 ? z : Math.exp(z) - 1;
            case GELU -> 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
        };
    }
}
