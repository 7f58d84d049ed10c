package dev.mlpmaven.engine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Seconds since the fork's JVM started (from the process start time the OS keeps, so JVM start-up counts), and the
 * fork's resident memory from {@code /proc/self/status}: the figures of the fork's DEBUG lines.
 */
final class StartupClock {
    private final Instant processStart;

    StartupClock() {
        this(ProcessHandle.current().info().startInstant().orElse(null));
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
