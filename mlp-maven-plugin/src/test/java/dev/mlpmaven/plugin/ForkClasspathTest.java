package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForkClasspathTest {
    private static DependencyResolutionException missing(DefaultArtifact... artifacts) {
        DependencyResult result = new DependencyResult(new DependencyRequest(new CollectRequest(), null));
        List<ArtifactResult> results = new java.util.ArrayList<>();
        for (DefaultArtifact a : artifacts) {
            ArtifactResult r = new ArtifactResult(new ArtifactRequest(a, List.of(), null));
            r.addException(new ArtifactNotFoundException(a, null));
            results.add(r);
        }
        result.setArtifactResults(results);
        return new DependencyResolutionException(result, new ArtifactResolutionException(results));
    }

    @Test
    void offline_without_the_natives_names_each_artifact_and_how_to_fetch_it() {
        MojoExecutionException e = ForkClasspath.failure(missing(
                new DefaultArtifact("org.nd4j", "nd4j-native", "linux-x86_64-avx512", "jar", "1.0.0-M2.1"),
                new DefaultArtifact("org.bytedeco", "openblas", "linux-x86_64", "jar", "0.3.19-1.5.7")), true);

        assertThat(e).hasMessage("mlp: Maven is offline (-o) and the local repository lacks"
                + " org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64-avx512, org.bytedeco:openblas:0.3.19-1.5.7:jar:linux-x86_64,"
                + " which the forked JVM needs - run the build once online, or fetch it:"
                + " mvn dependency:get -Dartifact=org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64-avx512;"
                + " mvn dependency:get -Dartifact=org.bytedeco:openblas:0.3.19-1.5.7:jar:linux-x86_64");
    }

    @Test
    void online_failure_gives_the_resolvers_reason() {
        MojoExecutionException e = ForkClasspath.failure(missing(
                new DefaultArtifact("org.nd4j", "nd4j-native", "linux-x86_64", "jar", "1.0.0-M2.1")), false);

        assertThat(e).hasMessage("mlp: cannot resolve the forked JVM's classpath: Could not find artifact"
                + " org.nd4j:nd4j-native:jar:linux-x86_64:1.0.0-M2.1 - check the repositories of settings.xml and the"
                + " network");
    }
}
