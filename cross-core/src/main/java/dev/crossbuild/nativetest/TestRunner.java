package dev.crossbuild.nativetest;

import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.nativebuild.BuildListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs test programs with one {@link TestLauncher}, up to {@code jobs} at a time, and logs one line per program as it
 * ends ({@code PASS test_mix (0.04 s)}); a failure's line is followed by what the program wrote (at most
 * {@value #SHOWN_LINES} lines; the report has everything). Programs that must run alone run after the others, one
 * at a time; the {@link TestGate} keeps them apart from the tests of other targets too.
 */
final class TestRunner {

    static final int SHOWN_LINES = 100;

    private final ProcessRunner runner;
    private final BuildListener listener;
    private final TestGate gate;

    TestRunner(ProcessRunner runner, BuildListener listener) {
        this(runner, listener, new TestGate());
    }

    TestRunner(ProcessRunner runner, BuildListener listener, TestGate gate) {
        this.runner = runner;
        this.listener = listener;
        this.gate = gate;
    }

    /**
     * One program to run: its name and file, its arguments and own environment variables, the folder it runs in
     * ({@code fresh}: a folder of its own, emptied and created before it runs; else a folder of the module, shared
     * with the module's other targets), how its result is read, its timeout (empty: the run's), and whether it may
     * run beside other programs.
     */
    record Program(String name, Path file, List<String> args, Map<String, String> environment, Path directory,
                   boolean fresh, TestProtocol protocol, Optional<Duration> timeout, boolean parallel) {

        Program {
            args = List.copyOf(args);
            environment = Map.copyOf(environment);
        }
    }

    /** The outcomes in the order of {@code programs}. */
    List<TestOutcome> run(List<Program> programs, TestLauncher launcher, int jobs, Duration timeout,
            Map<String, Path> reports) throws IOException {
        if (launcher.mode() == TestLauncher.Mode.NOT_RUN) {
            List<TestOutcome> outcomes = new ArrayList<>();
            for (Program program : programs) {
                TestOutcome outcome = TestOutcome.notRun(program.name(), "not run: " + launcher.reason().orElse(""));
                listener.info(outcome.line());
                outcomes.add(outcome);
            }
            return outcomes;
        }
        Map<Program, TestOutcome> outcomes = new IdentityHashMap<>();
        List<Program> together = programs.stream().filter(Program::parallel).toList();
        if (!together.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, together.size())), r -> {
                Thread thread = new Thread(r, "cross-test");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Map<Program, Future<TestOutcome>> futures = new IdentityHashMap<>();
                for (Program program : together) {
                    futures.put(program, pool.submit(() -> runAndLog(program, launcher, timeout, reports)));
                }
                for (Program program : together) {
                    outcomes.put(program, get(futures.get(program)));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        for (Program program : programs) {
            if (!program.parallel()) {
                outcomes.put(program, runAndLog(program, launcher, timeout, reports));
            }
        }
        return programs.stream().map(outcomes::get).toList();
    }

    private TestOutcome runAndLog(Program program, TestLauncher launcher, Duration timeout, Map<String, Path> reports)
            throws IOException {
        Optional<Path> shared = program.fresh() ? Optional.empty() : Optional.of(program.directory());
        TestOutcome outcome = gate.run(!program.parallel(), program.name(), shared,
                () -> runOne(program, launcher, program.timeout().orElse(timeout)));
        log(outcome, reports.get(program.name()));
        return outcome;
    }

    private TestOutcome runOne(Program program, TestLauncher launcher, Duration timeout) throws IOException {
        if (program.fresh()) {
            FileTrees.delete(program.directory());
            Files.createDirectories(program.directory());
        }
        ProcessResult result;
        try {
            result = runner.run(launcher.command(program.file(), program.args(), program.directory(),
                    program.environment(), timeout));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (ProgramNotFoundException e) {
            return TestOutcome.error(program.name(), "cannot start it: " + e.getMessage());
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            String why = message.contains("error=8,") || message.contains("error=13,")
                    ? "this machine cannot execute " + program.file() + " (" + message + "); it is a program for the "
                            + "host machine, which needs an exe_wrapper here: remove needs_exe_wrapper = false from "
                            + "[properties] of the cross file, or set [binaries] exe_wrapper"
                    : "cannot start it: " + message;
            return TestOutcome.error(program.name(), why);
        }
        TestOutcome outcome = TestOutcome.of(program.name(), result, program.protocol());
        return FailureHints.of(outcome, launcher).map(outcome::withHint).orElse(outcome);
    }

    private void log(TestOutcome outcome, Path report) {
        synchronized (listener) {
            if (!outcome.failed()) {
                listener.info(outcome.line());
                return;
            }
            listener.warn(outcome.line());
            List<String> lines = outcome.output().lines().toList();
            lines.stream().limit(SHOWN_LINES).forEach(listener::warn);
            if (lines.size() > SHOWN_LINES) {
                listener.warn("... " + (lines.size() - SHOWN_LINES) + " more lines"
                        + (report == null ? "" : " in " + report));
            }
        }
    }

    private static TestOutcome get(Future<TestOutcome> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while native tests ran");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
