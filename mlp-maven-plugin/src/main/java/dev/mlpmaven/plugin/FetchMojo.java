package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves the data of every experiment (local copy, cache, or download with checksum) without training, so a
 * later offline build ({@code mvn -o}) finds it in the cache. Runs in a forked JVM like {@code train}.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FetchMojo extends AbstractForkMojo {

    @Inject
    public FetchMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Path> files = experimentFiles();
        if (!files.isEmpty()) {
            ForkSupport fork = forkSupport();
            fork.run(ForkCommands.fetch(extendsRootPath(), fork.dataArguments(), allOverrides(), files), null,
                    () -> files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")));
        }
    }
}
