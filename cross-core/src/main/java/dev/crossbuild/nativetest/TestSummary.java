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

    public long failures() {
        return count(TestStatus.FAILED);
    }

    public long errors() {
        return count(TestStatus.ERROR);
    }

    /** Skipped by the test itself (exit 77) or not run. */
    public long skipped() {
        return count(TestStatus.SKIPPED) + count(TestStatus.NOT_RUN);
    }

    /** {@code Tests run: 3, Failures: 1, Errors: 0, Skipped: 1}, Surefire's summary line. */
    public String line() {
        return "Tests run: " + outcomes.size() + ", Failures: " + failures() + ", Errors: " + errors() + ", Skipped: "
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

    private long count(TestStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
