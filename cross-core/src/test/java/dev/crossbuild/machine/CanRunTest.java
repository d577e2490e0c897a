package dev.crossbuild.machine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanRunTest {

    private static final Machine LINUX_X86_64 = new Machine("linux", "x86_64", "x86_64", Endian.LITTLE,
            Optional.of("linux"), Optional.of("linux"));

    private static Machine host(String system, String family) {
        return Machine.of(system, family, family, Endian.LITTLE);
    }

    private static Machine withSubsystem(Machine m, String subsystem) {
        return new Machine(m.system(), m.cpuFamily(), m.cpu(), m.endian(), m.kernel(), Optional.of(subsystem));
    }

    @Test
    void sameSystemAndFamilyRuns() {
        assertTrue(CanRun.canRun(LINUX_X86_64, host("linux", "x86_64")));
    }

    @Test
    void x86_64BuildRunsX86Host() {
        assertTrue(CanRun.canRun(LINUX_X86_64, host("linux", "x86")));
    }

    @Test
    void x86BuildDoesNotRunX86_64Host() {
        assertFalse(CanRun.canRun(host("linux", "x86"), host("linux", "x86_64")));
    }

    @Test
    void mips64BuildRunsMipsHostButNotTheReverse() {
        assertTrue(CanRun.canRun(host("linux", "mips64"), host("linux", "mips")));
        assertFalse(CanRun.canRun(host("linux", "mips"), host("linux", "mips64")));
    }

    @Test
    void aarch64BuildNoLongerRunsArmHost() {
        assertFalse(CanRun.canRun(host("linux", "aarch64"), host("linux", "arm")));
    }

    @Test
    void foreignFamilyDoesNotRun() {
        assertFalse(CanRun.canRun(LINUX_X86_64, host("linux", "aarch64")));
        assertFalse(CanRun.canRun(LINUX_X86_64, host("linux", "arm")));
    }

    @Test
    void otherSystemDoesNotRunEvenWithTheSameFamily() {
        assertFalse(CanRun.canRun(LINUX_X86_64, host("windows", "x86_64")));
        assertFalse(CanRun.canRun(LINUX_X86_64, host("bare metal", "x86_64")));
    }

    @Test
    void hostSubsystemOtherThanTheBuildSubsystemDoesNotRun() {
        assertFalse(CanRun.canRun(LINUX_X86_64, withSubsystem(host("linux", "x86_64"), "musl-something")));
    }

    @Test
    void hostSubsystemEqualToTheBuildSubsystemRuns() {
        assertTrue(CanRun.canRun(LINUX_X86_64, withSubsystem(host("linux", "x86_64"), "linux")));
    }

    @Test
    void unsetBuildSubsystemDefaultsToTheSystemName() {
        Machine bareBuild = host("linux", "x86_64");
        assertTrue(CanRun.canRun(bareBuild, withSubsystem(host("linux", "x86"), "linux")));
        assertFalse(CanRun.canRun(bareBuild, withSubsystem(host("linux", "x86"), "android")));
    }

    @Test
    void unsetBuildSubsystemOnDarwinIsMacos() {
        Machine mac = host("darwin", "aarch64");
        assertTrue(CanRun.canRun(mac, withSubsystem(host("darwin", "aarch64"), "macos")));
        assertFalse(CanRun.canRun(mac, withSubsystem(host("darwin", "aarch64"), "ios-simulator")));
    }

    @Test
    void endianCpuAndKernelAreNotCompared() {
        Machine bigEndianOddCpu = new Machine("linux", "x86_64", "znver4", Endian.BIG, Optional.of("other"),
                Optional.empty());
        assertTrue(CanRun.canRun(LINUX_X86_64, bigEndianOddCpu));
    }

    @Test
    void appleSiliconDoesNotRunX86_64WithoutAWrapper() {
        assertFalse(CanRun.canRun(withSubsystem(host("darwin", "aarch64"), "macos"), host("darwin", "x86_64")));
    }
}
