package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.FolderLock;
import dev.crossbuild.io.LockHolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * The {@code setup} goal in the plugin testing harness: the test POMs under {@code src/test/resources/unit/} hold
 * the plugin configuration, the harness supplies a project stub whose basedir is that folder (under
 * target/test-classes) and a mocked session.
 */
@MojoTest
@Basedir("/unit/setup")
class SetupMojoTest {

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    private Path basedir;
    private Path crossDirectory;

    @BeforeEach
    void startFromACleanModule() throws IOException {
        basedir = project.getBasedir().toPath();
        crossDirectory = basedir.resolve("target/cross");
        deleteRecursively(crossDirectory);
        // Maven's launcher always sets this; the harness' request leaves it null, and the mojo needs a build root.
        session.getRequest().setMultiModuleProjectDirectory(basedir.toFile());
    }

    @Test
    @InjectMojo(goal = "setup")
    void crossFileOfTheModuleWritesSetupJsonAndSetsProjectProperties(SetupMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        Path setupJson = crossDirectory.resolve("linux-aarch_64/setup.json");
        assertTrue(Files.isRegularFile(setupJson), "setup.json under the configured cross directory: " + setupJson);
        String json = Files.readString(setupJson);
        assertTrue(json.contains("\"classifier\": \"linux-aarch_64\""), json);
        assertTrue(json.contains("\"cpu\": \"cortex-a72\""), json);

        Properties properties = project.getProperties();
        assertEquals("linux", properties.getProperty("cross.host.system"));
        assertEquals("aarch64", properties.getProperty("cross.host.cpuFamily"));
        assertEquals("cortex-a72", properties.getProperty("cross.host.cpu"));
        assertEquals("little", properties.getProperty("cross.host.endian"));
        assertEquals("linux-aarch_64", properties.getProperty("cross.classifier"));
        assertEquals("true", properties.getProperty("cross.isCrossBuild"));
        assertEquals("true", properties.getProperty("cross.canRunHostBinaries"));
        assertEquals("/usr/lib/aarch64-linux-gnu/pkgconfig,/usr/share/pkgconfig",
                properties.getProperty("cross.property.pkg_config_libdir"));
        assertEquals("/usr/aarch64-linux-gnu", properties.getProperty("cross.property.sys_root"));
        assertEquals("true", properties.getProperty("cross.property.needs_exe_wrapper"));

        assertTrue(log.info().contains("classifier: linux-aarch_64, cross files: " + basedir.resolve("arm64.ini")),
                String.join("\n", log.info()));
        assertTrue(log.info().contains("recorded in " + setupJson), String.join("\n", log.info()));
        assertEquals(List.of(), log.warnings());
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "skip", value = "true")
    void skipWritesNothingSetsNoPropertiesAndSaysItSkipped(SetupMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertFalse(Files.exists(crossDirectory), "nothing written under " + crossDirectory);
        assertEquals(List.of(), crossProperties());
        assertEquals(List.of("Skipping cross:setup (cross.skip=true)"), log.info());
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "crossFiles", value = "broken.ini")
    void brokenCrossFileFailsWithFileLineAndKeyAndWritesNothing(SetupMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(basedir.resolve("broken.ini") + ":3: value of 'c' is a double-quoted string; machine files only"
                + " accept single quotes: 'aarch64-linux-gnu-gcc'", e.getMessage());
        assertFalse(Files.exists(crossDirectory), "a failed setup leaves no setup.json behind");
        assertEquals(List.of(), crossProperties());
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "launcher", value = "gcc")
    void aLauncherThatIsNoCompileFarmClientIsAUserError(SetupMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("cross.launcher is 'gcc'; give distcc or icecc (a name on PATH or a path to one of them)",
                e.getMessage());
        assertFalse(Files.exists(crossDirectory), "nothing written");
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "crossFiles", value = "no-such-machine.ini")
    void missingCrossFileFailsNamingWhereItLooked(SetupMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("no-such-machine.ini: cross file not found; looked in: "
                + basedir.resolve("no-such-machine.ini") + ", "), e.getMessage());
        assertFalse(Files.exists(crossDirectory));
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "classifier", value = "linux-arm64-custom")
    void classifierOverrideNamesTheOutputFolderAndTheProperty(SetupMojo mojo) throws Exception {
        mojo.setLog(new RecordingLog());

        mojo.execute();

        Path setupJson = crossDirectory.resolve("linux-arm64-custom/setup.json");
        assertTrue(Files.isRegularFile(setupJson), "setup.json under the overriding classifier: " + setupJson);
        assertTrue(Files.readString(setupJson).contains("\"classifier\": \"linux-arm64-custom\""));
        assertFalse(Files.exists(crossDirectory.resolve("linux-aarch_64")), "no folder under the derived classifier");
        assertEquals("linux-arm64-custom", project.getProperties().getProperty("cross.classifier"));
        assertEquals("aarch64", project.getProperties().getProperty("cross.host.cpuFamily"));
    }

    @Test
    @Basedir("/unit/root/module")
    @InjectMojo(goal = "setup")
    void crossFileInTheBuildRootIsFoundFromAModule(SetupMojo mojo) throws Exception {
        Path buildRoot = basedir.getParent();
        session.getRequest().setMultiModuleProjectDirectory(buildRoot.toFile());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertFalse(Files.exists(basedir.resolve("shared-riscv.ini")), "the module itself has no such file");
        assertTrue(Files.isRegularFile(crossDirectory.resolve("linux-riscv64/setup.json")));
        assertEquals("riscv64", project.getProperties().getProperty("cross.host.cpuFamily"));
        assertTrue(log.info().contains("classifier: linux-riscv64, cross files: " + buildRoot.resolve("shared-riscv.ini")),
                String.join("\n", log.info()));
    }

    @Test
    @InjectMojo(goal = "setup")
    void aFileWhereTheClassifiersFolderMustBeIsNamedWithWhatToDo(SetupMojo mojo) throws IOException {
        Files.createDirectories(crossDirectory);
        Path classifier = Files.writeString(crossDirectory.resolve("linux-aarch_64"), "");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals(classifier + " is a file, not a folder; delete or move it (mvn clean deletes everything under "
                + "target/)", e.getMessage());
    }

    @Test
    @InjectMojo(goal = "setup")
    void aBuildWaitsWhileAnotherWorksInTheClassifiersFolderSayingForWhom(SetupMojo mojo) throws Exception {
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        CompletableFuture<Void> other = holdLock(700);

        mojo.execute();

        other.get(10, TimeUnit.SECONDS);
        assertTrue(Files.isRegularFile(crossDirectory.resolve("linux-aarch_64/setup.json")));
        assertTrue(log.info().get(0).matches("waiting for the build of pid " + ProcessHandle.current().pid()
                + " \\(cross:compile, started \\d\\d:\\d\\d:\\d\\d\\) to release target/cross/linux-aarch_64"),
                String.join("\n", log.info()));
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "lockTimeout", value = "0")
    void afterTheLockTimeoutTheBuildFailsNamingTheOtherBuild(SetupMojo mojo) throws Exception {
        CompletableFuture<Void> other = holdLock(2000);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().matches("target/cross/linux-aarch_64 is still in use by the build of pid "
                + ProcessHandle.current().pid() + " \\(cross:compile, started \\d\\d:\\d\\d:\\d\\d\\) after "
                + "waiting 0 s; let that build finish \\(or stop it\\), or wait longer with "
                + "-Dcross.lockTimeout=<seconds>"), e.getMessage());
        other.get(10, TimeUnit.SECONDS);
    }

    /** Another build (a thread of this JVM, as cross:compile) holding the classifier's folder for {@code millis}. */
    private CompletableFuture<Void> holdLock(long millis) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try {
                FolderLock lock = FolderLock.acquire(crossDirectory.resolve("linux-aarch_64"), "other",
                        LockHolder.thisProcess(HostEnvironment.system().hostName(), "cross:compile"), Duration.ZERO,
                        line -> { });
                try {
                    locked.countDown();
                    Thread.sleep(millis);
                } finally {
                    lock.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(locked.await(10, TimeUnit.SECONDS), "the other build has the lock");
        return other;
    }

    private List<String> crossProperties() {
        return project.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("cross.")).sorted()
                .toList();
    }

    @Test
    @InjectMojo(goal = "setup")
    void aRunWithNothingChangedIsSkippedAndSetsTheSamePropertiesAnEditedCrossFileRunsIt(SetupMojo mojo)
            throws Exception {
        Properties initial = new Properties();
        initial.putAll(project.getProperties());
        RecordingLog first = new RecordingLog().withDebug();
        mojo.setLog(first);
        mojo.execute();
        Path stamp = crossDirectory.resolve(".stamps/setup.stamp");
        assertTrue(Files.isRegularFile(stamp), "the stamp of a setup that succeeded: " + stamp + first.debug());
        // What the first run wrote is too fresh to trust: the next run works, finds it all up to date and records a
        // stamp that holds (files hours old here, rather than waiting out the racy window).
        ageEverything(basedir);
        runAsTheNextBuild(mojo, initial, new RecordingLog());

        RecordingLog second = runAsTheNextBuild(mojo, initial, new RecordingLog().withDebug());

        assertTrue(second.info().stream().anyMatch(l -> l.startsWith("Nothing changed since the last cross:setup")),
                String.join("\n", second.debug()));
        assertEquals("linux-aarch_64", project.getProperties().getProperty("cross.classifier"));
        assertEquals("cortex-a72", project.getProperties().getProperty("cross.host.cpu"));

        // Verbose only changes the log: turned on to see why a goal runs, it is not a reason itself.
        mojo.verbose = true;
        RecordingLog verbose = runAsTheNextBuild(mojo, initial, new RecordingLog());
        assertTrue(verbose.info().stream().anyMatch(l -> l.startsWith("Nothing changed since the last cross:setup")),
                String.join("\n", verbose.info()));

        Path crossFile = basedir.resolve("arm64.ini");
        String original = Files.readString(crossFile);
        try {
            Files.writeString(crossFile, original.replace("cortex-a72", "cortex-a53"));
            RecordingLog third = runAsTheNextBuild(mojo, initial, new RecordingLog());

            assertTrue(third.info().stream().noneMatch(l -> l.startsWith("Nothing changed")),
                    String.join("\n", third.info()));
            assertTrue(third.info().contains("cross:setup runs: " + crossFile + " changed"),
                    String.join("\n", third.info()));
            assertEquals("cortex-a53", project.getProperties().getProperty("cross.host.cpu"));
        } finally {
            Files.writeString(crossFile, original);
        }
    }

    @Test
    @InjectMojo(goal = "setup")
    void aStampThatCannotBeWrittenIsAWarningNotAFailedBuild(SetupMojo mojo) throws Exception {
        Path stamp = crossDirectory.resolve(".stamps/setup.stamp");
        Files.createDirectories(stamp.resolve("in-the-way")); // a folder, with something in it, where the stamp goes
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);

        mojo.execute();

        assertEquals("linux-aarch_64", project.getProperties().getProperty("cross.classifier"));
        String warnings = String.join("\n", log.warnings());
        assertTrue(warnings.contains("The up-to-date stamp target/cross/.stamps/setup.stamp cannot be removed"),
                warnings);
        assertTrue(warnings.contains("The up-to-date stamp target/cross/.stamps/setup.stamp cannot be written"),
                warnings);
    }

    /** Runs the mojo again as the next build would: its project's properties as Maven reads them, a new log. */
    private RecordingLog runAsTheNextBuild(SetupMojo mojo, Properties initial, RecordingLog log) throws Exception {
        project.getProperties().clear();
        project.getProperties().putAll(initial);
        mojo.setLog(log);
        mojo.execute();
        return log;
    }

    /** Every file and folder under {@code directory} two hours old. */
    private static void ageEverything(Path directory) throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, old);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
