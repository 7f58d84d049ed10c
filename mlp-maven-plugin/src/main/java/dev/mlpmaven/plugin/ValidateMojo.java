package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks every experiment file without training: unknown keys, wrong types, values out of range, each named by
 * file, line, column and key. Runs inside Maven (the experiment language has no native code), in milliseconds.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractExperimentMojo {

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        Validation.validate(experimentFiles(), allOverrides(), extendsRootPath(), getLog());
    }
}
