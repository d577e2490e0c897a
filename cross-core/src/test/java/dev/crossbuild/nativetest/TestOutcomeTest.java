package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestOutcomeTest {

    private static ProcessResult result(int exit, boolean timedOut, long millis) {
        return new ProcessResult(List.of("t"), exit, "out\n", "err\n", Duration.ofMillis(millis), timedOut);
    }

    @Test
    void exitZeroPasses() {
        TestOutcome outcome = TestOutcome.of("test_mix", result(0, false, 42));
        assertEquals(TestStatus.PASSED, outcome.status());
        assertEquals(Optional.of(0), outcome.exitCode());
        assertEquals("PASS test_mix (0.04 s)", outcome.line());
        assertFalse(outcome.failed());
    }

    @Test
    void exit77IsSkipped() {
        TestOutcome outcome = TestOutcome.of("test_x", result(77, false, 5));
        assertEquals(TestStatus.SKIPPED, outcome.status());
        assertEquals("SKIP test_x", outcome.line());
        assertEquals(Optional.of("exit 77: skipped by the test"), outcome.message());
        assertFalse(outcome.failed());
    }

    @Test
    void anyOtherExitCodeFails() {
        for (int code : new int[] {1, 3, 76, 78, 127, 139, 255, -1}) {
            TestOutcome outcome = TestOutcome.of("test_y", result(code, false, 5));
            assertEquals(TestStatus.FAILED, outcome.status(), "exit " + code);
            assertEquals("FAIL test_y (exit " + code + ")", outcome.line());
            assertTrue(outcome.failed());
        }
    }

    @Test
    void aTimeoutFailsWhateverTheExitCode() {
        for (int code : new int[] {0, 77, 137}) {
            TestOutcome outcome = TestOutcome.of("test_z", result(code, true, 300_004));
            assertEquals(TestStatus.FAILED, outcome.status());
            assertEquals(Optional.empty(), outcome.exitCode());
            assertEquals("FAIL test_z (timed out after 300 s)", outcome.line());
        }
    }

    @Test
    void theOutputIsStdoutThenStderr() {
        assertEquals("out\nerr\n", TestOutcome.of("t", result(1, false, 1)).output());
        TestOutcome noNewline = TestOutcome.of("t", new ProcessResult(List.of("t"), 1, "a", "b", Duration.ZERO, false));
        assertEquals("a\nb", noNewline.output());
    }

    @Test
    void notRunAndErrorLines() {
        assertEquals("NOT RUN test_v", TestOutcome.notRun("test_v", "not run: why").line());
        assertEquals("ERROR test_w (cannot start it: gone)", TestOutcome.error("test_w", "cannot start it: gone").line());
        assertTrue(TestOutcome.error("w", "x").failed());
        assertFalse(TestOutcome.notRun("v", "x").failed());
    }

    @Test
    void theSummaryLineCountsLikeSurefire() {
        TestSummary summary = new TestSummary(List.of(TestOutcome.of("a", result(0, false, 1)),
                TestOutcome.of("b", result(77, false, 1)), TestOutcome.of("c", result(3, false, 1)),
                TestOutcome.of("d", result(0, true, 1)), TestOutcome.error("e", "x"), TestOutcome.notRun("f", "y")),
                Optional.empty());
        assertEquals("Tests run: 6, Failures: 2, Errors: 1, Skipped: 2", summary.line());
        assertEquals(Optional.of("3 native tests failed: c, d, e"), summary.failureMessage());
        assertEquals("Tests run: 0, Failures: 0, Errors: 0, Skipped: 0", TestSummary.none().line());
        assertEquals(Optional.empty(), TestSummary.none().failureMessage());
    }
}
