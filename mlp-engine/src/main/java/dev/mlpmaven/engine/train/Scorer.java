package dev.mlpmaven.engine.train;

import dev.mlpmaven.engine.data.DataSplit;

/** Forward-only evaluation of a network over (a subset of) a split, in large batches. */
final class Scorer {
    private Scorer() {
    }

    /**
     * Accuracy, mean loss and confusion matrix of the samples {@code order} of {@code split} (null: all, in
     * order). {@code predicted} and {@code confidence} (may be null) receive each sample's answer.
     */
    static TestResult score(Workspace ws, float[] lut, DataSplit split, int[] order, int[] predicted,
                            float[] confidence) {
        int n = order == null ? split.size() : order.length;
        int classes = ws.net.numClasses;
        int[][] confusion = new int[classes][classes];
        if (n == 0) {
            return new TestResult(Double.NaN, Double.NaN, confusion);
        }
        int[] pred = predicted != null ? predicted : new int[n];
        float[] conf = confidence != null ? confidence : new float[n];
        int[] y = new int[ws.maxBatch];
        float[] row = new float[ws.net.inputSize];
        byte[] pixels = split.isTable() ? null : split.images().pixels();
        byte[] labels = split.labels().labels();
        int ppi = split.inputWidth();
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < n; start += ws.maxBatch) {
            int b = Math.min(ws.maxBatch, n - start);
            if (split.isTable()) {
                ws.gather(b, split.features(), labels, order, start, y);
            } else {
                ws.gather(b, pixels, ppi, labels, order, start, lut, y, row);
            }
            Workspace.Views v = ws.views(b);
            ws.forward(v);
            lossSum += ws.softmaxCrossEntropy(v, y, false, pred, conf, start);
            for (int j = 0; j < b; j++) {
                confusion[y[j]][pred[start + j]]++;
                if (y[j] == pred[start + j]) {
                    correct++;
                }
            }
        }
        return new TestResult((double) correct / n, lossSum / n, confusion);
    }
}
