package dev.crossbuild.nativetest;

import dev.crossbuild.exec.ProcessResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How one test program ended: its status, exit code (empty when it was not started or was killed after its timeout),
 * how long it ran, what it wrote, for anything but a pass a short message ({@code exit 3}, {@code timed out
 * after 300 s}, why it was not run), and the test cases it reported ({@link TestProtocol#TAP}; empty for a test read
 * by its exit code, which is one test case itself).
 */
public record TestOutcome(String name, TestStatus status, Optional<Integer> exitCode, Duration elapsed, String stdout,
                          String stderr, Optional<String> message, List<TestCaseResult> cases) {

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
        cases = List.copyOf(cases);
    }

    /** An outcome that reports no test cases of its own. */
    public TestOutcome(String name, TestStatus status, Optional<Integer> exitCode, Duration elapsed, String stdout,
            String stderr, Optional<String> message) {
        this(name, status, exitCode, elapsed, stdout, stderr, message, List.of());
    }

    /** How a program that reports with {@code protocol} ended. */
    public static TestOutcome of(String name, ProcessResult result, TestProtocol protocol) {
        return switch (protocol) {
            case EXIT_CODE -> of(name, result);
            case TAP -> tap(name, result);
        };
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

    /**
     * A TAP program: every {@code ok}/{@code not ok} line is a test case ({@link TapReport.Line#status}). It fails
     * when a case fails, and when the output breaks the protocol (no plan, a plan that does not match, a bail out),
     * the exit code is not 0, or it timed out: then one more case, named after the test, holds why and the whole
     * output. {@code 1..0 # SKIP why} with exit code 0 skips the test.
     */
    public static TestOutcome tap(String name, ProcessResult result) {
        TapReport tap = TapReport.parse(result.stdout());
        List<TestCaseResult> cases = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (TapReport.Line line : tap.lines()) {
            TestStatus status = line.status();
            String why = line.directive() + (line.reason().isEmpty() ? "" : ": " + line.reason());
            Optional<String> message = switch (status) {
                case FAILED -> Optional.of(line.text().strip());
                case SKIPPED -> Optional.of(why);
                default -> Optional.empty();
            };
            if (status == TestStatus.FAILED) {
                failed.add(line.caseName());
            }
            cases.add(new TestCaseResult(line.caseName(), status, message, line.text() + "\n" + line.diagnostics()));
        }
        List<String> problems = new ArrayList<>(tap.problems());
        if (result.timedOut()) {
            problems.add(0, "timed out after " + seconds(result.elapsed()) + " s");
        } else if (result.exitCode() != 0) {
            problems.add("exit " + result.exitCode());
        }
        Optional<Integer> exitCode = result.timedOut() ? Optional.empty() : Optional.of(result.exitCode());
        if (failed.isEmpty() && problems.isEmpty()) {
            if (tap.skippedAll()) {
                String reason = tap.plan().flatMap(TapReport.Plan::skipReason).orElse("");
                return new TestOutcome(name, TestStatus.SKIPPED, exitCode, result.elapsed(), result.stdout(),
                        result.stderr(), Optional.of("1..0 # SKIP" + (reason.isEmpty() ? "" : " " + reason)));
            }
            return new TestOutcome(name, TestStatus.PASSED, exitCode, result.elapsed(), result.stdout(),
                    result.stderr(), Optional.empty(), cases);
        }
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add(failed.size() + " of " + tap.lines().size() + " TAP tests failed: " + String.join(", ", failed));
        }
        parts.addAll(problems);
        if (!problems.isEmpty()) {
            String output = result.stdout().isEmpty() || result.stderr().isEmpty() ? result.stdout() + result.stderr()
                    : result.stdout() + (result.stdout().endsWith("\n") ? "" : "\n") + result.stderr();
            cases.add(new TestCaseResult(name, TestStatus.FAILED, Optional.of(String.join("; ", problems)), output));
        }
        return new TestOutcome(name, TestStatus.FAILED, exitCode, result.elapsed(), result.stdout(), result.stderr(),
                Optional.of(String.join("; ", parts)), cases);
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
                Optional.of(message.map(m -> m + "; ").orElse("") + hint), cases);
    }

    /**
     * The log line: {@code PASS test_mix (0.04 s)}, {@code SKIP test_x}, {@code FAIL test_y (exit 3)},
     * {@code FAIL test_z (timed out after 300 s)}, {@code ERROR test_w (...)}, {@code NOT RUN test_v}; a test with
     * test cases adds their counts: {@code PASS suite (0.31 s; 12 tests, 1 skipped)}.
     */
    public String line() {
        return switch (status) {
            case PASSED -> "PASS " + name + " (" + String.format(Locale.ROOT, "%.2f", elapsed.toNanos() / 1e9) + " s"
                    + (cases.isEmpty() ? "" : "; " + tests() + (tests() == 1 ? " test" : " tests")
                            + (skipped() == 0 ? "" : ", " + skipped() + " skipped"))
                    + ")";
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

    /** How many test cases this outcome counts: its cases, or itself when it reports none. */
    public int tests() {
        return cases.isEmpty() ? 1 : cases.size();
    }

    /** Failed test cases (the program itself when it reports no cases). */
    public int failures() {
        return count(TestStatus.FAILED);
    }

    /** Test cases that could not be started (only a program that reports no cases). */
    public int errors() {
        return count(TestStatus.ERROR);
    }

    /** Skipped test cases, and the program itself when it skipped or was not run and reports no cases. */
    public int skipped() {
        return count(TestStatus.SKIPPED) + count(TestStatus.NOT_RUN);
    }

    private int count(TestStatus wanted) {
        if (cases.isEmpty()) {
            return status == wanted ? 1 : 0;
        }
        return (int) cases.stream().filter(c -> c.status() == wanted).count();
    }

    public boolean failed() {
        return status == TestStatus.FAILED || status == TestStatus.ERROR;
    }

    private static long seconds(Duration elapsed) {
        return Math.round(elapsed.toNanos() / 1e9);
    }
}
