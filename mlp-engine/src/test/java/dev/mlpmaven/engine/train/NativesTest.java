package dev.mlpmaven.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativesTest {
    @Test
    void avx512_cpu_keeps_javacpp_default() {
        assertThat(Natives.extensionFor("fpu sse avx2 avx512f avx512dq avx512bw avx512vl fma")).isNull();
    }

    @Test
    void cpu_without_avx512_selects_the_avx2_build() {
        assertThat(Natives.extensionFor("fpu sse sse4_2 avx avx2 fma bmi2")).isEqualTo("-avx2");
    }

    @Test
    void cpu_without_avx2_selects_the_plain_build() {
        assertThat(Natives.extensionFor("fpu sse sse4_2 avx")).isEmpty();
    }

    @Test
    void unknown_flags_leave_the_choice_to_javacpp() {
        assertThat(Natives.extensionFor(null)).isNull();
    }
}
