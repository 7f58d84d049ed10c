package dev.mlpmaven.engine.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which of ND4J's native builds this machine runs: the JavaCPP platform ({@code linux-x86_64}) and the CPU
 * extension ({@code -avx512}, {@code -avx2} or none), whose concatenation is the classifier of the
 * {@code org.nd4j:nd4j-native} jar that holds them. Pure Java, no ND4J: the Maven plugin uses it to resolve only
 * this platform's natives for the fork, the engine to tell JavaCPP which build to load.
 *
 * <p>The CPU extension is chosen on Linux x86-64 only, from {@code /proc/cpuinfo}: AVX-512 needs the F, BW, DQ and
 * VL subsets (the ND4J build dies with SIGILL without them), AVX2 is next, else the plain build. Other platforms
 * get their plain build; any published classifier can be chosen instead ({@link #ofClassifier(String)}).
 *
 * @param platform  JavaCPP platform, e.g. {@code linux-x86_64}
 * @param extension CPU extension, {@code -avx512}, {@code -avx2} or empty
 */
public record NativePlatform(String platform, String extension) {
    /** The classifiers of {@code org.nd4j:nd4j-native:1.0.0-M2.1} on Maven Central. */
    public static final List<String> PUBLISHED = List.of("linux-x86_64", "linux-x86_64-avx2", "linux-x86_64-avx512",
            "linux-arm64", "linux-armhf", "macosx-x86_64", "macosx-x86_64-avx2", "macosx-x86_64-avx512",
            "macosx-arm64", "windows-x86_64", "windows-x86_64-avx2");

    /** The platforms found without help ({@link #detect}); the others need {@link #ofClassifier(String)}. */
    public static final List<String> DETECTED = List.of("linux-x86_64", "linux-arm64", "macosx-x86_64",
            "macosx-arm64", "windows-x86_64");

    private static final List<String> EXTENSIONS = List.of("-avx512", "-avx2");

    /** The machine is none of {@link #DETECTED}: ND4J publishes no natives for it. */
    public static final class UnsupportedPlatformException extends Exception {
        private final String osName;
        private final String osArch;

        UnsupportedPlatformException(String osName, String osArch) {
            super("no ND4J natives for os.name=" + osName + ", os.arch=" + osArch);
            this.osName = osName;
            this.osArch = osArch;
        }

        public String osName() {
            return osName;
        }

        public String osArch() {
            return osArch;
        }
    }

    /** The nd4j-native classifier: platform and extension, e.g. {@code linux-x86_64-avx2}. */
    public String classifier() {
        return platform + extension;
    }

    /** Whether JavaCPP must be told the extension: the platform has builds for several CPU levels. */
    public boolean hasCpuVariants() {
        return platform.endsWith("-x86_64");
    }

    /** This JVM's platform. */
    public static NativePlatform detect() throws UnsupportedPlatformException {
        return detect(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                NativePlatform::linuxCpuFlags);
    }

    /**
     * The platform for these {@code os.name}, {@code os.arch} and (Linux x86-64 only) CPU flags, the
     * {@code flags} line of {@code /proc/cpuinfo} or null when unknown (then the plain build, which every x86-64
     * CPU runs).
     */
    public static NativePlatform detect(String osName, String osArch, Supplier<String> cpuFlags)
            throws UnsupportedPlatformException {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux"
                : os.startsWith("mac os x") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        String platform = family + "-" + arch;
        if (family == null || arch == null || !DETECTED.contains(platform)) {
            throw new UnsupportedPlatformException(osName, osArch);
        }
        String extension = platform.equals("linux-x86_64") ? x86Extension(cpuFlags.get()) : "";
        return new NativePlatform(platform, extension == null ? "" : extension);
    }

    /** A published classifier, e.g. {@code macosx-x86_64-avx2}; IllegalArgumentException for any other. */
    public static NativePlatform ofClassifier(String classifier) {
        if (!PUBLISHED.contains(classifier)) {
            throw new IllegalArgumentException("not a classifier of nd4j-native: " + classifier);
        }
        for (String e : EXTENSIONS) {
            if (classifier.endsWith(e)) {
                return new NativePlatform(classifier.substring(0, classifier.length() - e.length()), e);
            }
        }
        return new NativePlatform(classifier, "");
    }

    /**
     * The best x86-64 build these CPU flags run: {@code -avx512} (F, BW, DQ and VL), {@code -avx2}, or empty;
     * null when the flags are unknown.
     */
    public static String x86Extension(String flags) {
        if (flags == null) {
            return null;
        }
        String f = " " + flags.toLowerCase(Locale.ROOT) + " ";
        if (f.contains(" avx512f ") && f.contains(" avx512bw ") && f.contains(" avx512dq ") && f.contains(" avx512vl ")) {
            return "-avx512";
        }
        return f.contains(" avx2 ") ? "-avx2" : "";
    }

    /** The {@code flags} of the first processor in {@code /proc/cpuinfo}; null when not Linux or unreadable. */
    public static String linuxCpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
