package dev.mlpmaven.plugin.fork;

import java.io.PrintStream;

/**
 * A one-line progress bar within an epoch, redrawn in place with a carriage return, for interactive terminals
 * only. {@link #clear()} before any other line is printed, so log lines never mix with the bar.
 */
public final class ProgressBar {
    static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private int shownEpoch = -1;
    private int shownCells = -1;
    private boolean visible;

    public ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
    }

    public synchronized void update(int epoch, int batch, int batches) {
        int cells = batches <= 0 ? WIDTH : (int) ((long) WIDTH * batch / batches);
        if (epoch == shownEpoch && cells == shownCells) {
            return;
        }
        shownEpoch = epoch;
        shownCells = cells;
        out.print('\r' + render(label, epoch, batch, batches));
        out.flush();
        visible = true;
    }

    public synchronized void clear() {
        if (visible) {
            out.print('\r' + " ".repeat(render(label, shownEpoch, 0, 1).length() + 12) + '\r');
            out.flush();
            visible = false;
            shownCells = -1;
        }
    }

    /** "fashion-seed epoch 3 [#########.....................] 12/40". */
    static String render(String label, int epoch, int batch, int batches) {
        int cells = batches <= 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * batch / batches);
        return label + " epoch " + epoch + " [" + "#".repeat(cells) + ".".repeat(WIDTH - cells) + "] "
                + batch + "/" + batches;
    }
}
