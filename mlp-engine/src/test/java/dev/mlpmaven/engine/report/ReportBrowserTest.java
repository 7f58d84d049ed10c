package dev.mlpmaven.engine.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens reports in real headless Chromium from file:// and reads the page's own self-check (see selfcheck.js): every
 * image loaded (naturalWidth > 0) and has a size on screen, no script or console error, nothing fetched from the
 * network. Saves a screenshot of the whole report as {@code target/report-screenshot.png}.
 */
class ReportBrowserTest {
    static final Path OUT = Path.of("target", "report-browser");
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");

    /** Chromium's throw-away profiles and logs. */
    @TempDir
    Path work;
    HeadlessChromium chromium;

    @BeforeEach
    void chromium() throws IOException {
        Files.createDirectories(OUT);
        chromium = new HeadlessChromium(work);
    }

    @Test
    void report_shows_charts_and_prediction_grids_without_errors_in_chromium() throws Exception {
        Path root = OUT.resolve("mlp");
        Path dir = root.resolve("fashion-mnist");
        ReportInput in = ReportFixtures.input("fashion-mnist", 1000);
        ReportWriter.write(in, dir);

        List<String> check = openWithoutProblems(chromium, dir.resolve("report.html"));
        assertThat(check).contains("shown: chart loss.png 640x400", "shown: chart accuracy.png 640x400",
                "shown: chart learning-rate.png 640x400");
        assertThat(check).anyMatch(l -> l.startsWith("shown: chart confusion.png "));
        assertThat(check.stream().filter(l -> l.matches("shown: prediction \\d+ 28x28"))).hasSize(ReportWriter.GRID_SIZE);
        assertThat(check.stream().filter(l -> l.matches("shown: mistake \\d+ 28x28"))).hasSize(ReportWriter.MISTAKES_SIZE);
        assertThat(check).contains("images: 54 shown: 54");

        screenshotWholePage(chromium, dir.resolve("report.html"), check, SCREENSHOT);
    }

    @Test
    void index_opens_in_chromium_without_errors() throws Exception {
        Path root = OUT.resolve("mlp-index");
        for (String name : List.of("run-a", "run-b")) {
            ReportInput in = ReportFixtures.input(name, 60);
            ReportWriter.write(in, root.resolve(name));
            Files.writeString(root.resolve(name).resolve("metrics.json"), metricsJson(in));
        }
        IndexWriter.regenerate(root, w -> { throw new AssertionError(w); });

        HeadlessChromium.Result page = chromium.dumpDom(root.resolve("index.html"));

        assertThat(selfCheck(page.stdout())).contains("images: 0 shown: 0", "done")
                .noneMatch(l -> l.startsWith("error:") || l.startsWith("network:"));
        assertThat(page.consoleLines()).isEmpty();
        assertThat(page.stdout()).contains("<a href=\"run-a/report.html\">run-a</a>", "<a href=\"run-b/report.html\">run-b</a>");
    }

    @Test
    void the_check_catches_a_missing_chart() throws Exception {
        Path dir = OUT.resolve("missing-chart");
        ReportWriter.write(ReportFixtures.input("missing-chart", 40), dir);
        Files.delete(dir.resolve("confusion.png"));

        List<String> check = selfCheck(chromium.dumpDom(dir.resolve("report.html")).stdout());

        assertThat(check).contains("broken: chart confusion.png", "error: failed to load img confusion.png", "done");
    }

    @Test
    void the_check_catches_console_and_script_errors() throws Exception {
        Path page = OUT.resolve("console-errors.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><script>console.error('bad thing');</script></head>"
                + "<body><script>notDefined();</script></body></html>");

        HeadlessChromium.Result result = chromium.dumpDom(page);

        assertThat(result.consoleLines()).anyMatch(l -> l.contains("bad thing"))
                .anyMatch(l -> l.contains("notDefined is not defined"));
    }

    /**
     * Opens {@code page} and returns its self-check after asserting that it finished and reported no broken or
     * invisible image, no script, console or network problem, and that Chromium logged no console message.
     */
    static List<String> openWithoutProblems(HeadlessChromium chromium, Path page) throws IOException,
            InterruptedException {
        HeadlessChromium.Result result = chromium.dumpDom(page);
        List<String> check = selfCheck(result.stdout());
        assertThat(check).as("self-check finished").contains("done");
        assertThat(check).as("problems reported by the page")
                .noneMatch(l -> l.startsWith("broken:") || l.startsWith("invisible:") || l.startsWith("error:")
                        || l.startsWith("network:"));
        assertThat(result.consoleLines()).as("console messages").isEmpty();
        return check;
    }

    /** Screenshots the whole page (1280 wide, as high as the self-check measured it) and checks it is not blank. */
    static void screenshotWholePage(HeadlessChromium chromium, Path page, List<String> check, Path png)
            throws IOException, InterruptedException {
        int height = check.stream().filter(l -> l.startsWith("height: ")).mapToInt(l -> Integer.parseInt(l.substring(8)))
                .findFirst().orElseThrow();
        Files.deleteIfExists(png);
        chromium.screenshot(page, png, 1280, height);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        assertThat(shot.getHeight()).isEqualTo(height);
        assertThat(distinctColours(shot)).as("a rendered page, not a blank one").isGreaterThan(200);
    }

    /** The lines the page wrote into {@code <pre id="mlp-selfcheck">}, unescaped. */
    static List<String> selfCheck(String dom) {
        Matcher m = Pattern.compile("<pre id=\"mlp-selfcheck\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("#mlp-selfcheck in the DOM").isTrue();
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .lines().toList();
    }

    private static String metricsJson(ReportInput in) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", in.experiment().name());
        m.put("epochs", in.epochs().stream().map(e -> Map.of("epoch", e.epoch(), "trainLoss", e.trainLoss(),
                "validationAccuracy", e.validationAccuracy(), "trainSeconds", e.trainSeconds())).toList());
        m.put("test", Map.of("accuracy", in.test().accuracy(), "loss", in.test().loss(),
                "confusionMatrix", in.test().confusionMatrix()));
        m.put("totalSeconds", in.totalSeconds());
        return new ObjectMapper().writeValueAsString(m);
    }

    private static long distinctColours(BufferedImage img) {
        return java.util.stream.IntStream.range(0, img.getHeight() / 4)
                .flatMap(y -> java.util.stream.IntStream.range(0, img.getWidth() / 4).map(x -> img.getRGB(x * 4, y * 4)))
                .distinct().count();
    }
}
