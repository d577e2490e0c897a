package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryProcessRunnerTest {

    private final List<Command> ran = new ArrayList<>();
    private final ProcessRunner recording = command -> {
        ran.add(command);
        return new ProcessResult(command.argv(), 0, "", "", Duration.ZERO, false);
    };

    @Test
    void aCommandWithoutAFolderRunsInTheGivenOne() throws Exception {
        ProcessRunner runner = ProcessRunner.in(recording, Path.of("/work/module/./sub/.."));

        runner.run(new Command(List.of("gcc", "-v"), Optional.empty(), Map.of("A", "1"), Duration.ofSeconds(3)));

        assertEquals(List.of(new Command(List.of("gcc", "-v"), Optional.of(Path.of("/work/module")), Map.of("A", "1"),
                Duration.ofSeconds(3))), ran);
    }

    @Test
    void itsFolderIsKnownThroughTheRunnersAGoalWrapsItIn() {
        Path module = Path.of("/work/module");
        ProcessRunner in = ProcessRunner.in(recording, module);

        assertEquals(Optional.empty(), recording.directory());
        assertEquals(Optional.of(module), in.directory());
        ProcessRunner goal = ProcessRunner.in(ProcessRunner.withEnvironment(ProcessRunner.logging(recording, module,
                line -> { }), Map.of("SOURCE_DATE_EPOCH", "1")), module);
        assertEquals(Optional.of(module), goal.directory());
        JobSlots slots = JobSlots.of(2);
        assertEquals(Optional.of(module), slots.limit(goal).directory());
        assertEquals(Optional.of(module), slots.limitCompiles(goal).directory());
        assertEquals(Optional.of(module), ProcessRunner.withEnvironment(ProcessRunner.logging(in, module,
                line -> { }), Map.of("A", "1")).directory());
    }

    @Test
    void aCommandThatNamesItsFolderKeepsIt() throws Exception {
        ProcessRunner runner = ProcessRunner.in(recording, Path.of("/work/module"));
        Command command = Command.of("ld", "a.o").withWorkingDirectory(Path.of("/elsewhere"));

        runner.run(command);

        assertEquals(List.of(command), ran);
    }

    @Test
    void aRealProcessRunsThere(@TempDir Path directory) throws Exception {
        Path module = Files.createDirectory(directory.resolve("module"));

        ProcessResult result = ProcessRunner.in(ProcessRunner.system(), module).run(Command.of("pwd"));

        assertEquals(module.toRealPath().toString(), result.stdout().strip());
    }
}
