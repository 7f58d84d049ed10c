package dev.mlpmaven.plugin;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Base of every goal: {@link #execute()} honours {@code mlp.skip} once, says why it skipped, and otherwise
 * hands over to {@link #executeMojo()}.
 */
public abstract class AbstractMlpMojo extends AbstractMojo {

    /**
     * Skips this goal. Every goal of the plugin honours it, so {@code -Dmlp.skip} turns the whole plugin off.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(Messages.SKIPPED);
            return;
        }
        executeMojo();
    }

    /** The goal's work, unless skipped. */
    protected abstract void executeMojo() throws MojoExecutionException, MojoFailureException;
}
