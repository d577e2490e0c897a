package dev.crossbuild.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One JUnit XML report of native tests ({@code TEST-cross.<classifier>.<name>.xml}), with its counts and cases. */
public record TestSuiteResult(String name, String file, int tests, int failures, int errors, int skipped,
                              double seconds, List<TestCase> cases) {

    public TestSuiteResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        cases = List.copyOf(cases);
    }

    public int passed() {
        return tests - failures - errors - skipped;
    }

    /** One test program's run; {@code message} is the failure, error or skip message when there is one. */
    public record TestCase(String name, String className, double seconds, Outcome outcome, Optional<String> message) {

        public enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

        public TestCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
        }
    }
}
