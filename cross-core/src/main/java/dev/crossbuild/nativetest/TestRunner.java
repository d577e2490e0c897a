package dev.crossbuild.nativetest;

import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.nativebuild.BuildListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs test programs with one {@link TestLauncher}, up to {@code jobs} at a time, and logs one line per program as it
 * ends ({@code PASS test_mix (0.04 s)}); a failure's line is followed by what the program wrote (at most
 * {@value #SHOWN_LINES} lines; the report has everything).
 */
final class TestRunner {

    static final int SHOWN_LINES = 100;

    private final ProcessRunner runner;
    private final BuildListener listener;

    TestRunner(ProcessRunner runner, BuildListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    /** One program to run: its name and its file. */
    record Program(String name, Path file) {
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, programs.size())), r -> {
            Thread thread = new Thread(r, "cross-test");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TestOutcome>> futures = new ArrayList<>();
            for (Program program : programs) {
                futures.add(pool.submit(() -> {
                    TestOutcome outcome = runOne(program, launcher, timeout);
                    log(outcome, reports.get(program.name()));
                    return outcome;
                }));
            }
            List<TestOutcome> outcomes = new ArrayList<>();
            for (Future<TestOutcome> future : futures) {
                outcomes.add(get(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private TestOutcome runOne(Program program, TestLauncher launcher, Duration timeout) throws IOException {
        ProcessResult result;
        try {
            result = runner.run(launcher.command(program.file(), timeout));
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
        TestOutcome outcome = TestOutcome.of(program.name(), result);
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
