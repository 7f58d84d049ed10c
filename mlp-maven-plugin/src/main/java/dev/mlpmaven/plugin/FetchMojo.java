package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolves the data of every experiment (local copy, cache, or download with checksum) without training, so a
 * later offline build ({@code mvn -o}) finds it in the cache. Runs in a forked JVM like {@code train}.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class FetchMojo extends AbstractForkMojo {

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Path> files = experimentFiles();
        if (!files.isEmpty()) {
            ForkSupport fork = forkSupport();
            fork.run(ForkCommands.fetch(extendsRootPath(), fork.dataArguments(), allOverrides(), files), null);
        }
    }
}
