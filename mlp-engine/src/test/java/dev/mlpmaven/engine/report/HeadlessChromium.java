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

    /** {@code --dump-dom}: the DOM after the load event (and its handlers) ran, on the page with the self-check. */
    Result dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom"), withSelfCheck(page));
    }

    Result screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height), withSelfCheck(page));
    }

    /**
     * A copy of {@code page} beside it ({@code <name>.selfcheck.html}, so relative images still load) with the
     * test-only self-check (selfcheck.js, a test resource: reports do not ship it) as the first script of the head
     * and its hidden output element {@code <pre id="mlp-selfcheck">} at the end of the body.
     */
    static Path withSelfCheck(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String script;
        try (var in = HeadlessChromium.class.getResourceAsStream("selfcheck.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int head = html.indexOf("<head>");
        int at = head < 0 ? 0 : head + "<head>".length();
        int charset = html.indexOf("<meta charset=\"utf-8\">", at);
        if (charset == at + 1 || charset == at) {
            at = charset + "<meta charset=\"utf-8\">".length();
        }
        String checked = html.substring(0, at) + "\n<script>\n" + script + "</script>\n" + html.substring(at);
        int body = checked.lastIndexOf("</body>");
        String pre = "<pre id=\"mlp-selfcheck\" style=\"display: none\"></pre>\n";
        checked = body < 0 ? checked + pre : checked.substring(0, body) + pre + checked.substring(body);
        String name = page.getFileName().toString();
        Path copy = page.resolveSibling(name.replaceFirst("\\.html$", "") + ".selfcheck.html");
        Files.writeString(copy, checked, StandardCharsets.UTF_8);
        return copy;
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
