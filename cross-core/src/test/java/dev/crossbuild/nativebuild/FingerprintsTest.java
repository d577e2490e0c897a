package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.crossbuild.toolchain.CompilerId;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    private static final CompilerId GCC = new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty());

    private static Fingerprint of(List<String> argv, List<?> options, CompilerId id, List<?> programs) {
        return Fingerprints.of(argv, options, id, programs);
    }

    @Test
    void sameInputsSameHexSha256s() {
        Fingerprint a = of(List.of("gcc", "-c", "a.c"), List.of("x"), GCC, List.of(12L));
        assertEquals(a, of(List.of("gcc", "-c", "a.c"), List.of("x"), GCC, List.of(12L)));
        assertEquals(64, a.command().length());
        assertEquals(true, a.command().matches("[0-9a-f]+"));
        assertEquals(true, a.compiler().matches("[0-9a-f]{64}"));
    }

    @Test
    void theCommandHashHoldsTheArgvAndOptionsWithTheirBoundaries() {
        Fingerprint base = of(List.of("-DA", "B"), List.of(), GCC, List.of());
        for (Fingerprint other : List.of(of(List.of("-D", "AB"), List.of(), GCC, List.of()),
                of(List.of("-DA"), List.of("B"), GCC, List.of()),
                of(List.of("-DA", "B"), List.of(1L), GCC, List.of()))) {
            assertNotEquals(base.command(), other.command(), other::toString);
            assertEquals(base.compiler(), other.compiler(), "the compiler is the same");
        }
    }

    @Test
    void theCompilerHashHoldsItsIdentityAndProgramStamps() {
        Fingerprint base = of(List.of("-DA", "B"), List.of(), GCC, List.of());
        for (Fingerprint other : List.of(
                of(List.of("-DA", "B"), List.of(), new CompilerId("gcc", "12.3.0", "aarch64-linux-gnu", Optional.empty()),
                        List.of()),
                of(List.of("-DA", "B"), List.of(), new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu",
                        Optional.of(Path.of("/sysroot"))), List.of()),
                of(List.of("-DA", "B"), List.of(), GCC, List.of("/usr/bin/gcc:1:2")))) {
            assertNotEquals(base.compiler(), other.compiler(), other::toString);
            assertEquals(base.command(), other.command(), "the command is the same");
        }
    }
}
