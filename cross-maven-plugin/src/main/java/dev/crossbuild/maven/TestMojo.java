package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import dev.crossbuild.nativetest.NativeTests;
import dev.crossbuild.nativetest.SurefireReport;
import dev.crossbuild.nativetest.TestDefinition;
import dev.crossbuild.nativetest.TestGate;
import dev.crossbuild.nativetest.TestOutcome;
import dev.crossbuild.nativetest.TestPrograms;
import dev.crossbuild.nativetest.TestRequest;
import dev.crossbuild.nativetest.TestSelection;
import dev.crossbuild.nativetest.TestSummary;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the module's native test programs for the host machine and runs them: directly when this machine runs
 * host programs, else through the cross file's {@code exe_wrapper} (qemu-user, Wine), with the module's libraries on
 * the library path. Each file directly in {@code src/test/c} or {@code src/test/cpp} is one program (sources in
 * subfolders are support code compiled into every program), or configure {@code <tests>}: test programs, or the
 * module's own {@code <executables>}, with arguments, environment, working directory, protocol ({@code exitcode} or
 * {@code tap}), timeout and {@code parallel} ({@link NativeTest}). Exit code 0 passes, 77 skips, anything else or a
 * timeout fails. A test without a working directory runs in a fresh folder of its own under
 * {@code target/cross/<classifier>/test/run/}. Logs a line per test and Surefire's summary line, and writes
 * {@code target/surefire-reports/TEST-cross.<classifier>.<test>.xml}. When the programs cannot run here (no
 * {@code exe_wrapper}), they are built and reported as not run, with the wrapper to add. {@code -Dcross.test=NAME}
 * runs only the named tests.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractBuildMojo {

    /**
     * The tests ({@link NativeTest}: a test program or one of the module's executables, with args, environment,
     * working directory, protocol, timeout, parallel); none configured: one program per C/C++ file directly in
     * {@code src/test/c} and {@code src/test/cpp}.
     */
    @Parameter
    private List<NativeTest> tests;

    /**
     * Run only these tests: comma-separated names, each may hold {@code *} and {@code ?} (like Surefire's
     * {@code -Dtest}). Unset: every test.
     */
    @Parameter(property = "cross.test")
    private String test;

    /**
     * Fail when {@code cross.test} names tests and none of this module's tests matches (Surefire's
     * {@code failIfNoSpecifiedTests}); {@code false} lets such modules pass, for a multi-module build.
     */
    @Parameter(property = "cross.test.failIfNoSpecifiedTests", defaultValue = "true")
    private boolean failIfNoSpecifiedTests;

    /**
     * Seconds each test may run before it (and everything it started) is killed and counted as failed; a test's
     * {@code <timeout>} replaces it.
     */
    @Parameter(property = "cross.test.timeout", defaultValue = "300")
    private int testTimeout;

    /** Build the test programs but do not run them (Surefire's {@code skipTests}). */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Neither build nor run the test programs (Surefire's {@code maven.test.skip}). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    /** Neither build nor run the native test programs; Java tests are not affected. */
    @Parameter(property = "cross.test.skip", defaultValue = "false")
    private boolean testSkip;

    /** Log failed tests but let the build pass (Surefire's {@code maven.test.failure.ignore}). */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /** Fail the build when the test programs cannot run on this machine (no exe_wrapper), instead of passing. */
    @Parameter(property = "cross.test.requireRun", defaultValue = "false")
    private boolean requireRun;

    /** Where the JUnit XML reports go (with Surefire's, so CI servers and the Surefire report find them). */
    @Parameter(property = "cross.test.reportsDirectory", defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    @Override
    protected String goal() {
        return "test";
    }

    @Override
    protected void run() throws CrossException, IOException, MojoFailureException {
        if (mavenTestSkip || testSkip) {
            getLog().info("Native tests are skipped (" + (testSkip ? "cross.test.skip" : "maven.test.skip") + ")");
            return;
        }
        if (testTimeout < 1) {
            throw new ParameterException("<testTimeout>", "<testTimeout> (cross.test.timeout) is " + testTimeout
                    + "; give the seconds a test may run, at least 1");
        }
        List<TestDefinition> all = definitions();
        if (all.isEmpty()) {
            getLog().info("No native tests (src/test/c, src/test/cpp, <tests>)");
            return;
        }
        TestSelection selection = TestSelection.parse(test);
        List<TestDefinition> definitions = selection.select(all, failIfNoSpecifiedTests);
        if (!selection.selectsAll()) {
            getLog().info("cross.test=" + selection + " selects " + (definitions.isEmpty()
                    ? "none of the " + all.size() + " native tests (cross.test.failIfNoSpecifiedTests=false)"
                    : definitions.size() + " of " + all.size() + " native tests: " + String.join(", ",
                            definitions.stream().map(TestDefinition::name).toList())));
            if (definitions.isEmpty()) {
                return;
            }
        }
        List<NativeTarget> targets = targets();
        List<BuildLayout> layouts = layouts();
        Map<BuildLayout, SetupState> setups = new LinkedHashMap<>();
        for (BuildLayout layout : layouts) {
            setups.put(layout, setupState(layout));
        }
        JobSlots slots = jobSlots(List.copyOf(setups.values()), false); // the compile goal said how many
        ProcessRunner runner = runner();
        // Test programs run as many at once as cross.jobs asks (they mostly wait on an emulator), else one per
        // processor; their compiles may use a compile farm's slots too.
        int testJobs = jobs != null && jobs > 0 ? jobs : localJobs();
        ProcessRunner local = JobSlots.of(testJobs).limit(runner);
        ProcessRunner compiles = slots.limitCompiles(runner);
        TestGate gate = new TestGate();
        List<TestSummary> summaries = EachHost.run(layouts, AbstractBuildMojo::classifierOf, layout -> locked(layout,
                () -> new NativeTests(local, compiles, HostEnvironment.system(), listener(layout), gate).run(
                        new TestRequest(layout, setups.get(layout), targets, definitions, extraIncludes(layout),
                                testJobs, Duration.ofSeconds(testTimeout), moduleDirectory(),
                                reportsDirectory.toPath(), !skipTests, reproducible))));
        List<String> failures = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        List<Path> failedReports = new ArrayList<>();
        for (int i = 0; i < layouts.size(); i++) {
            String prefix = multiTarget() ? "[" + classifierOf(layouts.get(i)) + "] " : "";
            summaries.get(i).failureMessage().ifPresent(m -> failures.add(prefix + m));
            summaries.get(i).notRunMessage().ifPresent(m -> notRun.add(prefix + m));
            String classifier = setups.get(layouts.get(i)).classifier();
            summaries.get(i).outcomes().stream().filter(TestOutcome::failed).forEach(outcome -> failedReports.add(
                    SurefireReport.file(reportsDirectory.toPath(), classifier, outcome.name())));
        }
        if (!failures.isEmpty()) {
            String message = String.join("\n", failures)
                    + whereOutputIs(getLog().isWarnEnabled(), failedReports, reportsDirectory.toPath());
            if (!testFailureIgnore) {
                throw new MojoFailureException(message);
            }
            getLog().error(message + " (ignored: maven.test.failure.ignore)");
        }
        if (!notRun.isEmpty() && requireRun) {
            throw new MojoFailureException(String.join("\n", notRun)
                    + " (cross.test.requireRun is set, so this fails the build)");
        }
    }

    /**
     * Where the output of the failed tests is, for the message the build fails with: in the log above (the goal logs
     * a failed test's output as warnings), and in the reports; when Maven's log level hides warnings ({@code -q}),
     * in each failed test's JUnit XML report.
     */
    static String whereOutputIs(boolean warningsShown, List<Path> failedReports, Path reportsDirectory) {
        if (warningsShown || failedReports.isEmpty()) {
            return "; see the output above and " + reportsDirectory;
        }
        return "; " + (failedReports.size() == 1 ? "its output is in " : "their output is in ")
                + String.join(", ", failedReports.stream().map(Path::toString).toList());
    }

    /** The tests: the POM's {@code <tests>}, or one per C/C++ file directly in src/test/c and src/test/cpp. */
    private List<TestDefinition> definitions() throws CrossException, IOException {
        Path basedir = moduleDirectory();
        if (tests == null || tests.isEmpty()) {
            return TestPrograms.discover(List.of(basedir.resolve("src/test/c"), basedir.resolve("src/test/cpp")))
                    .stream().map(TestDefinition::of).toList();
        }
        List<TestDefinition> configured = new ArrayList<>();
        for (NativeTest nativeTest : NativeTargetConfig.present(tests)) {
            try {
                configured.add(nativeTest.toDefinition(basedir));
            } catch (IllegalArgumentException e) {
                throw new ParameterException("<tests>", e.getMessage(), e);
            }
        }
        return configured;
    }
}
