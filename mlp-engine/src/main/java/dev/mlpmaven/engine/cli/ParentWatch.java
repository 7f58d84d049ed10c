package dev.mlpmaven.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fork's side of its lifecycle, as surefire's ForkedBooter: the fork ends itself when the Maven JVM that
 * started it is gone, so an orphan never trains on and writes into {@code target/} later.
 *
 * <ul>
 *   <li>A daemon thread reads the plugin's commands on standard input ({@link Protocol#ACK}, {@link Protocol#STOP});
 *       its end before the fork said {@code BYE} means the plugin is gone (a killed Maven closes the pipe).</li>
 *   <li>Another checks every second that the parent pid ({@link Protocol#PARENT_PID_ENV}) is alive and is still
 *       the process that started at {@link Protocol#PARENT_START_ENV} (a pid can be reused).</li>
 * </ul>
 * Either way the fork says why ({@code WARN}), calls {@link System#exit} with {@link Protocol#EXIT_STOPPED} (the
 * shutdown hooks delete what it had staged: nothing half-written appears under a final name), and a last-ditch
 * daemon halts it {@link #EXIT_GRACE_SECONDS} later if the exit hangs.
 */
final class ParentWatch {
    /** Seconds between two checks of the parent pid. */
    static final long CHECK_SECONDS = 1;
    /** Seconds the shutdown hooks get before the fork halts. */
    static final long EXIT_GRACE_SECONDS = 5;

    /** Warn: why the fork stops (one of the reasons below). */
    static final String STOPPING = "mlp: fork: stopping, because %s";
    static final String STOP_REQUESTED = "the plugin asked it to (Maven is stopping or the fork timed out)";
    static final String INPUT_CLOSED = "its standard input closed: the Maven JVM that started it is gone";
    static final String PARENT_GONE = "the Maven JVM that started it (pid %d) is gone";

    private final ProtocolWriter out;
    private final long parentPid;
    private final Instant parentStart;
    private final CountDownLatch ack = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean byeSent;

    private ParentWatch(ProtocolWriter out, long parentPid, Instant parentStart) {
        this.out = out;
        this.parentPid = parentPid;
        this.parentStart = parentStart;
    }

    /** Starts watching when the plugin named its pid in {@code env}; null for a fork started by hand. */
    static ParentWatch start(Map<String, String> env, InputStream stdin, ProtocolWriter out) {
        String pid = env.get(Protocol.PARENT_PID_ENV);
        if (pid == null) {
            return null;
        }
        ParentWatch watch;
        try {
            String start = env.get(Protocol.PARENT_START_ENV);
            watch = new ParentWatch(out, Long.parseLong(pid.trim()),
                    start == null ? null : Instant.ofEpochMilli(Long.parseLong(start.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
        Thread commands = new Thread(() -> watch.readCommands(stdin), "mlp-fork-commands");
        commands.setDaemon(true);
        commands.start();
        Thread pinger = new Thread(watch::watchParent, "mlp-fork-parent-watch");
        pinger.setDaemon(true);
        pinger.start();
        return watch;
    }

    private void readCommands(InputStream stdin) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                switch (line.trim()) {
                    case Protocol.ACK -> ack.countDown();
                    case Protocol.STOP -> stop(STOP_REQUESTED);
                    default -> {
                        // not a command: ignored
                    }
                }
            }
        } catch (IOException e) {
            // the pipe broke: the same as its end
        }
        if (byeSent) {
            ack.countDown();
        } else {
            stop(INPUT_CLOSED);
        }
    }

    private void watchParent() {
        while (!stopping.get()) {
            if (!alive(parentPid, parentStart)) {
                stop(String.format(Locale.ROOT, PARENT_GONE, parentPid));
                return;
            }
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(CHECK_SECONDS));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Whether {@code pid} runs and (when known on both sides) started at {@code start}, to the second. */
    static boolean alive(long pid, Instant start) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Instant> actual = handle.get().info().startInstant();
        return start == null || actual.isEmpty()
                || Math.abs(actual.get().toEpochMilli() - start.toEpochMilli()) < 1000;
    }

    /** The fork said BYE: the end of standard input now counts as the plugin's ACK. */
    void byeSent() {
        byeSent = true;
    }

    /** Waits for the plugin's ACK after BYE; false when it did not come in time. */
    boolean awaitAck() {
        try {
            return ack.await(Protocol.ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stop(String why) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        out.warn(String.format(Locale.ROOT, STOPPING, why));
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(EXIT_GRACE_SECONDS));
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(Protocol.EXIT_STOPPED);
        }, "mlp-fork-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(Protocol.EXIT_STOPPED);
    }
}
