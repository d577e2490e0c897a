package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs real processes; {@code sh} is only the program under test here, production code never builds a shell line. */
@DisabledOnOs(OS.WINDOWS)
class SystemProcessRunnerTest {

    private final ProcessRunner runner = ProcessRunner.system();

    private ProcessResult sh(String script) throws IOException {
        return runner.run(Command.of("sh", "-c", script));
    }

    @Test
    void reportsExitCodesAndSeparatesTheStreams() throws IOException {
        ProcessResult result = sh("echo out; echo err >&2; exit 3");

        assertEquals(3, result.exitCode());
        assertEquals("out\n", result.stdout());
        assertEquals("err\n", result.stderr());
        assertFalse(result.timedOut());
        assertFalse(result.succeeded());
        assertEquals(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), result.argv());
    }

    @Test
    void theFilesHoldingAProgramsOutputAreItsOwnersOnlyAndGoneAfterwards() throws IOException {
        ProcessResult result = sh("stat -c '%a %n' \"$(readlink /proc/$$/fd/1)\" \"$(readlink /proc/$$/fd/2)\"");

        List<String> lines = result.stdout().lines().toList();
        assertEquals(2, lines.size(), result.stdout() + result.stderr());
        for (String line : lines) {
            assertTrue(line.startsWith("600 "), line);
            assertTrue(line.contains("/cross-exec-"), line);
            assertFalse(Files.exists(Path.of(line.substring(4))), line);
        }
    }

    @Test
    void exitZeroSucceeds() throws IOException {
        ProcessResult result = runner.run(Command.of("true"));

        assertEquals(0, result.exitCode());
        assertTrue(result.succeeded());
    }

    @Test
    void passesArgumentsVerbatimWithoutAShell() throws IOException {
        ProcessResult result = runner.run(Command.of("printf", "[%s]", "hello world", "\"q\"", "$HOME", "*", "a;b"));

        assertEquals("[hello world][\"q\"][$HOME][*][a;b]", result.stdout());
    }

    @Test
    void capturesEightMegabytesOnEachStreamWithoutDeadlock() throws IOException {
        int size = 8 * 1024 * 1024;
        ProcessResult result = runner.run(Command.of("sh", "-c",
                "head -c " + size + " /dev/zero | tr '\\0' o & head -c " + size + " /dev/zero | tr '\\0' e >&2; wait")
                .withTimeout(Duration.ofSeconds(60)));

        assertFalse(result.timedOut());
        assertEquals(0, result.exitCode());
        assertEquals(size, result.stdout().length());
        assertEquals(size, result.stderr().length());
        assertEquals("ooo", result.stdout().substring(size - 3));
        assertEquals("eee", result.stderr().substring(0, 3));
    }

    @Test
    void environmentIsTheInheritedOnePlusOverrides() throws IOException {
        Command command = Command.of("sh", "-c", "printf '%s|%s|%s' \"$CROSS_TEST_A\" \"$HOME\" \"$PATH\"")
                .withEnvironment("CROSS_TEST_A", "a value with spaces")
                .withEnvironment(Map.of("HOME", "/overridden/home"));

        ProcessResult result = runner.run(command);

        assertEquals("a value with spaces|/overridden/home|" + System.getenv("PATH"), result.stdout());
    }

    @Test
    void runsInTheWorkingDirectory(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("marker.txt"), "here");

        ProcessResult result = runner.run(Command.of("sh", "-c", "pwd; cat marker.txt").withWorkingDirectory(directory));

        assertEquals(directory.toRealPath() + "\nhere", result.stdout());
    }

    @Test
    void stdinIsClosedSoReadersSeeEndOfFileAtOnce() throws IOException {
        ProcessResult result = runner.run(Command.of("cat").withTimeout(Duration.ofSeconds(10)));

        assertFalse(result.timedOut());
        assertEquals(0, result.exitCode());
        assertEquals("", result.stdout());
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(3)) < 0, result.elapsed().toString());
    }

    @Test
    void timeoutKillsTheWholeTreeAndReturnsPromptlyEvenWhenAGrandchildHoldsTheOutput() throws IOException {
        long started = System.nanoTime();

        ProcessResult result = runner.run(
                Command.of("sh", "-c", "sleep 30; echo done").withTimeout(Duration.ofMillis(500)));

        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(result.timedOut());
        assertFalse(result.succeeded());
        assertEquals("", result.stdout());
        assertTrue(wall.compareTo(Duration.ofSeconds(3)) < 0, "took " + wall);
        assertTrue(result.elapsed().compareTo(Duration.ofMillis(500)) >= 0, result.elapsed().toString());
    }

    @Test
    void anOrphanThatKeepsTheOutputOpenDoesNotDelayTheResult() throws IOException {
        // The subshell's sleep is re-parented to init at once: no longer in our tree, but it inherited stdout.
        ProcessResult result = runner.run(Command.of("sh", "-c", "(sleep 5 &); echo started"));

        assertFalse(result.timedOut());
        assertEquals("started\n", result.stdout());
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(3)) < 0, result.elapsed().toString());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void timeoutLeavesNoGrandchildRunning() throws IOException, InterruptedException {
        // The shell prints its background child's pid, then waits for it.
        ProcessResult result = runner.run(
                Command.of("sh", "-c", "sleep 30 & echo $!; wait").withTimeout(Duration.ofMillis(500)));

        assertTrue(result.timedOut());
        String grandchild = result.stdout().strip();
        for (int i = 0; i < 50 && isRunning(grandchild); i++) {
            Thread.sleep(20);
        }
        assertFalse(isRunning(grandchild), "sleep " + grandchild + " still runs");
    }

    /** Neither gone nor a zombie (a killed orphan stays a zombie until init reaps it, which some inits never do). */
    private static boolean isRunning(String pid) throws IOException {
        Path stat = Path.of("/proc", pid, "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String content = Files.readString(stat);
        String state = content.substring(content.lastIndexOf(')') + 2, content.lastIndexOf(')') + 3);
        return !state.equals("Z") && !state.equals("X");
    }

    @Test
    void aMissingProgramIsNamedAndSaidToBeMissingFromPath() {
        ProgramNotFoundException e = assertThrows(ProgramNotFoundException.class,
                () -> runner.run(Command.of("cross-no-such-program-xyz", "--version")));

        assertEquals("Cannot run cross-no-such-program-xyz: it was not found on PATH.", e.getMessage());
        assertEquals("cross-no-such-program-xyz", e.program());
    }

    @Test
    void aMissingProgramPathIsNamed(@TempDir Path directory) {
        String program = directory.resolve("bin/gcc").toString();

        ProgramNotFoundException e = assertThrows(ProgramNotFoundException.class,
                () -> runner.run(Command.of(program)));

        assertEquals("Cannot run " + program + ": the file does not exist.", e.getMessage());
    }

    @Test
    void malformedUtf8OutputIsReplacedNotFatal() throws IOException {
        ProcessResult result = runner.run(Command.of("printf", "a\\377b"));

        assertEquals("a\uFFFDb", result.stdout());
    }

    @Test
    void interruptingTheCallerKillsTheProcessAndSaysSo() throws Exception {
        Thread.currentThread().interrupt();
        try {
            IOException e = assertThrows(java.io.InterruptedIOException.class,
                    () -> runner.run(Command.of("sleep", "30")));
            assertEquals("Interrupted while running sleep; it was killed.", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
