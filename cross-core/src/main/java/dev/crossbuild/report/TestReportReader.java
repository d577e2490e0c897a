package dev.crossbuild.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the native tests' JUnit XML reports ({@code TEST-cross.<classifier>.*.xml} in Surefire's format: a
 * {@code testsuite} with {@code testcase} children holding {@code failure}, {@code error} or {@code skipped}).
 * DTDs and external entities are refused: the files are ours, and a report must not reach out anywhere.
 */
final class TestReportReader {

    private TestReportReader() {
    }

    /** The reports of {@code classifier}, sorted by file name; none when the folder does not exist. */
    static List<TestSuiteResult> read(Path directory, String classifier, List<String> problems) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        String prefix = "TEST-cross." + classifier + ".";
        List<Path> files;
        try (Stream<Path> children = Files.list(directory)) {
            files = children.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".xml") && Files.isRegularFile(f);
            }).sorted().toList();
        }
        List<TestSuiteResult> suites = new ArrayList<>();
        for (Path file : files) {
            try {
                suites.add(suite(file));
            } catch (IOException | SAXException | IllegalArgumentException e) {
                problems.add(file + " cannot be read: " + e.getMessage());
            }
        }
        return suites;
    }

    private static TestSuiteResult suite(Path file) throws IOException, SAXException {
        Element root;
        try (InputStream in = Files.newInputStream(file)) {
            root = builder().parse(in).getDocumentElement();
        }
        if (!root.getTagName().equals("testsuite")) {
            throw new IllegalArgumentException("expected a <testsuite> root element, found <" + root.getTagName() + ">");
        }
        List<TestSuiteResult.TestCase> cases = new ArrayList<>();
        NodeList children = root.getElementsByTagName("testcase");
        for (int i = 0; i < children.getLength(); i++) {
            cases.add(testCase((Element) children.item(i)));
        }
        long failed = cases.stream().filter(c -> c.outcome() == TestSuiteResult.TestCase.Outcome.FAILED).count();
        long errors = cases.stream().filter(c -> c.outcome() == TestSuiteResult.TestCase.Outcome.ERROR).count();
        long skipped = cases.stream().filter(c -> c.outcome() == TestSuiteResult.TestCase.Outcome.SKIPPED).count();
        return new TestSuiteResult(root.getAttribute("name"), file.getFileName().toString(),
                count(root, "tests", cases.size()), count(root, "failures", failed), count(root, "errors", errors),
                count(root, "skipped", skipped), seconds(root), cases);
    }

    private static TestSuiteResult.TestCase testCase(Element testCase) {
        TestSuiteResult.TestCase.Outcome outcome = TestSuiteResult.TestCase.Outcome.PASSED;
        Optional<String> message = Optional.empty();
        for (Node child = testCase.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            TestSuiteResult.TestCase.Outcome found = switch (element.getTagName()) {
                case "failure" -> TestSuiteResult.TestCase.Outcome.FAILED;
                case "error" -> TestSuiteResult.TestCase.Outcome.ERROR;
                case "skipped" -> TestSuiteResult.TestCase.Outcome.SKIPPED;
                default -> null;
            };
            if (found != null) {
                outcome = found;
                String text = element.getAttribute("message");
                message = text.isBlank() ? Optional.empty() : Optional.of(text.strip());
                break;
            }
        }
        return new TestSuiteResult.TestCase(testCase.getAttribute("name"), testCase.getAttribute("classname"),
                seconds(testCase), outcome, message);
    }

    /** A count attribute, or what the test cases say when it is absent or not a number. */
    private static int count(Element element, String attribute, long fallback) {
        try {
            return Integer.parseInt(element.getAttribute(attribute).trim());
        } catch (NumberFormatException e) {
            return (int) fallback;
        }
    }

    private static double seconds(Element element) {
        try {
            return Double.parseDouble(element.getAttribute("time").replace(",", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {   // throw, without the default "[Fatal Error]" on stderr
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses standard features", e);
        }
    }
}
