package dev.crossbuild.nativetest;

import java.util.Objects;
import java.util.Optional;

/**
 * One test case of a test that reports several ({@link TestProtocol#TAP}): its name ({@code 3 - adds}), how it ended
 * ({@link TestStatus#PASSED}, {@link TestStatus#SKIPPED} or {@link TestStatus#FAILED}), the message of a skip or a
 * failure, and the lines that belong to it (its TAP line and the diagnostics after it).
 */
public record TestCaseResult(String name, TestStatus status, Optional<String> message, String output) {

    public TestCaseResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(output, "output");
    }
}
