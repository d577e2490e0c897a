package dev.crossbuild.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own (surefire reuseForks=false) with the attached classifier jar on the class path, as a
 * project depending on it would have: the library comes out of the jar, not from java.library.path.
 */
class LoadFromJarTest {

    @Test
    void theLoaderComputesTheClassifierCrossUsed() {
        assertEquals(System.getProperty("cross.classifier"), NativeLoader.classifier());
    }

    @Test
    void theLibraryLoadsFromTheClassifierJar() throws Exception {
        NativeLoader.load("demo");
        assertEquals(42, Demo.add(40, 2));
    }
}
