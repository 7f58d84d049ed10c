package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentScanTest {
    @TempDir
    Path dir;

    void touch(String... names) throws IOException {
        for (String n : names) {
            Path p = dir.resolve(n);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
    }

    @Test
    void default_include_finds_yaml_files_in_the_folder_and_below_sorted() throws IOException, MojoExecutionException {
        touch("b.yaml", "a.yaml", "nested/c.yaml", "notes.txt", "d.yml");

        assertThat(ExperimentFiles.scan(dir, List.of("**/*.yaml"), List.of()))
                .containsExactly(dir.resolve("a.yaml"), dir.resolve("b.yaml"), dir.resolve("nested/c.yaml"));
    }

    @Test
    void excludes_remove_bases_that_others_extend() throws IOException, MojoExecutionException {
        touch("base/common.yaml", "quick.yaml");

        assertThat(ExperimentFiles.scan(dir, List.of("**/*.yaml"), List.of("base/**")))
                .containsExactly(dir.resolve("quick.yaml"));
    }

    @Test
    void missing_folder_has_no_experiments() throws MojoExecutionException {
        assertThat(ExperimentFiles.scan(dir.resolve("none"), List.of("**/*.yaml"), List.of())).isEmpty();
    }
}
