package dev.mlpmaven.engine.run;

import java.util.ArrayList;
import java.util.List;

/** Keeps a run's log lines in order; warnings start with "WARN ". */
public final class RecordingRunListener implements RunListener {
    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }
}
