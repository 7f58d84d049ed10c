package dev.mlpmaven.plugin;

import org.apache.maven.model.Dependency;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * One site page for the experiments of several modules, like jacoco's {@code report-aggregate}: put it in a module of
 * its own that depends on the training modules; their experiments ({@code target/mlp} of each module of the reactor
 * this one depends on) make one table with a module column, and each report is copied under
 * {@code mlp-aggregate/<artifactId>/<name>/}. Report-only, as {@code mlp:report}: it never trains.
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportAggregateMojo extends AbstractReportMojo {
    static final String OUTPUT_NAME = "mlp-aggregate/index";

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    private List<MavenProject> reactorProjects;

    /**
     * The folder, under each module's build directory, where {@code mlp:train} wrote its experiments (as for
     * {@code mlp:aggregate}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectoryName", defaultValue = "mlp", required = true)
    private String trainFolder;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return Messages.REPORT_AGGREGATE_NAME;
    }

    @Override
    public String getDescription(Locale locale) {
        return Messages.REPORT_AGGREGATE_DESCRIPTION;
    }

    /** The modules of the reactor this project depends on, in reactor order. */
    private List<MavenProject> modules() {
        List<MavenProject> modules = new ArrayList<>();
        for (MavenProject p : reactorProjects) {
            for (Dependency d : project.getDependencies()) {
                if (d.getGroupId().equals(p.getGroupId()) && d.getArtifactId().equals(p.getArtifactId())) {
                    modules.add(p);
                    break;
                }
            }
        }
        return modules;
    }

    @Override
    List<SiteReport.Row> rows() {
        List<SiteReport.Row> rows = new ArrayList<>();
        for (MavenProject p : modules()) {
            rows.addAll(SiteReport.rows(p.getArtifactId(), Path.of(p.getBuild().getDirectory(), trainFolder), getLog()));
        }
        return rows;
    }

    @Override
    String nothingToShow() {
        return format(Messages.REPORT_AGGREGATE_NONE,
                String.join(", ", modules().stream().map(MavenProject::getArtifactId).toList()));
    }

    @Override
    String intro() {
        return Messages.REPORT_AGGREGATE_INTRO;
    }

    @Override
    boolean aggregate() {
        return true;
    }
}
