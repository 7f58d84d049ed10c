package dev.mlpmaven.plugin;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A goal that works on experiment files: one named file, or every match of the includes in a folder
 * (found by {@code ExperimentFiles}).
 */
public abstract class AbstractExperimentMojo extends AbstractMlpMojo {
    /** User properties {@code mlp.set.<key.path>=<value>} override experiment values. */
    public static final String OVERRIDE_PREFIX = dev.mlpmaven.config.ExperimentLoader.OVERRIDE_PREFIX;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * One experiment file to use instead of the files in {@code experimentDirectory}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.experiment")
    protected File experiment;

    /**
     * The folder searched for experiment files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.experimentDirectory", defaultValue = "${project.basedir}/src/main/mlp")
    protected File experimentDirectory;

    /**
     * Glob patterns, relative to {@code experimentDirectory}, of the experiment files; default {@code **}{@code /*.yaml}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> includes = new ArrayList<>(List.of("**/*.yaml"));

    /**
     * Glob patterns of files in {@code experimentDirectory} that are not experiments (for example bases that
     * other experiments extend).
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> excludes = new ArrayList<>();

    /**
     * The folder every file an experiment {@code extends} must be in: {@code extends} reads only {@code .yaml} and
     * {@code .yml} files under it, named by a relative path (no absolute path, no {@code ../} out of it, no link
     * that leads out). Widen it to share base experiments between projects, e.g. {@code ${project.basedir}/..}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.extendsRoot", defaultValue = "${project.basedir}")
    protected File extendsRoot;

    /**
     * Experiment values to override, key path to value ({@code <training.epochs>1</training.epochs>}).
     * From the command line: {@code -Dmlp.set.training.epochs=1}, which wins over the pom.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> overrides = new LinkedHashMap<>();

    /** The experiment files, sorted; empty when there are none (the goal says so and does nothing). */
    protected List<Path> experimentFiles() throws MojoFailureException, MojoExecutionException {
        return ExperimentFiles.find(experiment, project.getBasedir().toPath(), experimentDirectory.toPath(),
                includes, excludes, getLog());
    }

    /** The extends root as an absolute path ({@link #extendsRoot}; the project folder when unset). */
    protected Path extendsRootPath() {
        File f = extendsRoot != null ? extendsRoot : project.getBasedir();
        Path p = f.toPath();
        return (p.isAbsolute() ? p : project.getBasedir().toPath().resolve(p)).normalize();
    }

    /** The overrides of the pom, then the {@code mlp.set.*} user properties. */
    protected Map<String, String> allOverrides() {
        return ExperimentFiles.overrides(overrides, session.getUserProperties());
    }
}
