package dev.crossbuild.it.adder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs in the aarch64 JVM under qemu: Surefire forked target/cross/linux-aarch_64/jvm/bin/java. */
class AdderTest {

    @Test
    void theEmulatedAarch64JvmCallsTheCrossBuiltLibrary() {
        System.out.println("AdderTest: os.arch=" + System.getProperty("os.arch") + " add(40, 2)=" + Adder.add(40, 2)
                + " compiledFor=" + Adder.compiledFor());
        assertEquals("aarch64", System.getProperty("os.arch"));
        assertEquals(42, Adder.add(40, 2));
        assertEquals("aarch64", Adder.compiledFor());
        assertEquals("kept", System.getProperty("it.marker"), "the argLine that was there before setup");
    }
}
