package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.platform.NativePlatform;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

import static dev.mlpmaven.plugin.Messages.format;

/** Which ND4J natives the fork gets: {@code mlp.nativeClassifier} if set, else this machine's ({@link NativePlatform}). */
final class NativeSelection {
    private NativeSelection() {
    }

    static NativePlatform choose(String classifier) throws MojoFailureException, MojoExecutionException {
        if (classifier != null && !classifier.isBlank()) {
            try {
                return NativePlatform.ofClassifier(classifier.trim());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(format(Messages.NATIVE_BAD_CLASSIFIER, classifier,
                        String.join(", ", NativePlatform.PUBLISHED), detectedOrUnknown()));
            }
        }
        try {
            return NativePlatform.detect();
        } catch (NativePlatform.UnsupportedPlatformException e) {
            throw unsupported(e);
        }
    }

    static MojoExecutionException unsupported(NativePlatform.UnsupportedPlatformException e) {
        return new MojoExecutionException(format(Messages.NATIVE_UNSUPPORTED, e.osName(), e.osArch(),
                String.join(", ", NativePlatform.DETECTED), String.join(", ", NativePlatform.PUBLISHED)));
    }

    private static String detectedOrUnknown() {
        try {
            return NativePlatform.detect().classifier();
        } catch (NativePlatform.UnsupportedPlatformException e) {
            return "none: os.name=" + e.osName() + ", os.arch=" + e.osArch();
        }
    }
}
