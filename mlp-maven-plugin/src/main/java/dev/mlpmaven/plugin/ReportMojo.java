package dev.mlpmaven.plugin;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * The project site's page of the trained experiments, like jacoco's {@code report}: the index table of
 * {@code target/mlp} (test accuracy, loss, epochs, time, and the settings that differ) rendered into the site, each
 * experiment linking its {@code report.html}, which is copied under the site folder ({@code mlp/<name>/}). A
 * report-only goal: it reads what {@code mlp:train} left and never trains, so run {@code mvn verify site} (or
 * {@code mvn site} after a build). Put it in the pom's {@code <reporting>}; {@code mvn mlp:report} writes the page
 * alone ({@code target/site/mlp/index.html}).
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractReportMojo {
    static final String OUTPUT_NAME = "mlp/index";

    /**
     * Where {@code mlp:train} wrote the experiments ({@code <trainOutputDirectory>/<name>/metrics.json}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.outputDirectory", defaultValue = "${project.build.directory}/mlp", required = true)
    private File trainOutputDirectory;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return Messages.REPORT_NAME;
    }

    @Override
    public String getDescription(Locale locale) {
        return Messages.REPORT_DESCRIPTION;
    }

    @Override
    List<SiteReport.Row> rows() {
        return SiteReport.rows(null, trainOutputDirectory.toPath(), getLog());
    }

    @Override
    String nothingToShow() {
        return format(Messages.REPORT_NO_EXPERIMENTS, trainOutputDirectory);
    }

    @Override
    String intro() {
        // the folder relative to the project: a published site should not show the build machine's paths
        Path dir = trainOutputDirectory.toPath();
        Path base = project.getBasedir().toPath();
        return format(Messages.REPORT_INTRO, dir.startsWith(base) ? base.relativize(dir) : dir);
    }

    @Override
    boolean aggregate() {
        return false;
    }
}
