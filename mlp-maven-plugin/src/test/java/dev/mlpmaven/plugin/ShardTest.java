package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {
    private static final List<String> NAMES = List.of("lr-3f2a9c1b0d4e", "lr-08aa11bb22cc", "lr-ffee00112233",
            "quick", "lr-7c7c7c7c7c7c", "lr-0000aaaa1111", "lr-9999bbbb0000");

    @Test
    void every_name_is_in_exactly_one_shard_and_shards_differ_by_one_at_most() throws Exception {
        for (int n = 1; n <= 9; n++) {
            List<String> seen = new ArrayList<>();
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int i = 1; i <= n; i++) {
                List<String> mine = Shard.parse(i + "/" + n).select(NAMES, Function.identity());
                seen.addAll(mine);
                smallest = Math.min(smallest, mine.size());
                largest = Math.max(largest, mine.size());
            }
            assertThat(seen).as("n=" + n).containsExactlyInAnyOrderElementsOf(NAMES);
            assertThat(largest - smallest).as("n=" + n).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void the_share_does_not_depend_on_the_order_the_names_come_in() throws Exception {
        List<String> shuffled = new ArrayList<>(NAMES);
        Collections.reverse(shuffled);
        Shard s = Shard.parse("2/3");
        assertThat(s.select(shuffled, Function.identity()))
                .containsExactlyInAnyOrderElementsOf(s.select(NAMES, Function.identity()));
        // the share keeps the order it was given
        List<String> share = s.select(NAMES, Function.identity());
        assertThat(share).isSortedAccordingTo((a, b) -> NAMES.indexOf(a) - NAMES.indexOf(b));
    }

    @Test
    void a_malformed_shard_is_a_mistake_with_the_expected_form() throws Exception {
        assertThat(Shard.parse(null)).isNull();
        assertThat(Shard.parse(" 2 / 3 ")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("4/3")).isInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: mlp.shard '4/3': found shard 4 of 3, expected i/n with 1 <= i <= n"
                        + " (e.g. -Dmlp.shard=2/3 for the second of three shards)");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("found shard 0 of 3");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessage(Messages.format(Messages.SHARD_BAD, "two", "no i/n"));
    }

    @Test
    void a_shard_without_work_fails_unless_allowed_and_then_warns() throws Exception {
        List<String> warnings = new ArrayList<>();
        org.apache.maven.plugin.logging.Log log = new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        };
        Shard s = Shard.parse("7/7");
        List<String> six = NAMES.subList(0, 6);
        String expected = "mlp: shard 7/7: found no experiment or trial for this shard (6 in all over 7 shards),"
                + " expected at least one - use at most 6 shards, or -Dmlp.allowEmptyShard=true to let an empty shard"
                + " pass";
        assertThatThrownBy(() -> s.share(six, Function.identity(), false, log)).isInstanceOf(MojoFailureException.class)
                .hasMessage(expected);
        assertThat(s.share(six, Function.identity(), true, log)).isEmpty();
        assertThat(warnings).containsExactly(expected);
    }
}
