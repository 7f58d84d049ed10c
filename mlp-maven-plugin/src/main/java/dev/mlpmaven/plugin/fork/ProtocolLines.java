package dev.mlpmaven.plugin.fork;

import dev.mlpmaven.engine.cli.Protocol;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the engine said, line by line: each {@link Protocol} line of its standard output goes to the {@link ForkLog}
 * or is kept (FAILURE, ERROR, DONE, BYE); other lines and standard error are kept for a crash message.
 * Called from the reader threads.
 */
public final class ProtocolLines {
    private final ForkLog log;
    private final Consumer<Integer> onBye;
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private volatile String failure;
    private volatile String error;
    private volatile Integer bye;

    /** {@code onBye} gets the code of a BYE line as it arrives (the launcher answers ACK). */
    public ProtocolLines(ForkLog log, Consumer<Integer> onBye) {
        this.log = log;
        this.onBye = onBye;
    }

    /** A line of the engine's standard output. */
    public void out(String line) {
        Protocol.Message m = Protocol.parse(line);
        if (m == null) {
            log.info(line);
            keep(line);
            return;
        }
        switch (m.tag()) {
            case Protocol.INFO -> log.info(m.text());
            case Protocol.WARN -> log.warn(m.text());
            case Protocol.DEBUG -> log.debug(m.text());
            case Protocol.FAILURE -> failure = m.text();
            case Protocol.ERROR -> error = m.text();
            case Protocol.DONE -> {
                done.add(m.text());
                log.done(m.text());
            }
            case Protocol.PROGRESS -> {
                String[] p = m.text().split(" ");
                log.progress(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            case Protocol.BYE -> {
                bye = parseCode(m.text());
                onBye.accept(bye);
            }
            default -> log.info(line);
        }
    }

    /** A line of the engine's standard error: debug log, and kept. */
    public void err(String line) {
        log.debug(line);
        keep(line);
    }

    /** How it ended, with this exit code. */
    public ForkResult result(int exitCode, double seconds, boolean timedOut, long pid, Path crashReport) {
        synchronized (tail) {
            return new ForkResult(exitCode, failure, error, new ArrayList<>(tail), seconds, done, bye, timedOut, pid,
                    crashReport);
        }
    }

    private void keep(String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > ForkLauncher.OUTPUT_TAIL) {
                tail.removeFirst();
            }
        }
    }

    private static Integer parseCode(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
