package dev.mlpmaven.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ExperimentLoader#validate} in a JVM of its own inside a new user namespace ({@code unshare -U}),
 * where root has no capability over the machine's files, so a file without read permission cannot be read. Prints
 * one problem a line.
 */
final class ProblemsInAUserNamespace {
    private ProblemsInAUserNamespace() {
    }

    public static void main(String[] args) {
        ExperimentLoader.validate(Path.of(args[0]), Map.of(), Path.of(args[1])).stream().map(Problem::format)
                .forEach(System.out::println);
    }

    static List<String> validate(Path file, Path project) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p;
        try {
            p = new ProcessBuilder("unshare", "-U", java.toString(), "-cp", System.getProperty("java.class.path"),
                    ProblemsInAUserNamespace.class.getName(), file.toString(), project.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("unshare is missing: apt-get install -y util-linux", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("unshare -U java ... exited with " + p.exitValue() + ": " + out);
        }
        return out.lines().toList();
    }
}
