package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e lifecycle mapping shipped in the plugin: it sits beside the mojo classes (what the jar packs), covers every
 * goal that plugin.xml binds to a phase exactly once, and runs setup, compile and native-link on incremental builds.
 */
class M2eLifecycleMappingTest {

    private static final String METADATA = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    private static Path classes() throws Exception {
        return Path.of(TestMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** Goal -> {@code execute(incremental=..., configuration=...)} or {@code ignore}. */
    private static Map<String, String> mappings() throws Exception {
        Map<String, String> mappings = new LinkedHashMap<>();
        NodeList executions = parse(classes().resolve(METADATA)).getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element filter = (Element) execution.getElementsByTagName("pluginExecutionFilter").item(0);
            assertEquals(0, filter.getElementsByTagName("groupId").getLength(), "the plugin's own coordinates apply");
            Element action = (Element) execution.getElementsByTagName("action").item(0);
            String mapping;
            if (action.getElementsByTagName("ignore").getLength() == 1) {
                mapping = "ignore";
            } else {
                Element execute = (Element) action.getElementsByTagName("execute").item(0);
                mapping = "execute(incremental=" + text(execute, "runOnIncremental") + ", configuration="
                        + text(execute, "runOnConfiguration") + ")";
            }
            NodeList goals = filter.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                String goal = goals.item(g).getTextContent().trim();
                assertFalse(mappings.containsKey(goal), goal + " is mapped twice");
                mappings.put(goal, mapping);
            }
        }
        return mappings;
    }

    /** The goals plugin.xml binds to a phase, with the phase. */
    private static Map<String, String> boundGoals() throws Exception {
        Map<String, String> bound = new TreeMap<>();
        NodeList mojos = parse(classes().resolve("META-INF/maven/plugin.xml")).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String phase = null;
            for (org.w3c.dom.Node child = mojo.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && element.getTagName().equals("phase")) {
                    phase = element.getTextContent().trim();
                }
            }
            if (phase != null && !phase.isEmpty()) {
                bound.put(text(mojo, "goal"), phase);
            }
        }
        return bound;
    }

    @Test
    void theMetadataIsPackedWithTheMojos() throws Exception {
        assertTrue(Files.isRegularFile(classes().resolve(METADATA)), classes().resolve(METADATA).toString());
        assertTrue(Files.isRegularFile(classes().resolve(TestMojo.class.getName().replace('.', '/') + ".class")));
    }

    @Test
    void everyGoalBoundToAPhaseIsCoveredExactlyOnce() throws Exception {
        Map<String, String> bound = boundGoals();
        assertEquals(Set.of("setup", "compile", "native-link", "test"), bound.keySet(), bound.toString());
        assertEquals(new TreeSet<>(bound.keySet()), new TreeSet<>(mappings().keySet()));
    }

    @Test
    void theBuildGoalsRunOnIncrementalBuildsAndTheTestsAreLeftToMaven() throws Exception {
        Map<String, String> mappings = mappings();
        assertEquals("execute(incremental=true, configuration=true)", mappings.get("setup"));
        assertEquals("execute(incremental=true, configuration=false)", mappings.get("compile"));
        assertEquals("execute(incremental=true, configuration=false)", mappings.get("native-link"));
        assertEquals("ignore", mappings.get("test"));
    }
}
