package dev.mlpmaven.engine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in fork for {@link ParentWatchTest}: watches its parent as {@link Main#main} does, says it is ready,
 * and sleeps; its shutdown hook writes {@code args[0]} (so the test sees that the hooks ran). With a second
 * argument it instead ends at once with BYE and waits for the ACK, as a finished fork does.
 */
public final class WatchedSleeper {
    private WatchedSleeper() {
    }

    public static void main(String[] args) throws Exception {
        ProtocolWriter out = new ProtocolWriter(new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8), false);
        Path marker = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(marker, "hooks ran");
            } catch (Exception ignored) {
                // the test fails on the missing marker
            }
        }));
        ParentWatch watch = ParentWatch.start(System.getenv(), System.in, out);
        out.info("ready");
        if (args.length > 1) {
            watch.byeSent();
            out.bye(0);
            System.exit(watch.awaitAck() ? 0 : 9);
        }
        Thread.sleep(60_000);
        System.exit(7);
    }
}
