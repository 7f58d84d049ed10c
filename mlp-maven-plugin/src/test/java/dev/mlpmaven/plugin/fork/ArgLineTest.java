package dev.mlpmaven.plugin.fork;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgLineTest {

    @Test
    void splits_on_whitespace_and_groups_quotes() {
        assertThat(ArgLine.split("  -Xmx4g   -Dname='a b' \"-Dother=c d\" -ea "))
                .containsExactly("-Xmx4g", "-Dname=a b", "-Dother=c d", "-ea");
    }

    @Test
    void empty_or_missing_arg_line_gives_no_arguments() {
        assertThat(ArgLine.split(null)).isEmpty();
        assertThat(ArgLine.split("   ")).isEmpty();
        assertThat(ArgLine.split("''")).containsExactly("");
    }

    @Test
    void unclosed_quote_is_named() {
        assertThatThrownBy(() -> ArgLine.split("-Dname='a b"))
                .isInstanceOf(ArgLine.UnclosedQuoteException.class)
                .hasMessage("argLine [-Dname='a b]: found an unclosed ' quote, expected quotes in pairs");
    }
}
