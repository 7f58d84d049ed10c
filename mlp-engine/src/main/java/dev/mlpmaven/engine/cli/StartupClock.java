package dev.mlpmaven.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Seconds since the fork was started, and the fork's resident memory from {@code /proc/self/status}: the figures
 * of the fork's DEBUG lines. The start is the time the plugin gives in {@link Protocol#FORK_START_ENV} (so the
 * JVM's own start-up counts), else the process start time the OS keeps (on Linux only to about a second, since
 * it is counted from the boot time in whole seconds).
 */
final class StartupClock {
    private final Instant processStart;

    /** The clock of this process, from the plugin's start time in {@code env} if it is there. */
    static StartupClock of(java.util.Map<String, String> env) {
        String millis = env.get(Protocol.FORK_START_ENV);
        if (millis != null) {
            try {
                return new StartupClock(Instant.ofEpochMilli(Long.parseLong(millis.trim())));
            } catch (NumberFormatException e) {
                // not ours: fall back to the OS's start time
            }
        }
        return new StartupClock(ProcessHandle.current().info().startInstant().orElse(null));
    }

    StartupClock(Instant processStart) {
        this.processStart = processStart;
    }

    /** Seconds from the process start to now; NaN when the OS does not tell the start time. */
    double secondsSinceStart() {
        if (processStart == null) {
            return Double.NaN;
        }
        return Duration.between(processStart, Instant.now()).toNanos() / 1e9;
    }

    /**
     * A field of {@code /proc/self/status} in MiB ({@code VmHWM}: peak resident set; {@code VmRSS}: resident now),
     * or -1 when it cannot be read (not Linux).
     */
    static long statusMib(String field) {
        return statusMib(Path.of("/proc/self/status"), field);
    }

    static long statusMib(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
