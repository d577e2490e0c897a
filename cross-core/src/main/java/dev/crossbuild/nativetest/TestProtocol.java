package dev.crossbuild.nativetest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a test reports its result: by its exit code alone ({@link #EXIT_CODE}: 0 passes, 77 skips, anything else
 * fails), or on its standard output in the Test Anything Protocol ({@link #TAP}: a plan {@code 1..N} and one
 * {@code ok}/{@code not ok} line per test case, each a test case of the JUnit report; the exit code still has to be 0).
 * Meson's {@code protocol: 'exitcode'} and {@code 'tap'}.
 */
public enum TestProtocol {
    EXIT_CODE("exitcode"),
    TAP("tap");

    private final String pomName;

    TestProtocol(String pomName) {
        this.pomName = pomName;
    }

    /** {@code exitcode} or {@code tap}: how the POM (and Meson) spell it. */
    public String pomName() {
        return pomName;
    }

    /** The protocol a POM value names (case and surrounding blanks ignored), or empty. */
    public static Optional<TestProtocol> parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.pomName.equals(wanted)).findFirst();
    }

    /** {@code exitcode, tap}: the values a POM may give, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(TestProtocol::pomName).collect(Collectors.joining(", "));
    }
}
