package dev.crossbuild.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void equalsAndHashCodeAreThoseOfItsTwoComponents() {
        Platform arm64 = new Platform("linux", "aarch64");

        assertEquals(arm64, new Platform("linux", "aarch64"));
        assertEquals(arm64.hashCode(), new Platform("linux", "aarch64").hashCode());
        assertNotEquals(arm64, new Platform("linux", "arm"));
        assertNotEquals(arm64, new Platform("android", "aarch64"));
        assertNotEquals(new Platform("ab", "c"), new Platform("a", "bc"));
        assertEquals("linux/aarch64", arm64.toString());
    }
}
