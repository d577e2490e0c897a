package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crossbuild.toolchain.CompilerId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final CompilerId GCC = new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty());

    @Test
    void sameInputsSameHexSha256() {
        String a = Fingerprints.of(List.of("gcc", "-c", "a.c"), GCC, 12L, "x");
        assertEquals(a, Fingerprints.of(List.of("gcc", "-c", "a.c"), GCC, 12L, "x"));
        assertEquals(64, a.length());
        assertEquals(true, a.matches("[0-9a-f]+"));
    }

    @Test
    void everyPartCountsAndBoundariesAreKept() {
        String base = Fingerprints.of(List.of("-DA", "B"), GCC);
        assertNotEquals(base, Fingerprints.of(List.of("-D", "AB"), GCC));
        assertNotEquals(base, Fingerprints.of(List.of("-DA", "B"), new CompilerId("gcc", "12.3.0", "aarch64-linux-gnu",
                Optional.empty())));
        assertNotEquals(base, Fingerprints.of(List.of("-DA", "B"), new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu",
                Optional.of(java.nio.file.Path.of("/sysroot")))));
        assertNotEquals(base, Fingerprints.of(List.of("-DA", "B"), GCC, 1L));
        assertNotEquals(Fingerprints.of(List.of("-DA"), GCC, "B"), Fingerprints.of(List.of("-DA", "B"), GCC));
    }
}
