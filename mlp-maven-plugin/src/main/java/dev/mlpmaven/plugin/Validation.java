package dev.mlpmaven.plugin;

import dev.mlpmaven.config.ExperimentLoader;
import dev.mlpmaven.config.Problem;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mlpmaven.plugin.Messages.format;

/** The work of {@code mlp:validate}: every problem of every experiment file, collected before failing. */
final class Validation {
    private Validation() {
    }

    static void validate(List<Path> files, Map<String, String> overrides, Path extendsRoot, Log log)
            throws MojoExecutionException, MojoFailureException {
        List<String> problems = new ArrayList<>();
        int invalid = 0;
        for (Path file : files) {
            List<Problem> found;
            try {
                found = ExperimentLoader.validate(file, overrides, extendsRoot);
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(format(Messages.CANNOT_READ, file, e.getMessage()), e);
            }
            if (found.isEmpty()) {
                log.info(format(Messages.VALIDATE_OK, file));
                continue;
            }
            invalid++;
            found.forEach(p -> problems.add(p.format()));
        }
        if (invalid > 0) {
            // Maven prints the exception's message: every problem of every file, then the count
            throw new MojoFailureException(String.join(System.lineSeparator(), problems) + System.lineSeparator()
                    + format(Messages.VALIDATE_FAILED, invalid, files.size()));
        }
    }
}
