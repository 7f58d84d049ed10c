package dev.mlpmaven.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's real Chromium, run headless on a file:// URL with a fresh profile and no network services. Console
 * messages of the page go to stderr ({@code --enable-logging=stderr}), one {@code :CONSOLE} line each.
 */
final class HeadlessChromium {
    static final Path BINARY = Path.of(System.getProperty("mlp.chromium", "/usr/bin/chromium"));
    static final String MISSING = "headless Chromium: found no executable at %s, expected Debian's chromium - "
            + "install it with: apt-get install -y chromium";
    static final long TIMEOUT_SECONDS = 120;

    private final Path work;

    /** Fails the test (never skips it) when Chromium is not installed. */
    HeadlessChromium(Path work) {
        if (!Files.isExecutable(BINARY)) {
            fail(String.format(MISSING, BINARY));
        }
        this.work = work;
    }

    record Result(String stdout, String stderr) {
        /** The page's console messages as Chromium logged them. */
        List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    /** {@code --dump-dom}: the DOM after the load event (and its handlers) ran. */
    Result dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom"), page);
    }

    Result screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height), page);
    }

    private Result run(List<String> what, Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path out = work.resolve(profile.getFileName() + ".out");
        Path err = work.resolve(profile.getFileName() + ".err");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(what);
        cmd.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("headless Chromium: still running after " + TIMEOUT_SECONDS + " s on " + page + "; stderr in " + err);
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail("headless Chromium: exit code " + p.exitValue() + " on " + page + "\n" + stderr);
        }
        return new Result(Files.readString(out, StandardCharsets.UTF_8), stderr);
    }
}
