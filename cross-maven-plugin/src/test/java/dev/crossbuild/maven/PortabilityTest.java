package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.nativebuild.PortabilityPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code <portability>} and the {@code cross.portability.*} properties: the command line, the element, the POM. */
class PortabilityTest {

    private static final List<Path> FOLDERS = List.of(Path.of("/work/module"), Path.of("/work/module/target"));

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static Portability element(String maxGlibc, Boolean enforce, String... allowed) {
        Portability portability = new Portability();
        portability.maxGlibc = maxGlibc;
        portability.enforce = enforce;
        portability.allowedLibraries = allowed.length == 0 ? null : List.of(allowed);
        return portability;
    }

    @Test
    void withoutConfigurationEveryCheckIsReported() throws Exception {
        PortabilityPolicy policy = Portability.policy(null, properties(), properties(), FOLDERS);

        assertEquals(PortabilityPolicy.defaults(FOLDERS), policy);
        assertFalse(policy.enforce());
        assertFalse(policy.skip());
    }

    @Test
    void theElementIsUsedAndTheCommandLineWinsOverIt() throws Exception {
        Portability configured = element("2.28", null, "libz.so.1");

        PortabilityPolicy fromElement = Portability.policy(configured, properties(), properties(
                "cross.portability.maxGlibc", "2.17"), FOLDERS);
        assertEquals(Optional.of("2.28"), fromElement.maxGlibc(), "the element wins over the POM's property");
        assertEquals(List.of("libz.so.1"), fromElement.allowedLibraries());
        assertFalse(fromElement.enforce());

        PortabilityPolicy fromCommandLine = Portability.policy(configured, properties(
                "cross.portability.maxGlibc", "2.17", "cross.portability.enforce", "TRUE",
                "cross.portability.allowedLibraries", "libz.so.1, libssl.so.*,"), properties(), FOLDERS);
        assertEquals(Optional.of("2.17"), fromCommandLine.maxGlibc());
        assertTrue(fromCommandLine.enforce());
        assertEquals(List.of("libz.so.1", "libssl.so.*"), fromCommandLine.allowedLibraries());
    }

    @Test
    void thePomsPropertiesApplyWhenTheElementSaysNothing() throws Exception {
        PortabilityPolicy policy = Portability.policy(element(null, null), properties(), properties(
                "cross.portability.enforce", "true", "cross.portability.maxGlibcxx", "3.4.19",
                "cross.portability.skip", "false"), FOLDERS);

        assertTrue(policy.enforce());
        assertEquals(Optional.of("3.4.19"), policy.maxGlibcxx());
        assertEquals(Optional.empty(), policy.maxGlibc());
    }

    @Test
    void badValuesAreParameterErrors() {
        ParameterException version = assertThrows(ParameterException.class, () -> Portability.policy(
                element("GLIBC_2.28", null), properties(), properties(), FOLDERS));
        assertEquals("<portability>", version.value());
        assertTrue(version.getMessage().startsWith("<portability><maxGlibc> is 'GLIBC_2.28'; give the version as "
                + "dotted numbers"), version.getMessage());

        ParameterException flag = assertThrows(ParameterException.class, () -> Portability.policy(null,
                properties("cross.portability.enforce", "yes"), properties(), FOLDERS));
        assertEquals("cross.portability.enforce is 'yes'; use true or false", flag.getMessage());
    }
}
