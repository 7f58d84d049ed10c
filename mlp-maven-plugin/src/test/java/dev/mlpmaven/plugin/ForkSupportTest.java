package dev.mlpmaven.plugin;

import dev.mlpmaven.engine.platform.NativePlatform;
import dev.mlpmaven.plugin.fork.ForkLauncher;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class ForkSupportTest {
    @TempDir
    Path temp;

    private Path immutable;
    private Path readOnly;

    @AfterEach
    void makeWritableAgain() throws Exception {
        if (immutable != null) {
            run("chattr", "-i", immutable.toString());
        }
        if (readOnly != null) {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private ForkLauncher.Launch launchWritingIn(Path forkDir) {
        return new ForkLauncher.Launch(Path.of(System.getProperty("java.home"), "bin", "java"), List.of(),
                List.of(temp.resolve("a.jar")), "Main", List.of(), Map.of(), temp, forkDir);
    }

    private MojoExecutionException notStarted(ForkLauncher.Launch launch) {
        try {
            ForkLauncher.run(launch, null);
        } catch (IOException e) {
            return ForkSupport.notStarted(launch, e);
        }
        return fail("the fork started although its argument file cannot be written");
    }

    @Test
    void argument_file_blocked_by_a_file_names_the_folder_and_why_and_not_java_home() throws IOException {
        Path target = Files.createDirectory(temp.resolve("target"));
        Path forkDir = Files.writeString(target.resolve("mlp-fork"), "in the way");

        assertThat(notStarted(launchWritingIn(forkDir))).hasMessage("mlp: cannot write the fork's argument file in "
                + forkDir + ": a file is in the way at " + forkDir + " - the build folder must be writable"
                + " (check its permissions and free disk space)");
    }

    @Test
    void read_only_build_folder_names_the_folder_and_why_and_leaves_no_argument_file() throws Exception {
        Path target = Files.createDirectory(temp.resolve("target"));
        String reason;
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes through every permission bit; the immutable attribute stops it too
            run("chattr", "+i", target.toString());
            immutable = target;
            reason = "Operation not permitted";
        } else {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
            readOnly = target;
            reason = "permission denied";
        }
        Path forkDir = target.resolve("mlp-fork");

        assertThat(notStarted(launchWritingIn(forkDir))).hasMessage("mlp: cannot write the fork's argument file in "
                + forkDir + ": " + reason + " - the build folder must be writable"
                + " (check its permissions and free disk space)");
        try (var files = Files.list(target)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void unclosed_quote_in_arg_line_is_the_users_mistake() {
        assertThatThrownBy(() -> ForkSupport.jvmArgs("-Xmx1g -Dname='a b"))
                .isExactlyInstanceOf(MojoFailureException.class)
                .hasMessage("mlp: argLine [-Xmx1g -Dname='a b]: found an unclosed ' quote, expected quotes in pairs"
                        + " - check <argLine> or -Dmlp.argLine");
    }

    @Test
    void crash_reports_go_to_target_mlp_when_train_made_it_else_to_the_forks_own_folder() throws IOException {
        Path build = Files.createDirectory(temp.resolve("target"));
        assertThat(ForkSupport.crashFolder(build)).isEqualTo(build.resolve("mlp-fork"));

        Files.createDirectory(build.resolve("mlp"));
        assertThat(ForkSupport.crashFolder(build)).isEqualTo(build.resolve("mlp"));
    }

    @Test
    void error_file_in_the_crash_folder_unless_arg_line_sets_one() throws MojoFailureException {
        NativePlatform natives = NativePlatform.ofClassifier("linux-x86_64-avx2");
        Path folder = temp.resolve("target").resolve("mlp-fork");

        assertThat(ForkSupport.jvmArgs("-Xmx1g", natives, folder))
                .containsExactly("-Xmx1g", "-Dorg.bytedeco.javacpp.platform.extension=-avx2",
                        "-XX:ErrorFile=" + folder.resolve("hs_err_pid%p.log"));
        assertThat(ForkSupport.jvmArgs("-XX:ErrorFile=/elsewhere/crash.log", natives, folder))
                .filteredOn(a -> a.startsWith("-XX:ErrorFile=")).containsExactly("-XX:ErrorFile=/elsewhere/crash.log");
    }

    private static void run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: apt-get install -y e2fsprogs", e);
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
    }
}
