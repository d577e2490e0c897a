package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ShellWords;
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
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cross.verbose} and {@code -X} on a real linux-arm64 setup and compile: every command logged once, whole and
 * quoted, and each compiled source with why. Needs aarch64-linux-gnu-gcc, as the ITs do.
 */
@MojoTest
@Basedir("/unit/verbose")
class VerboseMojoTest {

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    private Path basedir;

    @BeforeEach
    void startFromACleanModule() throws IOException {
        basedir = project.getBasedir().toPath();
        deleteRecursively(basedir.resolve("target"));
        session.getRequest().setMultiModuleProjectDirectory(basedir.toFile());
    }

    private void build(SetupMojo setup, CompileMojo compile, RecordingLog log) throws Exception {
        // The toolchain remembered in target/, which each test deletes: every build here detects it (and logs that).
        java.lang.reflect.Field cache = SetupMojo.class.getDeclaredField("toolchainCache");
        cache.setAccessible(true);
        cache.set(setup, basedir.resolve("target/toolchains").toFile());
        setup.setLog(log);
        setup.execute();
        compile.setLog(log);
        compile.execute();
    }

    /** The logged command lines that compile {@code source} (relative to the module). */
    private List<String> compilesOf(List<String> lines, String source) {
        String path = basedir.resolve(source).toString();
        return lines.stream().filter(l -> l.contains(" -c ") && ShellWords.split(l).contains(path)).toList();
    }

    @Test
    @MojoParameter(name = "verbose", value = "true")
    void crossVerboseLogsEachCommandOnceAtInfoAndWhyEachSourceIsCompiled(
            @InjectMojo(goal = "setup") SetupMojo setup, @InjectMojo(goal = "compile") CompileMojo compile)
            throws Exception {
        RecordingLog log = new RecordingLog();
        build(setup, compile, log);

        List<String> info = log.info();
        for (String source : List.of("src/main/c/a.c", "src/main/c/my file.c")) {
            assertEquals(1, compilesOf(info, source).size(), source + " compiled once: " + String.join("\n", info));
            assertTrue(info.stream().anyMatch(l -> l.matches("\\[\\d/2] CC " + source + " \\(not built before\\)")),
                    String.join("\n", info));
        }
        assertTrue(compilesOf(info, "src/main/c/my file.c").get(0)
                .contains(" -c " + ShellWords.quote(basedir.resolve("src/main/c/my file.c").toString()) + " "));
        assertTrue(info.stream().anyMatch(l -> l.matches(".*aarch64-linux-gnu-gcc -v")),
                "setup's toolchain probe is logged too: " + String.join("\n", info));
        assertEquals(List.of(), log.debug());
    }

    @Test
    void withMavenDebugLoggingTheCommandsGoToDebugOnce(
            @InjectMojo(goal = "setup") SetupMojo setup, @InjectMojo(goal = "compile") CompileMojo compile)
            throws Exception {
        RecordingLog log = new RecordingLog().withDebug();
        build(setup, compile, log);

        for (String source : List.of("src/main/c/a.c", "src/main/c/my file.c")) {
            assertEquals(1, compilesOf(log.debug(), source).size(), source + ": " + String.join("\n", log.debug()));
            assertEquals(List.of(), compilesOf(log.info(), source));
        }
        assertTrue(log.info().stream().anyMatch(l -> l.matches("\\[\\d/2] CC src/main/c/a.c \\(not built before\\)")),
                String.join("\n", log.info()));
    }

    @Test
    void otherwiseNoCommandIsLoggedAndProgressLinesStayShort(
            @InjectMojo(goal = "setup") SetupMojo setup, @InjectMojo(goal = "compile") CompileMojo compile)
            throws Exception {
        RecordingLog log = new RecordingLog();
        build(setup, compile, log);

        assertEquals(List.of(), compilesOf(log.info(), "src/main/c/a.c"));
        assertTrue(log.info().stream().anyMatch(l -> l.matches("\\[\\d/2] CC src/main/c/a.c")),
                String.join("\n", log.info()));
        assertEquals(List.of(), log.debug());
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
