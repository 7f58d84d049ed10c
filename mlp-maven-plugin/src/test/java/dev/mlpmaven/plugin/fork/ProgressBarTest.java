package dev.mlpmaven.plugin.fork;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void renders_the_share_of_batches_done() {
        assertThat(ProgressBar.render("quick", 3, 10, 40))
                .isEqualTo("quick epoch 3 [#######.......................] 10/40");
        assertThat(ProgressBar.render("quick", 1, 40, 40)).contains("[" + "#".repeat(30) + "]");
    }

    @Test
    void redraws_only_when_the_bar_moves_and_clears_in_place() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "q");
        bar.update(1, 1, 1000);
        bar.update(1, 2, 1000);
        bar.update(1, 500, 1000);
        bar.clear();
        bar.clear();

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r", -1)).hasSize(5);
        assertThat(out).contains("1/1000").doesNotContain("2/1000").contains("500/1000").doesNotContain("\n");
    }
}
