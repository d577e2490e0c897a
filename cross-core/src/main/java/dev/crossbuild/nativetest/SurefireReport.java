package dev.crossbuild.nativetest;

import dev.crossbuild.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * One JUnit XML report per native test, in the shape Maven Surefire writes ({@code TEST-<suite>.xml}, a
 * {@code <testsuite>} with one {@code <testcase>}, or one per TAP line for a {@link TestProtocol#TAP} test), so CI
 * servers and the Surefire report pick native tests up beside
 * the Java ones. The suite (and test class) is {@code cross.<classifier>.<test>}, so each classifier's tests group
 * together: {@code TEST-cross.linux-aarch_64.test_mix.xml}.
 *
 * <p>A failure is {@code <failure message="exit 3" type="exit code">} holding the program's output; a timeout has
 * type {@code timeout}; a test that could not be started is an {@code <error>}; a skipped test (exit 77) and a test
 * that was not run are {@code <skipped message=.../>}. Standard output and error go to {@code <system-out>} and
 * {@code <system-err>}.
 */
public final class SurefireReport {

    private static final String SCHEMA =
            "https://maven.apache.org/surefire/maven-surefire-plugin/xsd/surefire-test-report-3.0.xsd";

    private SurefireReport() {
    }

    /** {@code cross.<classifier>.<test>}: the suite name and the test case's class name. */
    public static String suiteName(String classifier, String test) {
        return "cross." + classifier + "." + test;
    }

    /** {@code <directory>/TEST-cross.<classifier>.<test>.xml}. */
    public static Path file(Path directory, String classifier, String test) {
        return directory.resolve("TEST-" + suiteName(classifier, test) + ".xml");
    }

    /** Writes the report of one outcome (atomically) and returns its path. */
    public static Path write(Path directory, String classifier, TestOutcome outcome, Map<String, String> properties)
            throws IOException {
        Path file = file(directory, classifier, outcome.name());
        AtomicFiles.writeString(file, xml(classifier, outcome, properties));
        return file;
    }

    /** The report's text. */
    public static String xml(String classifier, TestOutcome outcome, Map<String, String> properties) {
        String suite = suiteName(classifier, outcome.name());
        String time = time(outcome.elapsed());
        XmlWriter xml = new XmlWriter().start("testsuite")
                .attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
                .attribute("xsi:noNamespaceSchemaLocation", SCHEMA)
                .attribute("version", "3.0")
                .attribute("name", suite)
                .attribute("time", time)
                .attribute("tests", String.valueOf(outcome.tests()))
                .attribute("errors", String.valueOf(outcome.errors()))
                .attribute("skipped", String.valueOf(outcome.skipped()))
                .attribute("failures", String.valueOf(outcome.failures()));
        xml.start("properties");
        properties.forEach((name, value) -> xml.start("property").attribute("name", name).attribute("value", value)
                .end());
        xml.end();
        if (outcome.cases().isEmpty()) {
            program(xml, suite, time, outcome);
        } else {
            for (TestCaseResult testCase : outcome.cases()) {
                testCase(xml, suite, testCase);
            }
        }
        return xml.end().toString();
    }

    /** The program as the one test case: its status, exit code or timeout, and everything it wrote. */
    private static void program(XmlWriter xml, String suite, String time, TestOutcome outcome) {
        xml.start("testcase").attribute("name", outcome.name()).attribute("classname", suite).attribute("time", time);
        String message = outcome.message().orElse("");
        switch (outcome.status()) {
            case FAILED -> xml.start("failure").attribute("message", message)
                    .attribute("type", outcome.exitCode().isPresent() ? "exit code" : "timeout")
                    .text(outcome.output()).end();
            case ERROR -> xml.start("error").attribute("message", message).attribute("type", "not started")
                    .text(message).end();
            case SKIPPED, NOT_RUN -> xml.start("skipped").attribute("message", message).end();
            default -> {
                // passed: no element
            }
        }
        if (!outcome.stdout().isEmpty()) {
            xml.start("system-out").text(outcome.stdout()).end();
        }
        if (!outcome.stderr().isEmpty()) {
            xml.start("system-err").text(outcome.stderr()).end();
        }
        xml.end();
    }

    /**
     * A test case the program reported (a TAP line): a failure holds its line and diagnostics, a skip its reason;
     * {@code <system-out>} has the lines that belong to it. Cases have no time of their own ({@code 0}).
     */
    private static void testCase(XmlWriter xml, String suite, TestCaseResult testCase) {
        xml.start("testcase").attribute("name", testCase.name()).attribute("classname", suite).attribute("time",
                time(Duration.ZERO));
        String message = testCase.message().orElse("");
        switch (testCase.status()) {
            case FAILED -> xml.start("failure").attribute("message", message).attribute("type", "tap")
                    .text(testCase.output()).end();
            case SKIPPED -> xml.start("skipped").attribute("message", message).end();
            default -> {
                // passed: no element
            }
        }
        if (!testCase.output().isEmpty()) {
            xml.start("system-out").text(testCase.output()).end();
        }
        xml.end();
    }

    private static String time(Duration elapsed) {
        return String.format(Locale.ROOT, "%.3f", elapsed.toNanos() / 1e9);
    }
}
