package dev.crossbuild.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loads libdemo.so, linked by cross:native-link in process-classes, into this JVM and calls its natives. */
class DemoTest {

    @BeforeAll
    static void loadTheLibraryFromTheLinkOutputFolder() {
        System.loadLibrary("demo");   // java.library.path: the POM's surefire argLine
    }

    @Test
    void addRunsInC() {
        assertEquals(42, Demo.add(40, 2));
        assertEquals(-1, Demo.add(Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Test
    void theLibraryWasCompiledForThisMachine() {
        String arch = System.getProperty("os.arch");
        assertEquals(arch.equals("amd64") ? "x86_64" : arch, Demo.cpuFamily());
    }
}
