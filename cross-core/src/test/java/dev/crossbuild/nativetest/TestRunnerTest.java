package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.nativebuild.BuildListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running programs with a fake ProcessRunner: what is started, how outcomes map, what is logged. */
class TestRunnerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(7);
    private static final Path DIR = Path.of("/m");

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final BuildListener listener = new BuildListener() {
        @Override
        public void info(String line) {
            log.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            log.add("WARN " + line);
        }
    };

    /** A runner that answers each command with {@code answer} and records what it was asked. */
    private static final class FakeRunner implements ProcessRunner {
        final List<Command> commands = Collections.synchronizedList(new ArrayList<>());
        final Function<Command, ProcessResult> answer;

        FakeRunner(Function<Command, ProcessResult> answer) {
            this.answer = answer;
        }

        @Override
        public ProcessResult run(Command command) throws IOException {
            commands.add(command);
            String program = command.argv().get(command.argv().size() - 1);
            if (program.contains("missing")) {
                throw new ProgramNotFoundException(program, null);
            }
            if (program.contains("foreign")) {
                throw new IOException("Cannot run program \"" + program + "\": error=8, Exec format error");
            }
            return answer.apply(command);
        }
    }

    private static ProcessResult exit(Command command, int code, String stdout, String stderr) {
        return new ProcessResult(command.argv(), code, stdout, stderr, Duration.ofMillis(10), false);
    }

    private static TestLauncher wrapper(String... wrapper) {
        return new TestLauncher(TestLauncher.Mode.EXE_WRAPPER, List.of(wrapper), Map.of("LD_LIBRARY_PATH", "/m/lib"),
                DIR, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static List<TestRunner.Program> programs(String... names) {
        List<TestRunner.Program> programs = new ArrayList<>();
        for (String name : names) {
            programs.add(program(name).build());
        }
        return programs;
    }

    /** A program {@code /t/bin/<name>} that runs in DIR with no arguments, by exit code, in parallel. */
    private static ProgramBuilder program(String name) {
        return new ProgramBuilder(name);
    }

    private static final class ProgramBuilder {
        private final String name;
        private List<String> args = List.of();
        private Map<String, String> environment = Map.of();
        private Path directory = DIR;
        private boolean fresh;
        private TestProtocol protocol = TestProtocol.EXIT_CODE;
        private Optional<Duration> timeout = Optional.empty();
        private boolean parallel = true;

        ProgramBuilder(String name) {
            this.name = name;
        }

        ProgramBuilder args(String... values) {
            args = List.of(values);
            return this;
        }

        ProgramBuilder environment(Map<String, String> values) {
            environment = values;
            return this;
        }

        ProgramBuilder fresh(Path folder) {
            directory = folder;
            fresh = true;
            return this;
        }

        ProgramBuilder tap() {
            protocol = TestProtocol.TAP;
            return this;
        }

        ProgramBuilder timeout(Duration value) {
            timeout = Optional.of(value);
            return this;
        }

        ProgramBuilder alone() {
            parallel = false;
            return this;
        }

        TestRunner.Program build() {
            return new TestRunner.Program(name, Path.of("/t/bin/" + name), args, environment, directory, fresh,
                    protocol, timeout, parallel);
        }
    }

    private static List<String> statuses(List<TestOutcome> outcomes) {
        return outcomes.stream().map(o -> o.name() + "=" + o.status()).toList();
    }

    @Test
    void everyProgramRunsThroughTheWrapperWithTheEnvironmentTimeoutAndWorkingDirectory() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 0, "", ""));
        new TestRunner(runner, listener).run(programs("a"), wrapper("/usr/bin/qemu-aarch64", "-L", "/usr/x"), 1,
                TIMEOUT, Map.of());
        Command command = runner.commands.get(0);
        assertEquals(List.of("/usr/bin/qemu-aarch64", "-L", "/usr/x", "/t/bin/a"), command.argv());
        assertEquals(Map.of("LD_LIBRARY_PATH", "/m/lib"), command.environment());
        assertEquals(Optional.of(DIR), command.workingDirectory());
        assertEquals(TIMEOUT, command.timeout());
    }

    @Test
    void exitCodesMapToPassSkipAndFailAndOutcomesKeepTheProgramOrder() throws Exception {
        FakeRunner runner = new FakeRunner(c -> {
            String program = c.argv().get(0);
            if (program.endsWith("/skip")) {
                return exit(c, 77, "", "");
            }
            return program.endsWith("/bad") ? exit(c, 3, "expected 4\n", "got 5\n") : exit(c, 0, "ok\n", "");
        });
        TestLauncher direct = new TestLauncher(TestLauncher.Mode.NATIVE, List.of(), Map.of(), DIR, Optional.empty(),
                Optional.empty(), Optional.empty());

        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(programs("ok", "skip", "bad"), direct, 1,
                TIMEOUT, Map.of());

        assertEquals(List.of("ok=PASSED", "skip=SKIPPED", "bad=FAILED"), statuses(outcomes));
        assertEquals(List.of("INFO PASS ok (0.01 s)", "INFO SKIP skip", "WARN FAIL bad (exit 3)", "WARN expected 4",
                "WARN got 5"), log);
    }

    @Test
    void programsRunInParallelUpToJobs() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        FakeRunner runner = new FakeRunner(c -> {
            bothStarted.countDown();
            try {
                // Only reached by both when two run at the same time.
                return exit(c, bothStarted.await(10, TimeUnit.SECONDS) ? 0 : 1, "", "");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(programs("a", "b"), wrapper("w"), 2, TIMEOUT,
                Map.of());
        assertEquals(List.of("a=PASSED", "b=PASSED"), statuses(outcomes));
    }

    @Test
    void notRunStartsNothingAndReportsEachProgram() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 0, "", ""));
        TestLauncher notRun = new TestLauncher(TestLauncher.Mode.NOT_RUN, List.of(), Map.of(), DIR,
                Optional.of("no wrapper"), Optional.of("add one"), Optional.empty());

        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(programs("a", "b"), notRun, 2, TIMEOUT,
                Map.of());

        assertEquals(List.of(), runner.commands);
        assertEquals(List.of("a=NOT_RUN", "b=NOT_RUN"), statuses(outcomes));
        assertEquals(Optional.of("not run: no wrapper"), outcomes.get(0).message());
        assertEquals(List.of("INFO NOT RUN a", "INFO NOT RUN b"), log);
    }

    @Test
    void aProgramThatCannotBeStartedIsAnErrorWithTheReason() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 0, "", ""));
        TestLauncher direct = new TestLauncher(TestLauncher.Mode.NATIVE, List.of(), Map.of(), DIR, Optional.empty(),
                Optional.empty(), Optional.empty());

        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(programs("foreign", "missing"), direct, 1,
                TIMEOUT, Map.of());

        assertEquals(List.of("foreign=ERROR", "missing=ERROR"), statuses(outcomes));
        assertEquals(Optional.of("this machine cannot execute /t/bin/foreign (Cannot run program \"/t/bin/foreign\": "
                + "error=8, Exec format error); it is a program for the host machine, which needs an exe_wrapper here: "
                + "remove needs_exe_wrapper = false from [properties] of the cross file, or set [binaries] exe_wrapper"),
                outcomes.get(0).message());
        assertEquals(Optional.of("cannot start it: Cannot run /t/bin/missing: the file does not exist."),
                outcomes.get(1).message());
    }

    @Test
    void longOutputIsCutInTheLogAndPointsToTheReport() throws Exception {
        StringBuilder output = new StringBuilder();
        for (int i = 1; i <= 130; i++) {
            output.append("line ").append(i).append('\n');
        }
        FakeRunner runner = new FakeRunner(c -> exit(c, 1, output.toString(), ""));
        new TestRunner(runner, listener).run(programs("t"), wrapper("w"), 1, TIMEOUT,
                Map.of("t", Path.of("/r/TEST-cross.c.t.xml")));
        assertEquals(TestRunner.SHOWN_LINES + 2, log.size());
        assertEquals("WARN line 100", log.get(TestRunner.SHOWN_LINES));
        assertEquals("WARN ... 30 more lines in /r/TEST-cross.c.t.xml", log.get(log.size() - 1));
    }

    @Test
    void qemuWithoutTheTargetLibrariesGetsAHint() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 255, "",
                "qemu-aarch64: Could not open '/lib/ld-linux-aarch64.so.1': No such file or directory\n"));
        TestOutcome outcome = new TestRunner(runner, listener).run(programs("t"), wrapper("qemu-aarch64"), 1, TIMEOUT,
                Map.of()).get(0);
        assertEquals(Optional.of("exit 255; qemu found no dynamic loader of the host machine: give it the target's "
                + "libraries with -L in [binaries] exe_wrapper (e.g. '-L', '/usr/<triplet>'), or set sys_root in "
                + "[properties]"), outcome.message());
        assertTrue(log.get(0).startsWith("WARN FAIL t (exit 255; qemu found no dynamic loader"), log.get(0));
    }

    @Test
    void wineExitCode53WithoutOutputGetsAHint() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 53, "", ""));
        TestLauncher wine = new TestLauncher(TestLauncher.Mode.EXE_WRAPPER, List.of("/usr/bin/env", "wine"),
                Map.of("WINEPATH", "/m/bin;/m/lib"), DIR, Optional.empty(), Optional.empty(), Optional.empty());
        TestOutcome outcome = new TestRunner(runner, listener).run(programs("t.exe"), wine, 1, TIMEOUT, Map.of()).get(0);
        assertEquals(Optional.of("exit 53; exit code 53 under Wine means a DLL the program needs was not found on "
                + "WINEPATH (/m/bin;/m/lib); run with WINEDEBUG=err+module to see which"), outcome.message());
    }

    @Test
    void aTestsArgumentsEnvironmentAndTimeoutReachItsCommand() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 0, "", ""));
        TestRunner.Program program = program("a").args("x y", "-v").environment(Map.of("LD_LIBRARY_PATH", "/own",
                "GREETING", "hi")).timeout(Duration.ofSeconds(3)).build();
        new TestRunner(runner, listener).run(List.of(program), wrapper("/usr/bin/qemu-aarch64", "-L", "/usr/x"), 1,
                TIMEOUT, Map.of());
        Command command = runner.commands.get(0);
        assertEquals(List.of("/usr/bin/qemu-aarch64", "-L", "/usr/x", "/t/bin/a", "x y", "-v"), command.argv());
        assertEquals(Map.of("LD_LIBRARY_PATH", "/own", "GREETING", "hi"), command.environment());
        assertEquals(Duration.ofSeconds(3), command.timeout());
    }

    @Test
    void aTestOfItsOwnRunsInAFolderEmptiedBeforeEachRun(@TempDir Path work) throws Exception {
        Path folder = work.resolve("run/a");
        Files.createDirectories(folder.resolve("old"));
        Files.writeString(folder.resolve("old/foo.gz"), "stale");
        List<List<String>> seen = Collections.synchronizedList(new ArrayList<>());
        FakeRunner runner = new FakeRunner(c -> {
            Path directory = c.workingDirectory().orElseThrow();
            try (var files = Files.list(directory)) {
                seen.add(files.map(f -> f.getFileName().toString()).toList());
                Files.writeString(directory.resolve("foo.gz"), "mine");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return exit(c, 0, "", "");
        });
        TestRunner.Program program = program("a").fresh(folder).build();
        new TestRunner(runner, listener).run(List.of(program), wrapper("w"), 1, TIMEOUT, Map.of());
        new TestRunner(runner, listener).run(List.of(program), wrapper("w"), 1, TIMEOUT, Map.of());
        assertEquals(List.of(List.of(), List.of()), seen);
        assertEquals(Optional.of(folder), runner.commands.get(0).workingDirectory());
    }

    /** A runner whose programs take a while and that records what ran at the same time as what. */
    private static final class Overlaps implements ProcessRunner {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> running = new HashSet<>();
        final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public ProcessResult run(Command command) throws IOException {
            String name = Path.of(command.argv().get(command.argv().size() - 1)).getFileName().toString();
            synchronized (running) {
                running.forEach(other -> overlaps.add(other + "+" + name));
                running.add(name);
            }
            events.add("start " + name);
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
            events.add("end " + name);
            synchronized (running) {
                running.remove(name);
            }
            return exit(command, 0, "", "");
        }
    }

    @Test
    void testsThatMustRunAloneRunAfterTheOthersOneAtATime() throws Exception {
        Overlaps runner = new Overlaps();
        List<TestRunner.Program> programs = List.of(program("a").build(), program("s1").alone().build(),
                program("b").build(), program("s2").alone().build(), program("c").build());

        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(programs, wrapper("w"), 4, TIMEOUT,
                Map.of());

        assertEquals(List.of("a=PASSED", "s1=PASSED", "b=PASSED", "s2=PASSED", "c=PASSED"), statuses(outcomes));
        assertTrue(runner.overlaps.stream().noneMatch(o -> o.contains("s1") || o.contains("s2")), runner.overlaps
                .toString());
        assertTrue(!runner.overlaps.isEmpty(), "a, b and c ran side by side");
        List<String> events = runner.events;
        assertEquals(List.of("start s1", "end s1", "start s2", "end s2"), events.subList(6, 10));
    }

    @Test
    void aTestThatMustRunAloneWaitsForTheTestsOfOtherTargets() throws Exception {
        Overlaps runner = new Overlaps();
        TestGate gate = new TestGate();
        TestLauncher launcher = wrapper("w");
        Thread other = new Thread(() -> {
            try {
                new TestRunner(runner, listener, gate).run(List.of(program("p1").build(), program("p2").build(),
                        program("p3").build()), launcher, 3, TIMEOUT, Map.of());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        other.start();
        new TestRunner(runner, listener, gate).run(List.of(program("alone").alone().build()), launcher, 1, TIMEOUT,
                Map.of());
        other.join();
        assertEquals(8, runner.events.size());
        assertTrue(runner.overlaps.stream().noneMatch(o -> o.contains("alone")), runner.overlaps.toString());
    }

    @Test
    void theSameTestInAFolderOfTheModuleRunsForOneTargetAtATime() throws Exception {
        Overlaps runner = new Overlaps();
        TestGate gate = new TestGate();
        List<Thread> targets = new ArrayList<>();
        for (String target : List.of("x", "y")) {
            targets.add(new Thread(() -> {
                try {
                    new TestRunner(runner, listener, gate).run(List.of(program("suite").build()),
                            wrapper("w-" + target), 1, TIMEOUT, Map.of());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        targets.forEach(Thread::start);
        for (Thread thread : targets) {
            thread.join();
        }
        assertEquals(List.of("start suite", "end suite", "start suite", "end suite"), runner.events);
    }

    @Test
    void aTapTestsOutcomeHasItsCases() throws Exception {
        FakeRunner runner = new FakeRunner(c -> exit(c, 0, "1..2\nok 1 - a\nnot ok 2 - b\n", ""));
        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(List.of(program("t").tap().build()),
                wrapper("w"), 1, TIMEOUT, Map.of());
        assertEquals(2, outcomes.get(0).cases().size());
        assertEquals(List.of("WARN FAIL t (1 of 2 TAP tests failed: 2 - b)", "WARN 1..2", "WARN ok 1 - a",
                "WARN not ok 2 - b"), log);
    }
}
