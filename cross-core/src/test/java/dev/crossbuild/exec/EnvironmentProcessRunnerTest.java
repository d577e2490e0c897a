package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentProcessRunnerTest {

    private final List<Command> ran = new ArrayList<>();
    private final ProcessResult result = new ProcessResult(List.of("x"), 0, "", "", Duration.ZERO, false);
    private final ProcessRunner recording = command -> {
        ran.add(command);
        return result;
    };

    @Test
    void everyCommandGetsTheVariablesAndKeepsEverythingElse() throws Exception {
        ProcessRunner runner = ProcessRunner.withEnvironment(recording, Map.of("SOURCE_DATE_EPOCH", "318211200"));
        Command command = new Command(List.of("strip", "a.dll"), Optional.of(Path.of("/m")), Map.of("A", "1"),
                Duration.ofSeconds(7));

        assertSame(result, runner.run(command));

        assertEquals(List.of(new Command(List.of("strip", "a.dll"), Optional.of(Path.of("/m")),
                Map.of("A", "1", "SOURCE_DATE_EPOCH", "318211200"), Duration.ofSeconds(7))), ran);
    }

    @Test
    void aValueTheCommandSetsItselfWins() throws Exception {
        ProcessRunner runner = ProcessRunner.withEnvironment(recording, Map.of("SOURCE_DATE_EPOCH", "318211200"));

        runner.run(Command.of("gcc").withEnvironment("SOURCE_DATE_EPOCH", "1"));

        assertEquals(Map.of("SOURCE_DATE_EPOCH", "1"), ran.get(0).environment());
    }

    @Test
    void noVariablesIsTheRunnerItself() {
        assertSame(recording, ProcessRunner.withEnvironment(recording, Map.of()));
    }

    @Test
    void aroundALoggingRunnerTheLinesShowTheVariables() throws Exception {
        List<String> log = new ArrayList<>();
        ProcessRunner runner = ProcessRunner.withEnvironment(ProcessRunner.logging(recording, Path.of("/m"), log::add),
                Map.of("SOURCE_DATE_EPOCH", "318211200"));

        runner.run(Command.of("ar", "rcsD", "liba.a", "a.o"));

        assertEquals(List.of("SOURCE_DATE_EPOCH=318211200 ar rcsD liba.a a.o"), log);
    }
}
