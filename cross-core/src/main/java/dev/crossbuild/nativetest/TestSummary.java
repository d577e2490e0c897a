package dev.crossbuild.nativetest;

import java.util.List;
import java.util.Optional;

/**
 * What the test goal did: the outcome of every program (none when they were only built), how they were started
 * (empty when they were only built), and the reports written.
 */
public record TestSummary(List<TestOutcome> outcomes, Optional<TestLauncher> launcher) {

    public TestSummary {
        outcomes = List.copyOf(outcomes);
    }

    public static TestSummary none() {
        return new TestSummary(List.of(), Optional.empty());
    }

    /** Test cases: one per program, or the cases a program reported (TAP). */
    public long tests() {
        return outcomes.stream().mapToLong(TestOutcome::tests).sum();
    }

    public long failures() {
        return outcomes.stream().mapToLong(TestOutcome::failures).sum();
    }

    public long errors() {
        return outcomes.stream().mapToLong(TestOutcome::errors).sum();
    }

    /** Skipped by the test itself (exit 77, TAP's SKIP) or not run. */
    public long skipped() {
        return outcomes.stream().mapToLong(TestOutcome::skipped).sum();
    }

    /** {@code Tests run: 3, Failures: 1, Errors: 0, Skipped: 1}, Surefire's summary line (test cases). */
    public String line() {
        return "Tests run: " + tests() + ", Failures: " + failures() + ", Errors: " + errors() + ", Skipped: "
                + skipped();
    }

    /** The tests failed or could not be started: the sentence a failed build ends with. */
    public Optional<String> failureMessage() {
        List<String> failed = outcomes.stream().filter(TestOutcome::failed).map(TestOutcome::name).toList();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((failed.size() == 1 ? "1 native test failed: " : failed.size() + " native tests failed: ")
                + String.join(", ", failed));
    }

    /** The programs were built but could not run here: why, and the remedy. */
    public Optional<String> notRunMessage() {
        return launcher.filter(l -> l.mode() == TestLauncher.Mode.NOT_RUN && !outcomes.isEmpty())
                .map(l -> "The native tests were built but not run: " + l.reason().orElse("") + ". To run them, "
                        + l.remedy().orElse("") + ".");
    }
}
