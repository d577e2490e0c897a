package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the Test Anything Protocol, and what a TAP program's outcome is. */
class TapReportTest {

    private static List<String> cases(TapReport report) {
        return report.lines().stream().map(l -> l.caseName() + "=" + l.status()).toList();
    }

    private static TestOutcome outcome(String stdout, int exit) {
        return TestOutcome.tap("suite", new ProcessResult(List.of("suite"), exit, stdout, "", Duration.ofMillis(20),
                false));
    }

    @Test
    void eachTestLineIsACaseWithItsDirective() {
        TapReport report = TapReport.parse("TAP version 13\n1..6\nok 1 - adds\nnot ok 2 - divides\n# got 3\n"
                + "  ---\n  expected: 2\n  ...\nok 3 # SKIP no network\nnot ok 4 - later # TODO not written\n"
                + "ok 5 - bonus # todo\nok - unnumbered \\# hash\n");
        assertEquals(List.of("1 - adds=PASSED", "2 - divides=FAILED", "3=SKIPPED", "4 - later=SKIPPED",
                "5 - bonus=PASSED", "6 - unnumbered # hash=PASSED"), cases(report));
        assertEquals(List.of(), report.problems());
        assertEquals("# got 3\n  ---\n  expected: 2\n  ...\n", report.lines().get(1).diagnostics());
        assertEquals(TapReport.Directive.SKIP, report.lines().get(2).directive());
        assertEquals("no network", report.lines().get(2).reason());
        assertEquals("not written", report.lines().get(3).reason());
    }

    @Test
    void thePlanMayComeLastAndCarriageReturnsAreDropped() {
        TapReport report = TapReport.parse("ok 1 first\r\nok 2 second\r\n1..2\r\n");
        assertEquals(List.of("1 - first=PASSED", "2 - second=PASSED"), cases(report));
        assertEquals(List.of(), report.problems());
        assertEquals(2, report.plan().orElseThrow().count());
    }

    @Test
    void aMissingOrWrongPlanABailOutAndNumbersOutOfOrderAreProblems() {
        assertEquals(List.of("no TAP plan (a line 1..1)"), TapReport.parse("ok 1\n").problems());
        assertEquals(List.of("the plan is 1..3 but 2 tests ran"), TapReport.parse("1..3\nok\nok\n").problems());
        assertEquals(List.of("Bail out! no database"),
                TapReport.parse("1..3\nok 1\nBail out! no database\nok 2\n").problems());
        assertEquals(List.of("test 3 where test 2 was due ('ok 3')"), TapReport.parse("1..2\nok 1\nok 3\n").problems());
        assertEquals(List.of("the plan comes after test 1 of 2; it must come first or last"),
                TapReport.parse("ok 1\n1..2\nok 2\n").problems());
        assertEquals(List.of("a second plan '1..1'"), TapReport.parse("1..1\nok 1\n1..1\n").problems());
    }

    @Test
    void otherLinesAreIgnored() {
        TapReport report = TapReport.parse("starting\n1..1\nokay then\nok 1\nsome noise\n");
        assertEquals(List.of("1=PASSED"), cases(report));
        assertEquals(List.of(), report.problems());
    }

    @Test
    void aPassingRunPassesWithACasePerLine() {
        TestOutcome outcome = outcome("1..3\nok 1 - a\nok 2 - b # SKIP later\nnot ok 3 - c # TODO\n", 0);
        assertEquals(TestStatus.PASSED, outcome.status());
        assertEquals(3, outcome.tests());
        assertEquals(0, outcome.failures());
        assertEquals(2, outcome.skipped());
        assertEquals(List.of(Optional.empty(), Optional.of("SKIP: later"), Optional.of("TODO")),
                outcome.cases().stream().map(TestCaseResult::message).toList());
        assertEquals("PASS suite (0.02 s; 3 tests, 2 skipped)", outcome.line());
    }

    @Test
    void aNotOkLineFailsTheProgramAndNamesTheCase() {
        TestOutcome outcome = outcome("1..2\nok 1 - a\nnot ok 2 - b\n# want 1\n", 0);
        assertEquals(TestStatus.FAILED, outcome.status());
        assertEquals(2, outcome.tests());
        assertEquals(1, outcome.failures());
        TestCaseResult failed = outcome.cases().get(1);
        assertEquals(Optional.of("not ok 2 - b"), failed.message());
        assertEquals("not ok 2 - b\n# want 1\n", failed.output());
        assertEquals("FAIL suite (1 of 2 TAP tests failed: 2 - b)", outcome.line());
        assertTrue(outcome.failed());
    }

    @Test
    void aProtocolProblemOrAnExitCodeIsOneMoreFailedCaseWithTheWholeOutput() {
        TestOutcome exit = outcome("1..1\nok 1 - a\n", 2);
        assertEquals(TestStatus.FAILED, exit.status());
        assertEquals(List.of("1 - a=PASSED", "suite=FAILED"),
                exit.cases().stream().map(c -> c.name() + "=" + c.status()).toList());
        assertEquals(Optional.of("exit 2"), exit.cases().get(1).message());
        assertEquals("1..1\nok 1 - a\n", exit.cases().get(1).output());
        assertEquals(2, exit.tests());
        assertEquals(1, exit.failures());

        TestOutcome noPlan = outcome("ok 1\nnot ok 2\n", 0);
        assertEquals("FAIL suite (1 of 2 TAP tests failed: 2; no TAP plan (a line 1..2))", noPlan.line());
        assertEquals(2, noPlan.failures());

        TestOutcome timedOut = TestOutcome.tap("suite", new ProcessResult(List.of("suite"), 137, "1..5\nok 1\n", "",
                Duration.ofSeconds(4), true));
        assertEquals("FAIL suite (timed out after 4 s; the plan is 1..5 but 1 test ran)", timedOut.line());
        assertEquals(Optional.empty(), timedOut.exitCode());
    }

    @Test
    void aSkipPlanSkipsTheProgram() {
        TestOutcome outcome = outcome("1..0 # SKIP no GPU here\n", 0);
        assertEquals(TestStatus.SKIPPED, outcome.status());
        assertEquals(Optional.of("1..0 # SKIP no GPU here"), outcome.message());
        assertEquals(1, outcome.tests());
        assertEquals(1, outcome.skipped());
        assertFalse(outcome.failed());
        assertEquals(TestStatus.FAILED, outcome("1..0 # SKIP no GPU here\n", 1).status());
    }

    @Test
    void aSummaryCountsTestCases() {
        TestSummary summary = new TestSummary(List.of(outcome("1..3\nok 1\nnot ok 2\nok 3 # skip\n", 0),
                TestOutcome.of("plain", new ProcessResult(List.of("plain"), 0, "", "", Duration.ZERO, false))),
                Optional.empty());
        assertEquals("Tests run: 4, Failures: 1, Errors: 0, Skipped: 1", summary.line());
        assertEquals(Optional.of("1 native test failed: suite"), summary.failureMessage());
    }
}
