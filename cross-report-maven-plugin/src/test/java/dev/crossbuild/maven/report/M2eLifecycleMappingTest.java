package dev.crossbuild.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The m2e lifecycle mapping shipped in the report plugin: it sits beside the mojo classes (what the jar packs) and
 * ignores every goal that plugin.xml binds to a phase, each exactly once.
 */
class M2eLifecycleMappingTest {

    private static final String METADATA = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    private static Path classes() throws Exception {
        return Path.of(CrossReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    @Test
    void theMetadataIsPackedWithTheMojo() throws Exception {
        assertTrue(Files.isRegularFile(classes().resolve(METADATA)), classes().resolve(METADATA).toString());
        assertTrue(Files.isRegularFile(classes().resolve(CrossReport.class.getName().replace('.', '/') + ".class")));
    }

    @Test
    void everyGoalBoundToAPhaseIsIgnoredExactlyOnce() throws Exception {
        Map<String, String> bound = new TreeMap<>();
        NodeList mojos = parse(classes().resolve("META-INF/maven/plugin.xml")).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String phase = childText(mojo, "phase");
            if (phase != null && !phase.isEmpty()) {
                bound.put(childText(mojo, "goal"), phase);
            }
        }
        assertEquals(Map.of("report", "site"), bound);

        Map<String, String> mapped = new TreeMap<>();
        NodeList executions = parse(classes().resolve(METADATA)).getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element filter = (Element) execution.getElementsByTagName("pluginExecutionFilter").item(0);
            assertEquals(0, filter.getElementsByTagName("groupId").getLength(), "the plugin's own coordinates apply");
            Element action = (Element) execution.getElementsByTagName("action").item(0);
            String mapping = action.getElementsByTagName("ignore").getLength() == 1 ? "ignore" : "execute";
            NodeList goals = filter.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                String goal = goals.item(g).getTextContent().trim();
                assertEquals(null, mapped.put(goal, mapping), goal + " is mapped twice");
            }
        }
        assertEquals(Map.of("report", "ignore"), mapped);
    }
}
