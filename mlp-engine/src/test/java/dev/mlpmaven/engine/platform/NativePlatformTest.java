package dev.mlpmaven.engine.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativePlatformTest {
    private static final String AVX512 = "fpu sse sse4_2 avx avx2 fma avx512f avx512dq avx512bw avx512vl";

    private static String classifier(String os, String arch, String flags) throws Exception {
        return NativePlatform.detect(os, arch, () -> flags).classifier();
    }

    @Test
    void linux_x86_64_gets_the_best_build_its_cpu_runs() throws Exception {
        assertThat(classifier("Linux", "amd64", AVX512)).isEqualTo("linux-x86_64-avx512");
        assertThat(classifier("Linux", "amd64", "fpu sse sse4_2 avx avx2 fma bmi2")).isEqualTo("linux-x86_64-avx2");
        assertThat(classifier("Linux", "amd64", "fpu sse sse4_2 avx")).isEqualTo("linux-x86_64");
    }

    @Test
    void avx512_without_all_four_subsets_is_not_enough() throws Exception {
        assertThat(classifier("Linux", "amd64", "avx2 avx512f avx512cd")).isEqualTo("linux-x86_64-avx2");
    }

    @Test
    void unknown_cpu_flags_take_the_plain_build_every_x86_64_runs() throws Exception {
        assertThat(classifier("Linux", "x86_64", null)).isEqualTo("linux-x86_64");
    }

    @Test
    void other_platforms_get_their_plain_build() throws Exception {
        assertThat(classifier("Linux", "aarch64", AVX512)).isEqualTo("linux-arm64");
        assertThat(classifier("Mac OS X", "x86_64", AVX512)).isEqualTo("macosx-x86_64");
        assertThat(classifier("Mac OS X", "aarch64", null)).isEqualTo("macosx-arm64");
        assertThat(classifier("Windows 11", "amd64", AVX512)).isEqualTo("windows-x86_64");
    }

    @Test
    void a_platform_nd4j_does_not_publish_is_refused_with_its_os_and_arch() {
        assertThatThrownBy(() -> classifier("Linux", "ppc64le", null))
                .isInstanceOf(NativePlatform.UnsupportedPlatformException.class)
                .hasMessage("no ND4J natives for os.name=Linux, os.arch=ppc64le");
        assertThatThrownBy(() -> classifier("FreeBSD", "amd64", null))
                .isInstanceOf(NativePlatform.UnsupportedPlatformException.class);
        assertThatThrownBy(() -> classifier("Windows 10", "aarch64", null))
                .isInstanceOf(NativePlatform.UnsupportedPlatformException.class);
    }

    @Test
    void published_classifier_splits_into_platform_and_extension() {
        assertThat(NativePlatform.ofClassifier("macosx-x86_64-avx2"))
                .isEqualTo(new NativePlatform("macosx-x86_64", "-avx2"));
        assertThat(NativePlatform.ofClassifier("linux-armhf")).isEqualTo(new NativePlatform("linux-armhf", ""));
        assertThatThrownBy(() -> NativePlatform.ofClassifier("windows-x86_64-avx512"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_x86_64_platforms_have_cpu_variants() {
        assertThat(NativePlatform.ofClassifier("linux-x86_64").hasCpuVariants()).isTrue();
        assertThat(NativePlatform.ofClassifier("macosx-arm64").hasCpuVariants()).isFalse();
    }
}
