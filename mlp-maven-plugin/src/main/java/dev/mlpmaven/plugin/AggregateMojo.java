package dev.mlpmaven.plugin;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the results of any set of {@code mlp:train} output folders into one leaderboard, as jacoco's
 * {@code report-aggregate} merges modules: the {@code target/mlp} of CI shards downloaded into one folder, or the
 * modules of a reactor. Writes {@code index.html} (sortable, the best trial of each sweep marked, the parameters that
 * vary as columns, a chart of the metric against each), {@code summary.md} (for a CI job summary),
 * {@code leaderboard.csv} and {@code leaderboard.json} into {@code aggregateDirectory}, and attaches each sweep's best
 * model (type {@code mlp}, classifier {@code <sweep>-best}). A trial found twice, or the trials of one sweep made from
 * different files, fail the build naming both folders. Runs once per build (at the top of a reactor), in a forked
 * JVM like {@code train}. The work is in {@code AggregateSupport}.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.VERIFY, aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractForkMojo {
    private final MavenProjectHelper projectHelper;

    /**
     * The folders to merge, each searched for results (every folder below it with a {@code metrics.json}); from
     * the command line comma-separated: {@code -Dmlp.resultDirectories=shards}. Default: the
     * {@code outputDirectory} of every project of the reactor.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.resultDirectories")
    private List<File> resultDirectories = new ArrayList<>();

    /**
     * The folder of each project's results when {@code resultDirectories} is not set (the {@code outputDirectory}
     * of {@code mlp:train}), relative to each project's build directory.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectoryName", defaultValue = "mlp")
    private String outputDirectoryName;

    /**
     * Where the leaderboard goes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.aggregateDirectory", defaultValue = "${project.build.directory}/mlp-aggregate",
            required = true)
    private File aggregateDirectory;

    /**
     * Attach the best trial's model of each sweep to the project: type {@code mlp}, classifier
     * {@code <sweep>-best}, so {@code mvn install} and {@code mvn deploy} publish it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.attach", defaultValue = "true")
    private boolean attach;

    @Inject
    public AggregateMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected void executeMojo() throws MojoExecutionException, MojoFailureException {
        List<Path> folders = new ArrayList<>();
        if (resultDirectories.isEmpty()) {
            for (MavenProject p : session.getProjects()) {
                folders.add(Path.of(p.getBuild().getDirectory(), outputDirectoryName));
            }
        } else {
            resultDirectories.forEach(d -> folders.add(d.toPath()));
        }
        new AggregateSupport(getLog(), forkSupport(), new ModelAttacher(getLog(), projectHelper, project, attach),
                project.getBasedir().toPath())
                .aggregate(folders, !resultDirectories.isEmpty(), aggregateDirectory.toPath());
    }
}
