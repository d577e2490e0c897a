package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void defaultsAreCurrentDirectoryInheritedEnvironmentAndTenMinutes() {
        Command command = Command.of("gcc", "--version");

        assertEquals(new Command(List.of("gcc", "--version"), Optional.empty(), Map.of(), Duration.ofMinutes(10)),
                command);
        assertEquals("gcc", command.program());
    }

    @Test
    void withersReplaceOneAspectAndLaterEnvironmentValuesWin() {
        Command command = Command.of("cc")
                .withWorkingDirectory(Path.of("/tmp"))
                .withEnvironment("A", "1")
                .withEnvironment(Map.of("A", "2", "B", "3"))
                .withTimeout(Duration.ofSeconds(5));

        assertEquals(new Command(List.of("cc"), Optional.of(Path.of("/tmp")), Map.of("A", "2", "B", "3"),
                Duration.ofSeconds(5)), command);
    }

    @Test
    void argvIsCopied() {
        List<String> argv = new ArrayList<>(List.of("cc"));
        Command command = Command.of(argv);
        argv.add("-c");

        assertEquals(List.of("cc"), command.argv());
    }

    @Test
    void rejectsAnEmptyArgv() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Command.of(List.of()));
        assertEquals("a command needs at least the program to run", e.getMessage());
    }

    @Test
    void rejectsAnEmptyProgram() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Command.of("", "x"));
        assertEquals("the program to run is an empty string: [, x]", e.getMessage());
    }

    @Test
    void rejectsANonPositiveTimeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Command.of("cc").withTimeout(Duration.ZERO));
        assertEquals("timeout must be positive, was PT0S", e.getMessage());
    }
}
