package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.check.Rule;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the baseline rule finds its baseline; resolving coordinates is shown by the baseline-gate IT. */
class BaselineGateTest {
    @TempDir
    Path temp;

    BaselineGate gate() {
        MavenProject project = new MavenProject();
        project.setFile(temp.resolve("pom.xml").toFile());
        return new BaselineGate(new SystemStreamLog(), null, null, project, temp.resolve("target/mlp"), null,
                name -> null);
    }

    static Rule rule(String baseline, String file) {
        return new Rule("quick", null, null, null, 0.005, baseline, file);
    }

    @Test
    void coordinates_need_group_artifact_and_version_with_an_optional_classifier() {
        for (String bad : new String[] {"com.example:shop", "com.example:shop::quick", "a:b:1.0:c:d"}) {
            assertThatThrownBy(() -> gate().baseline("quick", rule(bad, null)))
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessage("mlp: baseline '" + bad + "': expected groupId:artifactId:version[:classifier] (a"
                            + " version, or a range such as [0,) for its last release; the classifier defaults to the"
                            + " experiment's name, the type is mlp)");
        }
    }

    @Test
    void a_baseline_file_is_taken_relative_to_the_project_and_must_exist() throws Exception {
        assertThatThrownBy(() -> gate().baseline("quick", rule(null, "models/released.mlp")))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(Messages.format(Messages.BASELINE_FILE_MISSING, temp.resolve("models/released.mlp")));
        Files.createDirectories(temp.resolve("models"));
        Files.writeString(temp.resolve("models/released.mlp"), "x");
        BaselineGate.Baseline b = gate().baseline("quick", rule("ignored:when:a-file-is-set", "models/released.mlp"));
        assertThat(b.file()).isEqualTo(temp.resolve("models/released.mlp"));
        assertThat(b.what()).isEqualTo(temp.resolve("models/released.mlp").toString());
    }

    @Test
    void a_range_picks_a_release_and_a_plain_version_is_taken_as_it_is() {
        assertThat(BaselineGate.isRange("[0,)")).isTrue();
        assertThat(BaselineGate.isRange("(1.0,2.0]")).isTrue();
        assertThat(BaselineGate.isRange("1.0")).isFalse();
    }
}
