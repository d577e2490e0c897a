package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports parse back (javax.xml) to what Surefire's report reads, whatever the tests wrote. */
class SurefireReportTest {

    private static final Map<String, String> PROPERTIES = Map.of("cross.classifier", "linux-aarch_64");

    @TempDir
    Path reports;

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return document.getDocumentElement();
    }

    private static Element only(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        assertEquals(1, nodes.getLength(), name + " in " + parent.getTagName());
        return (Element) nodes.item(0);
    }

    private static TestOutcome outcome(String name, int exit, String stdout, String stderr) {
        return TestOutcome.of(name, new ProcessResult(List.of(name), exit, stdout, stderr, Duration.ofMillis(1234),
                false));
    }

    @Test
    void aPassIsATestsuiteWithOneTestcaseAndItsOutput() throws Exception {
        Path file = SurefireReport.write(reports, "linux-aarch_64", outcome("test_mix", 0, "mix ok\n", ""),
                PROPERTIES);

        assertEquals(reports.resolve("TEST-cross.linux-aarch_64.test_mix.xml"), file);
        Element suite = parse(Files.readString(file));
        assertEquals("testsuite", suite.getTagName());
        assertEquals("cross.linux-aarch_64.test_mix", suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("1.234", suite.getAttribute("time"));
        Element property = only(only(suite, "properties"), "property");
        assertEquals("cross.classifier", property.getAttribute("name"));
        assertEquals("linux-aarch_64", property.getAttribute("value"));
        Element testcase = only(suite, "testcase");
        assertEquals("test_mix", testcase.getAttribute("name"));
        assertEquals("cross.linux-aarch_64.test_mix", testcase.getAttribute("classname"));
        assertEquals("1.234", testcase.getAttribute("time"));
        assertEquals("mix ok\n", only(testcase, "system-out").getTextContent());
        assertEquals(0, testcase.getElementsByTagName("failure").getLength());
        assertEquals(0, testcase.getElementsByTagName("system-err").getLength());
    }

    @Test
    void aFailureHoldsTheExitCodeAndTheOutput() throws Exception {
        Element suite = parse(SurefireReport.xml("c", outcome("test_y", 3, "expected 4\n", "got 5\n"), PROPERTIES));
        assertEquals("1", suite.getAttribute("failures"));
        Element failure = only(only(suite, "testcase"), "failure");
        assertEquals("exit 3", failure.getAttribute("message"));
        assertEquals("exit code", failure.getAttribute("type"));
        assertEquals("expected 4\ngot 5\n", failure.getTextContent());
        assertEquals("got 5\n", only(suite, "system-err").getTextContent());
    }

    @Test
    void aTimeoutIsAFailureOfTypeTimeout() throws Exception {
        TestOutcome timedOut = TestOutcome.of("t", new ProcessResult(List.of("t"), 137, "", "", Duration.ofSeconds(2),
                true));
        Element failure = only(parse(SurefireReport.xml("c", timedOut, Map.of())), "failure");
        assertEquals("timed out after 2 s", failure.getAttribute("message"));
        assertEquals("timeout", failure.getAttribute("type"));
    }

    @Test
    void skippedAndNotRunTestsAreSkipped() throws Exception {
        Element skipped = parse(SurefireReport.xml("c", outcome("test_x", 77, "", "no zlib\n"), PROPERTIES));
        assertEquals("1", skipped.getAttribute("skipped"));
        assertEquals("0", skipped.getAttribute("failures"));
        assertEquals("exit 77: skipped by the test", only(skipped, "skipped").getAttribute("message"));

        Element notRun = parse(SurefireReport.xml("c", TestOutcome.notRun("t", "not run: no exe_wrapper"), PROPERTIES));
        assertEquals("1", notRun.getAttribute("skipped"));
        assertEquals("not run: no exe_wrapper", only(notRun, "skipped").getAttribute("message"));
        assertEquals(0, notRun.getElementsByTagName("system-out").getLength());
    }

    @Test
    void aTestThatCouldNotStartIsAnError() throws Exception {
        Element suite = parse(SurefireReport.xml("c", TestOutcome.error("t", "cannot start it: x"), PROPERTIES));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("failures"));
        Element error = only(suite, "error");
        assertEquals("cannot start it: x", error.getAttribute("message"));
    }

    @Test
    void markupQuotesNewlinesAndControlCharactersInOutputAndAttributesSurvive() throws Exception {
        String nasty = "<tag attr=\"v\"> & ]]> 'q'\ttab\r\nline2 \u001b[31mred\u001b[0m \u0000nul \uFFFE \uD800lone "
                + "\uD83D\uDE00 ü";
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("env.X", nasty);
        TestOutcome outcome = new TestOutcome("t", TestStatus.FAILED, java.util.Optional.of(1), Duration.ZERO, nasty,
                "", java.util.Optional.of(nasty));

        Element suite = parse(SurefireReport.xml("c", outcome, properties));

        String expected = "<tag attr=\"v\"> & ]]> 'q'\ttab\r\nline2 \\u001b[31mred\\u001b[0m \\u0000nul \\ufffe "
                + "\\ud800lone \uD83D\uDE00 ü";
        assertEquals(expected, only(suite, "property").getAttribute("value"));
        assertEquals(expected, only(suite, "failure").getAttribute("message"));
        assertEquals(expected, only(suite, "failure").getTextContent());
        assertEquals(expected, only(suite, "system-out").getTextContent());
    }

    @Test
    void writingReplacesAnEarlierReport() throws Exception {
        SurefireReport.write(reports, "c", outcome("t", 3, "", ""), PROPERTIES);
        Path file = SurefireReport.write(reports, "c", outcome("t", 0, "", ""), PROPERTIES);
        assertEquals("0", parse(Files.readString(file)).getAttribute("failures"));
        try (var files = Files.list(reports)) {
            assertEquals(List.of(file), files.toList());
        }
        assertTrue(Files.readString(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "));
    }

    @Test
    void aTapTestHasATestcasePerLineAndCountsThem() throws Exception {
        TestOutcome tap = TestOutcome.tap("suite", new ProcessResult(List.of("suite"), 1,
                "1..3\nok 1 - adds\nnot ok 2 - divides\n# 3 != 2\nok 3 # SKIP no FPU\n", "", Duration.ofMillis(5),
                false));

        Element suite = parse(SurefireReport.xml("c", tap, PROPERTIES));

        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(List.of("1 - adds", "2 - divides", "3", "suite"), java.util.stream.IntStream
                .range(0, cases.getLength()).mapToObj(i -> ((Element) cases.item(i)).getAttribute("name")).toList());
        Element divides = (Element) cases.item(1);
        assertEquals("cross.c.suite", divides.getAttribute("classname"));
        Element failure = only(divides, "failure");
        assertEquals("not ok 2 - divides", failure.getAttribute("message"));
        assertEquals("tap", failure.getAttribute("type"));
        assertEquals("not ok 2 - divides\n# 3 != 2\n", failure.getTextContent());
        assertEquals("SKIP: no FPU", only((Element) cases.item(2), "skipped").getAttribute("message"));
        assertEquals("exit 1", only((Element) cases.item(3), "failure").getAttribute("message"));
        assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
    }
}
