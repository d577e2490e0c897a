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
