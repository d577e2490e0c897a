package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental decisions and failure handling of generators, with a fake tool: the runner below stands in for the
 * process and writes what it is told to the path after {@code --out}.
 */
class GeneratorRunnerTest {

    private static final Machine BUILD = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);

    @TempDir
    Path project;

    private BuildLayout layout;
    private Path program;
    private final List<Command> commands = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    /** What the fake tool writes; null: nothing. */
    private String content = "int table[] = {1, 2, 3};\n";
    private int exitCode;
    private boolean timedOut;

    private final ProcessRunner fake = command -> {
        commands.add(command);
        List<String> argv = command.argv();
        int out = argv.indexOf("--out");
        if (content != null && out >= 0) {
            Files.writeString(Path.of(argv.get(out + 1)), content);
        }
        return new ProcessResult(argv, exitCode, "made " + (out >= 0 ? "table" : "nothing") + "\n",
                exitCode == 0 ? "" : "gen-table: bad size\n", Duration.ofMillis(5), timedOut);
    };

    @BeforeEach
    void layout() throws Exception {
        layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        program = layout.buildMachine().bin().resolve("gen-table");
        Files.createDirectories(program.getParent());
        Files.writeString(program, "tool v1");
    }

    private List<GeneratorStep> steps(List<String> args, List<String> outputs, List<Path> inputs)
            throws GeneratorException {
        NativeTarget tool = NativeTarget.builder("gen-table", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(project.resolve("src/gen"))).machine(MachineRole.BUILD).build();
        NativeTarget demo = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")))
                .withGenerators(List.of(new Generator("gen-table", args, outputs, inputs, Optional.empty(),
                        Duration.ofSeconds(30))));
        return GeneratorPlanner.plan(layout, BUILD, List.of(tool, demo), project);
    }

    private List<GeneratorStep> steps() throws GeneratorException {
        return steps(List.of("--out", "@OUTPUT0@"), List.of("table.c"), List.of());
    }

    private GeneratorRunner.Result run(List<GeneratorStep> steps) throws Exception {
        commands.clear();
        listener.clear();
        return new GeneratorRunner(fake, listener).run(layout, steps);
    }

    private Path table() {
        return layout.generated(NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of())).resolve("table.c");
    }

    @Test
    void theFirstBuildRunsTheToolInTheModuleAndMovesItsOutputIntoPlace() throws Exception {
        GeneratorRunner.Result result = run(steps());

        assertEquals(new GeneratorRunner.Result(1, 1, 0), result);
        assertEquals(1, commands.size());
        assertEquals(Optional.of(project.toAbsolutePath().normalize()), commands.get(0).workingDirectory());
        assertEquals(Duration.ofSeconds(30), commands.get(0).timeout());
        assertEquals(program.toString(), commands.get(0).argv().get(0));
        assertEquals(content, Files.readString(table()));
        assertFalse(Files.exists(layout.root().resolve("generated/.tmp")), "work folders left behind");
        assertEquals(List.of("[1/1] GEN target/cross/linux-aarch_64/generated/demo/table.c (gen-table)",
                "gen-table: made table", "ran 1 of 1 generator (0 up to date)"), listener.info);
    }

    @Test
    void aSecondBuildWithNothingChangedRunsNothing() throws Exception {
        run(steps());

        assertEquals(new GeneratorRunner.Result(1, 0, 1), run(steps()));
        assertEquals(List.of(), commands);
        assertEquals(List.of("ran 0 of 1 generator (1 up to date)"), listener.info);
    }

    @Test
    void inVerboseModeTheProgressLineSaysWhyTheGeneratorRuns() throws Exception {
        listener.explains = true;
        String gen = "[1/1] GEN target/cross/linux-aarch_64/generated/demo/table.c (gen-table: ";

        run(steps());
        assertEquals(gen + "not built before)", listener.info.get(0));

        Files.writeString(program, "tool v2, longer");
        run(steps());
        assertEquals(gen + "input target/cross/linux-aarch_64/build-machine/bin/gen-table changed (size 7 -> 15))",
                listener.info.get(0));

        run(steps(List.of("--out", "@OUTPUT0@", "--size", "2"), List.of("table.c"), List.of()));
        assertEquals(gen + "command changed)", listener.info.get(0));
    }

    @Test
    void aRebuiltToolRunsAgain() throws Exception {
        run(steps());
        Files.writeString(program, "tool v2, longer");

        assertEquals(1, run(steps()).ran());
    }

    @Test
    void changedArgumentsRunItAgain() throws Exception {
        run(steps());

        assertEquals(1, run(steps(List.of("--out", "@OUTPUT0@", "--size", "8"), List.of("table.c"), List.of())).ran());
    }

    @Test
    void aMissingOutputRunsItAgain() throws Exception {
        run(steps());
        Files.delete(table());

        assertEquals(1, run(steps()).ran());
        assertTrue(Files.exists(table()));
    }

    @Test
    void aChangedInputRunsItAgain() throws Exception {
        Path data = project.resolve("src/data/table.txt");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "1 2 3");
        List<GeneratorStep> steps = steps(List.of("--out", "@OUTPUT0@", "@INPUT@"), List.of("table.c"), List.of(data));
        run(steps);
        assertEquals(0, run(steps).ran());

        Files.writeString(data, "1 2 3 4");
        assertEquals(1, run(steps).ran());
        assertEquals(data.toString(), commands.get(0).argv().get(3));
    }

    @Test
    void aMissingInputIsAnErrorBeforeTheToolRuns() throws Exception {
        Path data = project.resolve("src/data/none.txt");

        GeneratorException e = assertThrows(GeneratorException.class,
                () -> run(steps(List.of("--out", "@OUTPUT0@"), List.of("table.c"), List.of(data))));

        assertEquals("The <generator> running 'gen-table' for library 'demo' cannot run: its <input> " + data + " does not exist; "
                + "create it or correct the <input>", e.getMessage());
        assertEquals(List.of(), commands);
    }

    @Test
    void anOutputWithTheSameBytesKeepsItsTimeSoNothingRecompiles() throws Exception {
        run(steps());
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(table(), old);
        Files.writeString(program, "tool v2, same output");

        assertEquals(1, run(steps()).ran());
        assertEquals(old, Files.getLastModifiedTime(table()));

        content = "int table[] = {4};\n";
        Files.writeString(program, "tool v3, other output");
        run(steps());
        assertEquals(content, Files.readString(table()));
    }

    @Test
    void aFailingToolFailsWithItsOutputRemovesTheOldOutputAndRunsAgainNextTime() throws Exception {
        run(steps());
        exitCode = 3;
        Files.writeString(program, "tool v2, broken");

        GeneratorException e = assertThrows(GeneratorException.class, () -> run(steps()));

        assertEquals("The <generator> running 'gen-table' for library 'demo' failed (exit code 3):\nmade table\n"
                + "gen-table: bad size\ncommand: " + program + " --out "
                + layout.root().resolve("generated/.tmp/demo-1/table.c"), e.getMessage());
        assertEquals("demo", e.target());
        assertEquals("gen-table", e.tool());
        assertFalse(Files.exists(table()));
        assertFalse(Files.exists(layout.root().resolve("generated/.tmp")), "work folders left behind");
        exitCode = 0;
        assertEquals(1, run(steps()).ran());
    }

    @Test
    void aTimeoutSaysSo() throws Exception {
        exitCode = 137;
        timedOut = true;

        GeneratorException e = assertThrows(GeneratorException.class, () -> run(steps()));

        assertTrue(e.getMessage().startsWith("The <generator> running 'gen-table' for library 'demo' timed out after "
                + "30 s (raise <timeout> if it needs longer):\n"), e.getMessage());
    }

    @Test
    void aToolThatDoesNotWriteItsOutputFailsNamingWhatItWrote() throws Exception {
        GeneratorException e = assertThrows(GeneratorException.class,
                () -> run(steps(List.of("--out", "@OUTPUT_DIR@/other.c"), List.of("table.c"), List.of())));

        assertEquals("The <generator> running 'gen-table' for library 'demo' exited with 0 but did not write table.c "
                + "into " + layout.root().resolve("generated/.tmp/demo-1") + " (it wrote: other.c); pass @OUTPUT_DIR@ "
                + "or @OUTPUT0@ in <args> so the tool writes where it must, and declare in <outputs> exactly the "
                + "files it writes; its output:\nmade table\ncommand: " + program + " --out "
                + layout.root().resolve("generated/.tmp/demo-1/other.c"), e.getMessage());
        assertFalse(Files.exists(table()));
    }

    @Test
    void aToolThatWasNeverBuiltIsNamed() throws Exception {
        ProcessRunner missing = command -> {
            throw new dev.crossbuild.exec.ProgramNotFoundException(command.program(), null);
        };

        GeneratorException e = assertThrows(GeneratorException.class,
                () -> new GeneratorRunner(missing, listener).run(layout, steps()));

        assertTrue(e.getMessage().startsWith("The <generator> running 'gen-table' for library 'demo' cannot run: its tool "
                + program + " does not exist ("), e.getMessage());
    }

    @Test
    void filesNoGeneratorDeclaresAreRemovedFromTheDefaultFolder() throws Exception {
        Path stale = table().resolveSibling("old-name.c");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "int old;\n");

        run(steps());

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(table()));
    }
}
