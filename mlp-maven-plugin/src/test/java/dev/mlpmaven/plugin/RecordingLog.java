package dev.mlpmaven.plugin;

import org.apache.maven.plugin.logging.Log;

import java.util.ArrayList;
import java.util.List;

/** A Maven log that keeps its lines as "level:text", for tests of what the plugin tells the user. */
final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();

    private synchronized void add(String level, CharSequence text) {
        lines.add(level + ":" + text);
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence c) { add("debug", c); }
    @Override public void debug(CharSequence c, Throwable e) { add("debug", c); }
    @Override public void debug(Throwable e) { add("debug", e.toString()); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence c) { add("info", c); }
    @Override public void info(CharSequence c, Throwable e) { add("info", c); }
    @Override public void info(Throwable e) { add("info", e.toString()); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence c) { add("warn", c); }
    @Override public void warn(CharSequence c, Throwable e) { add("warn", c); }
    @Override public void warn(Throwable e) { add("warn", e.toString()); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence c) { add("error", c); }
    @Override public void error(CharSequence c, Throwable e) { add("error", c); }
    @Override public void error(Throwable e) { add("error", e.toString()); }
}
