package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code test} goal's skip switches and parameter checks, which act before anything is built (the module has a
 * test program but no setup.json, so getting further would fail on the missing setup).
 */
@MojoTest
@Basedir("/unit/test")
class TestMojoTest {

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @BeforeEach
    void buildRoot() throws IOException {
        session.getRequest().setMultiModuleProjectDirectory(project.getBasedir());
        // A goal that got as far as the classifier's folder made it (to lock it): each test starts without.
        Path target = project.getBasedir().toPath().resolve("target");
        if (Files.exists(target)) {
            try (Stream<Path> paths = Files.walk(target)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "mavenTestSkip", value = "true")
    void mavenTestSkipBuildsNothing(TestMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Native tests are skipped (maven.test.skip)"), log.info());
        assertTrue(!Files.exists(project.getBasedir().toPath().resolve("target/cross")));
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "testSkip", value = "true")
    void crossTestSkipBuildsNothing(TestMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("Native tests are skipped (cross.test.skip)"), log.info());
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "testTimeout", value = "0")
    void aTimeoutBelowOneSecondIsRefused(TestMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("<testTimeout> (cross.test.timeout) is 0; give the seconds a test may run, at least 1",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "test")
    void withoutSetupTheGoalSaysToRunTheBuildFromSetupOn(TestMojo mojo) {
        Path setupJson = project.getBasedir().toPath().resolve("target/cross/linux-aarch_64/setup.json");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith(setupJson + ": it does not exist: the setup goal has not run"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "test", value = "test_b*,other")
    void aSelectionThatMatchesNoTestFailsListingTheTests(TestMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("No native test matches -Dcross.test=test_b*,other; the tests of this module are: test_a. Give "
                + "one of these names (* and ? match any characters and one character), or set "
                + "-Dcross.test.failIfNoSpecifiedTests=false to let modules without a match pass.", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "test", value = "test_b")
    @MojoParameter(name = "failIfNoSpecifiedTests", value = "false")
    void withFailIfNoSpecifiedTestsOffAModuleWithoutAMatchPasses(TestMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        mojo.execute();
        assertEquals(java.util.List.of("cross.test=test_b selects none of the 1 native tests "
                + "(cross.test.failIfNoSpecifiedTests=false)"), log.info());
    }

    @Test
    void withWarningsHiddenTheFailureSaysWhereTheOutputIs() {
        Path reports = Path.of("/m/target/surefire-reports");
        Path bad = reports.resolve("TEST-cross.linux-aarch_64.test_bad.xml");
        Path worse = reports.resolve("TEST-cross.linux-aarch_64.test_worse.xml");

        assertEquals("; see the output above and " + reports, TestMojo.whereOutputIs(true, List.of(bad), reports));
        // mvn -q: the goal's warnings (the failed test's output) are not in the log.
        assertEquals("; its output is in " + bad, TestMojo.whereOutputIs(false, List.of(bad), reports));
        assertEquals("; their output is in " + bad + ", " + worse,
                TestMojo.whereOutputIs(false, List.of(bad, worse), reports));
    }
}
