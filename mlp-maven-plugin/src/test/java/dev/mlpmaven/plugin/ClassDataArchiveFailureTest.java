package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ClassDataArchive;
import dev.mlpmaven.plugin.fork.ForkLauncher;
import dev.mlpmaven.plugin.fork.ForkLog;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.ProtocolSpeaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 15.5: a real JVM that cannot write its class-data sharing archive at exit. A full cache disk is played by a
 * file-size limit ({@code ulimit -f}): the JVM runs the command, says BYE 0, then fails writing the archive
 * ("Unable to write to shared archive file.") and exits with 1. The build must go on with a warning.
 */
class ClassDataArchiveFailureTest {
    @TempDir
    Path temp;

    @Test
    void archive_that_cannot_be_written_at_exit_is_a_warning_not_a_failed_build() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path limited = temp.resolve("java-with-16k-file-limit");
        Files.writeString(limited, "#!/bin/bash\nulimit -f 16\nexec " + java + " \"$@\"\n");
        Files.setPosixFilePermissions(limited, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> classpath = List.of(speakerJar()); // class-data sharing takes jars only
        ClassDataArchive archive = ClassDataArchive.of(temp.resolve("cache"), System.getProperty("java.home"),
                System.getProperty("java.version"), classpath);
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx64m", "-XX:-UsePerfData"));
        jvmArgs.addAll(archive.jvmArgs());
        ForkResult ran = ForkLauncher.run(new ForkLauncher.Launch(limited, jvmArgs, classpath,
                ProtocolSpeaker.class.getName(), List.of("0", "INFO trained", "bye"), Map.of(), temp,
                temp.resolve("fork")), quiet());
        assertThat(ran.bye()).as("the command itself ended well").isZero();
        assertThat(ran.exitCode()).as("the JVM failed at exit").isEqualTo(1);
        RecordingLog log = new RecordingLog();

        ForkResult result = ForkSupport.finishArchive(archive, ran, log);

        assertThat(result.exitCode()).isZero();
        assertThat(log.lines).contains("warn:mlp: could not write the class-data sharing archive " + archive.file()
                + " (the JVM said: Unable to write to shared archive file.); the build goes on without it - free"
                + " disk space in " + archive.file().getParent() + " or set -Dmlp.classDataSharing=false");
        try (var files = Files.list(temp.resolve("cache/cds"))) {
            assertThat(files).as("no half-written archive").isEmpty();
        }
    }

    @Test
    void a_failed_command_is_never_excused_by_the_archive() {
        ClassDataArchive archive = ClassDataArchive.of(temp.resolve("cache"), "/jdk", "17", List.of());
        archive.jvmArgs();
        ForkResult failed = new ForkResult(2, "bad.yaml:1:1: bad", null, List.of(), 1, List.of(), 2, false, 1, null);

        assertThat(ForkSupport.finishArchive(archive, failed, new RecordingLog()).exitCode()).isEqualTo(2);
    }

    /** ProtocolSpeaker alone in a jar. */
    private Path speakerJar() throws IOException {
        Path jar = temp.resolve("speaker.jar");
        String entry = ProtocolSpeaker.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream in = ProtocolSpeaker.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static ForkLog quiet() {
        return new ForkLog() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }

            @Override
            public void debug(String line) {
            }
        };
    }
}
