package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.platform.NativePlatform;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeSelectionTest {
    @Test
    void a_published_classifier_overrides_the_detection() throws Exception {
        assertThat(NativeSelection.choose("linux-x86_64-avx2")).isEqualTo(new NativePlatform("linux-x86_64", "-avx2"));
    }

    @Test
    void an_unpublished_classifier_is_the_users_mistake() throws Exception {
        String here = NativePlatform.detect().classifier();
        assertThatThrownBy(() -> NativeSelection.choose("linux-x86_64-avx9"))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: nativeClassifier 'linux-x86_64-avx9': found no ND4J natives of that name, expected"
                        + " one of linux-x86_64, linux-x86_64-avx2, linux-x86_64-avx512, linux-arm64, linux-armhf,"
                        + " macosx-x86_64, macosx-x86_64-avx2, macosx-x86_64-avx512, macosx-arm64, windows-x86_64,"
                        + " windows-x86_64-avx2 - leave it unset to use this machine's (" + here + ")");
    }

    @Test
    void a_platform_without_natives_says_which_it_is_and_what_would_work() {
        NativePlatform.UnsupportedPlatformException e = null;
        try {
            NativePlatform.detect("Linux", "ppc64le", () -> null);
        } catch (NativePlatform.UnsupportedPlatformException u) {
            e = u;
        }
        assertThat(NativeSelection.unsupported(e)).hasMessage("mlp: this machine (os.name=Linux, os.arch=ppc64le)"
                + " is not a platform ND4J publishes natives for, expected one of linux-x86_64, linux-arm64,"
                + " macosx-x86_64, macosx-arm64, windows-x86_64 - train on one of those, or set -Dmlp.nativeClassifier"
                + " to one of linux-x86_64, linux-x86_64-avx2, linux-x86_64-avx512, linux-arm64, linux-armhf,"
                + " macosx-x86_64, macosx-x86_64-avx2, macosx-x86_64-avx512, macosx-arm64, windows-x86_64,"
                + " windows-x86_64-avx2 if the detection is wrong");
    }
}
