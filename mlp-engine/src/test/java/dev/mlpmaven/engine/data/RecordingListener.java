package dev.mlpmaven.engine.data;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the resolver told the user, and prints it so test logs show it. */
final class RecordingListener implements DataListener {
    final List<String> infos = new CopyOnWriteArrayList<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        infos.add(message);
        System.out.println("[info] " + message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
        System.out.println("[warn] " + message);
    }
}
