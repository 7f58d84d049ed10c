package dev.mlpmaven.plugin;

import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.Problem;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * Checks every experiment file without training: unknown keys, wrong types, values out of range, each named by
 * file, line, column and key. Runs inside Maven (the experiment language has no native code), in milliseconds.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractExperimentMojo {

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Path> files = experimentFiles();
        Map<String, String> overrides = allOverrides();
        List<String> problems = new ArrayList<>();
        int invalid = 0;
        for (Path file : files) {
            List<Problem> found;
            try {
                found = ExperimentLoader.validate(file, overrides, extendsRootPath());
            } catch (java.io.UncheckedIOException e) {
                throw new MojoExecutionException("mlp: cannot read " + file + ": " + e.getMessage(), e);
            }
            if (found.isEmpty()) {
                getLog().info(format(Messages.VALIDATE_OK, file));
                continue;
            }
            invalid++;
            // Maven prints the exception's message: every problem of every file, then the count
            found.forEach(p -> problems.add(p.format()));
        }
        if (invalid > 0) {
            throw new MojoFailureException(String.join(System.lineSeparator(), problems) + System.lineSeparator()
                    + format(Messages.VALIDATE_FAILED, invalid, files.size()));
        }
    }
}
