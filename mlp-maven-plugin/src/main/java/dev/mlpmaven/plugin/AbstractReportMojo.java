package dev.mlpmaven.plugin;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * A site report of trained experiments: in {@code mvn site} the site plugin calls {@link #generate(Sink, Locale)} with
 * its sink (the page gets the site's skin and menu); {@code mvn mlp:report} alone writes a plain page. Either way the
 * experiments' reports are copied beside the page ({@code SiteReport}). Report-only: it reads what {@code mlp:train}
 * left and never trains.
 *
 * <p>It implements {@link MavenReport} itself instead of extending maven-reporting-impl's
 * {@code AbstractMavenReport}, whose site renderer would add 6 MB to the plugin realm of every goal.
 */
public abstract class AbstractReportMojo extends AbstractMojo implements MavenReport {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Skips the report. Every goal of the plugin honours it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "mlp.skip", defaultValue = "false")
    protected boolean skip;

    /** The site folder when the goal runs alone. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    protected File outputDirectory;

    private File reportOutputDirectory;

    /** The table's rows. */
    abstract List<SiteReport.Row> rows();

    /** Logged when there is nothing to show (the page is left out). */
    abstract String nothingToShow();

    /** The page's first paragraph. */
    abstract String intro();

    /** Whether the table has a module column. */
    abstract boolean aggregate();

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public void setReportOutputDirectory(File dir) {
        this.reportOutputDirectory = dir;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : outputDirectory;
    }

    /** The folder of the page, where the experiments' reports are copied. */
    private Path pageDir() {
        return getReportOutputDirectory().toPath().resolve(getOutputName()).getParent();
    }

    @Override
    public boolean canGenerateReport() {
        if (skip) {
            getLog().info(Messages.SKIPPED);
            return false;
        }
        if (rows().isEmpty()) {
            getLog().info(nothingToShow());
            return false;
        }
        return true;
    }

    /** {@code mvn site}: the page through the site's sink. */
    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        List<SiteReport.Row> rows = rows();
        SiteReport.copy(rows, pageDir());
        SiteReport.render(sink, getName(locale), intro(), rows, aggregate());
    }

    /** {@code mvn mlp:report} alone: a plain page, {@code <site folder>/<output name>.html}. */
    @Override
    public void execute() throws MojoExecutionException {
        if (!canGenerateReport()) {
            return;
        }
        List<SiteReport.Row> rows = rows();
        Path page = getReportOutputDirectory().toPath().resolve(getOutputName() + ".html");
        try {
            SiteReport.copy(rows, pageDir());
            SiteReport.writeStandalone(page, getName(Locale.ROOT), intro(), rows, aggregate());
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(format(Messages.REPORT_NOT_WRITTEN, page, e.getMessage()), e);
        }
        getLog().info(format(Messages.REPORT_WRITTEN, page));
    }
}
