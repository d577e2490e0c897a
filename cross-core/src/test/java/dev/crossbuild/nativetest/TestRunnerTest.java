package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.nativebuild.BuildListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

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
            programs.add(new TestRunner.Program(name, Path.of("/t/bin/" + name)));
        }
        return programs;
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
}
