package dev.crossbuild.nativetest;

import dev.crossbuild.exec.ProcessResult;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one test program ended: its status, exit code (empty when it was not started or was killed after its timeout),
 * how long it ran, what it wrote, and for anything but a pass a short message ({@code exit 3}, {@code timed out
 * after 300 s}, why it was not run).
 */
public record TestOutcome(String name, TestStatus status, Optional<Integer> exitCode, Duration elapsed, String stdout,
                          String stderr, Optional<String> message) {

    /** The exit code that reports a test as skipped (automake, Meson, CTest's SKIP_RETURN_CODE convention). */
    public static final int SKIP_EXIT_CODE = 77;

    public TestOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(message, "message");
    }

    /** Exit code 0 passes, 77 skips, anything else or a timeout fails. */
    public static TestOutcome of(String name, ProcessResult result) {
        if (result.timedOut()) {
            return new TestOutcome(name, TestStatus.FAILED, Optional.empty(), result.elapsed(), result.stdout(),
                    result.stderr(), Optional.of("timed out after " + seconds(result.elapsed()) + " s"));
        }
        int code = result.exitCode();
        TestStatus status = code == 0 ? TestStatus.PASSED
                : code == SKIP_EXIT_CODE ? TestStatus.SKIPPED : TestStatus.FAILED;
        Optional<String> message = switch (status) {
            case PASSED -> Optional.empty();
            case SKIPPED -> Optional.of("exit " + SKIP_EXIT_CODE + ": skipped by the test");
            default -> Optional.of("exit " + code);
        };
        return new TestOutcome(name, status, Optional.of(code), result.elapsed(), result.stdout(), result.stderr(),
                message);
    }

    /** A test that could not be started; {@code why} says what happened. */
    public static TestOutcome error(String name, String why) {
        return new TestOutcome(name, TestStatus.ERROR, Optional.empty(), Duration.ZERO, "", "", Optional.of(why));
    }

    /** A test that was built but not started, and why. */
    public static TestOutcome notRun(String name, String why) {
        return new TestOutcome(name, TestStatus.NOT_RUN, Optional.empty(), Duration.ZERO, "", "", Optional.of(why));
    }

    /** This outcome with a hint appended to its message (what a known failure usually means). */
    public TestOutcome withHint(String hint) {
        return new TestOutcome(name, status, exitCode, elapsed, stdout, stderr,
                Optional.of(message.map(m -> m + "; ").orElse("") + hint));
    }

    /**
     * The log line: {@code PASS test_mix (0.04 s)}, {@code SKIP test_x}, {@code FAIL test_y (exit 3)},
     * {@code FAIL test_z (timed out after 300 s)}, {@code ERROR test_w (...)}, {@code NOT RUN test_v}.
     */
    public String line() {
        return switch (status) {
            case PASSED -> "PASS " + name + " (" + String.format(Locale.ROOT, "%.2f", elapsed.toNanos() / 1e9) + " s)";
            case SKIPPED, NOT_RUN -> status.label() + " " + name;
            case FAILED, ERROR -> status.label() + " " + name + " (" + message.orElse("") + ")";
        };
    }

    /** What the program wrote: its standard output, then its standard error. */
    public String output() {
        if (stdout.isEmpty() || stderr.isEmpty()) {
            return stdout + stderr;
        }
        return stdout.endsWith("\n") ? stdout + stderr : stdout + "\n" + stderr;
    }

    public boolean failed() {
        return status == TestStatus.FAILED || status == TestStatus.ERROR;
    }

    private static long seconds(Duration elapsed) {
        return Math.round(elapsed.toNanos() / 1e9);
    }
}
