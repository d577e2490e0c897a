package dev.crossbuild.maven.report;

import dev.crossbuild.report.ReportData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The site report {@code cross-report.html}: for each host machine (classifier) built into this module's
 * {@code target/cross}, the three machines, the cross files in layered order with what each set, the toolchain, the
 * doctor's findings, the compiler checks, every output with what verification read from it (machine, class,
 * endianness, float ABI, SONAME, {@code DT_NEEDED}, highest GLIBC version, SHA-256, stripped, debug file) and the
 * native test results. It reads what the build wrote, so run the build first, e.g.
 * {@code mvn package site -Dcross.file=linux-arm64.ini}; without that data the page says how to produce it.
 * List this plugin ({@code cross-report-maven-plugin}) under {@code <reporting>} to get the page; the build goals are
 * {@code cross-maven-plugin}'s, whose class realm stays free of the reporting and Doxia dependencies.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class CrossReport extends AbstractMavenReport {

    /** Where the build wrote its per-classifier data ({@code setup.json}, {@code outputs.json}). */
    @Parameter(property = "cross.directory", defaultValue = "${project.build.directory}/cross")
    private File crossDirectory;

    /** Where the native tests' JUnit XML reports are ({@code TEST-cross.<classifier>.*.xml}). */
    @Parameter(property = "cross.report.testReportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File testReportsDirectory;

    /** Leaves the page out of the site. */
    @Parameter(property = "cross.report.skip", defaultValue = "false")
    private boolean skip;

    // Deprecated in maven-reporting-api 4.0.0 but still abstract there (getOutputPath() defaults to it): must be
    // implemented, and overriding it is what draws the deprecation warning.
    @SuppressWarnings("deprecation")
    @Override
    public String getOutputName() {
        return "cross-report";
    }

    @Override
    public String getName(Locale locale) {
        return ReportMessages.of(locale).get("report.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return ReportMessages.of(locale).get("report.description");
    }

    /** Also without data: then the page explains how to produce it. */
    @Override
    public boolean canGenerateReport() {
        return !skip;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ReportData data;
        try {
            data = ReportData.read(crossDirectory.toPath(), testReportsDirectory.toPath());
        } catch (IOException e) {
            throw new MavenReportException("Cannot list " + crossDirectory + " or " + testReportsDirectory + ": " + e.getMessage(), e);
        }
        new CrossReportRenderer(getSink(), ReportMessages.of(locale), data, display(crossDirectory),
                display(testReportsDirectory)).render();
    }

    /** {@code target/cross}: relative to the module when inside it, with forward slashes. */
    private String display(File directory) {
        Path path = directory.toPath().toAbsolutePath().normalize();
        Path base = project != null && project.getBasedir() != null ? project.getBasedir().toPath().toAbsolutePath().normalize() : null;
        Path shown = base != null && path.startsWith(base) ? base.relativize(path) : path;
        return shown.toString().replace('\\', '/');
    }
}
