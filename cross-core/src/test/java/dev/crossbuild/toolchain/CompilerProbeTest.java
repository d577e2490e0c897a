package dev.crossbuild.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerProbeTest {

    @Test
    void gccWithM32ProducesCodeForTheOtherX86Multilib() {
        assertEquals("i686-linux-gnu", CompilerProbe.withMultilib("x86_64-linux-gnu", List.of("gcc", "-m32")));
        assertEquals("x86_64-linux-gnu", CompilerProbe.withMultilib("i686-linux-gnu", List.of("gcc", "-m64")));
        assertEquals("aarch64-linux-gnu", CompilerProbe.withMultilib("aarch64-linux-gnu", List.of("gcc", "-m32")));
        assertEquals("x86_64-linux-gnu", CompilerProbe.withMultilib("x86_64-linux-gnu", List.of("gcc")));
    }

    @Test
    void triplesAreComparedThroughTheAliasTable() {
        Machine arm64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
        Machine ppc64le = Machine.of("linux", "ppc64", "ppc64le", Endian.LITTLE);
        assertEquals(TargetMatch.Verdict.MATCH, TargetMatch.check("aarch64-unknown-linux-gnu", arm64));
        assertEquals(TargetMatch.Verdict.MISMATCH, TargetMatch.check("x86_64-linux-gnu", arm64));
        assertEquals(TargetMatch.Verdict.MISMATCH, TargetMatch.check("aarch64-w64-mingw32", arm64));
        assertEquals(TargetMatch.Verdict.MATCH, TargetMatch.check("powerpc64le-linux-gnu", ppc64le));
        assertEquals(TargetMatch.Verdict.MISMATCH, TargetMatch.check("powerpc64-linux-gnu", ppc64le));
        assertEquals(TargetMatch.Verdict.UNKNOWN, TargetMatch.check("xtensa-esp32-elf", arm64));
        assertEquals("linux/ppc64 (little endian)", TargetMatch.platform(ppc64le));
        assertEquals("linux/aarch64", TargetMatch.platform(arm64));
    }
}
