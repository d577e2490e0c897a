package dev.crossbuild.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildMachineDetectorTest {

    private static Machine detect(String osName, String osArch, String endian, String osVersion) {
        Map<String, String> properties = new HashMap<>();
        properties.put("os.name", osName);
        properties.put("os.arch", osArch);
        if (endian != null) {
            properties.put("sun.cpu.endian", endian);
        }
        if (osVersion != null) {
            properties.put("os.version", osVersion);
        }
        return BuildMachineDetector.detect(HostEnvironment.of(Map.of(), properties, Path.of("/")));
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value);
    }

    @ParameterizedTest(name = "{0} / {1} -> {3} {4} {5} {6} {7} {8}")
    @CsvSource({
            // os.name, os.arch, sun.cpu.endian, system, cpu_family, cpu, endian, kernel, subsystem
            "Linux, amd64, little, linux, x86_64, x86_64, little, linux, linux",
            "Linux, aarch64, little, linux, aarch64, aarch64, little, linux, linux",
            "Linux, arm, little, linux, arm, arm, little, linux, linux",
            "Linux, i386, little, linux, x86, i386, little, linux, linux",
            "Linux, ppc64le, little, linux, ppc64, ppc64le, little, linux, linux",
            "Linux, ppc64, big, linux, ppc64, ppc64, big, linux, linux",
            "Linux, s390x, big, linux, s390x, s390x, big, linux, linux",
            "Linux, riscv64, little, linux, riscv64, riscv64, little, linux, linux",
            "Linux, loongarch64, little, linux, loongarch64, loongarch64, little, linux, linux",
            "Linux, mips64el, little, linux, mips64, mips64, little, linux, linux",
            "Mac OS X, aarch64, little, darwin, aarch64, aarch64, little, xnu, macos",
            "Mac OS X, x86_64, little, darwin, x86_64, x86_64, little, xnu, macos",
            "Windows 11, amd64, little, windows, x86_64, x86_64, little, nt, windows",
            "Windows Server 2022, aarch64, little, windows, aarch64, aarch64, little, nt, windows",
            "Windows 10, x86, little, windows, x86, x86, little, nt, windows",
            "FreeBSD, amd64, little, freebsd, x86_64, x86_64, little, freebsd, freebsd",
            "OpenBSD, amd64, little, openbsd, x86_64, x86_64, little, openbsd, openbsd",
            "NetBSD, aarch64, little, netbsd, aarch64, aarch64, little, netbsd, netbsd",
            "DragonFly, amd64, little, dragonfly, x86_64, x86_64, little, dragonfly, dragonfly",
            "AIX, ppc64, big, aix, ppc64, ppc64, big, aix, aix",
            "OS/400, ppc64, big, aix, ppc64, ppc64, big, os400, aix",
            "Haiku, x86_64, little, haiku, x86_64, x86_64, little, haiku, haiku",
            "SunOS, sparcv9, big, sunos, sparc64, sparcv9, big, , sunos",
            "HP-UX, ia64, big, hp-ux, ia64, ia64, big, , hp-ux",
    })
    void normalisesTheJvmPropertiesAsMesonDoes(String osName, String osArch, String endian, String system,
            String cpuFamily, String cpu, String expectedEndian, String kernel, String subsystem) {
        Machine expected = new Machine(system, cpuFamily, cpu, Endian.parse(expectedEndian).orElseThrow(),
                optional(kernel), optional(subsystem));

        assertEquals(expected, detect(osName, osArch, endian, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "amd64, little", "x86_64, little", "aarch64, little", "arm, little", "riscv64, little",
            "ppc64le, little", "mips64el, little", "loongarch64, little",
            "ppc64, big", "ppc, big", "s390x, big", "sparcv9, big", "aarch64_be, big", "mips64, big",
            "something-new, little"})
    void withoutSunCpuEndianTheArchitectureDecidesTheByteOrder(String osArch, String endian) {
        assertEquals(Endian.parse(endian).orElseThrow(), detect("Linux", osArch, null, null).endian());
    }

    @Test
    void anUnrecognisedSunCpuEndianIsIgnored() {
        assertEquals(Endian.BIG, detect("Linux", "s390x", "UNKNOWN", null).endian());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // Meson's detect_cpu_family / detect_cpu on platform.machine() values, as far as a JVM can report them
            "i686, x86, i686", "i86pc, x86_64, x86_64", "x64, x86_64, x86_64", "arm64, aarch64, aarch64",
            "aarch64_be, aarch64, aarch64", "armv7l, arm, armv7l", "earmv7hf, arm, arm", "powerpc, ppc, powerpc",
            "powerpc64le, ppc64, powerpc64le", "macppc, ppc, macppc", "sun4v, sparc64, sun4v",
            "mips, mips, mips", "mipsel, mips, mips", "ip30, mips64, ip30", "parisc64, parisc, parisc64",
            "bepc, x86, bepc", "wasm32, wasm32, wasm32", "e2k, e2k, e2k"})
    void followsMesonCpuNormalisation(String raw, String cpuFamily, String cpu) {
        Machine machine = detect("Linux", raw.toUpperCase(java.util.Locale.ROOT), "little", null);

        assertEquals(cpuFamily, machine.cpuFamily());
        assertEquals(cpu, machine.cpu());
    }

    @ParameterizedTest(name = "SunOS {0} -> {1}")
    @CsvSource({"5.10, solaris", "5.9, solaris", "5.11, ", "11.4, ", "weird, "})
    void solarisKernelIsKnownOnlyUpToRelease510(String release, String kernel) {
        assertEquals(optional(kernel), detect("SunOS", "amd64", "little", release).kernel());
    }

    @Test
    void detectsTheRunningJvmFromItsSystemProperties() {
        Machine machine = BuildMachineDetector.detect(HostEnvironment.system());

        assertEquals(detect(System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("sun.cpu.endian"), System.getProperty("os.version")), machine);
        assertTrue(CpuFamilies.isKnown(machine.cpuFamily()), machine.toString());
        assertTrue(OperatingSystems.isKnown(machine.system()), machine.toString());
    }

    @Test
    void missingOsArchIsAnError() {
        HostEnvironment empty = HostEnvironment.of(Map.of(), Map.of("os.name", "Linux"), Path.of("/"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BuildMachineDetector.detect(empty));
        assertEquals("The Java system property os.arch is not set, so the build machine cannot be detected.",
                e.getMessage());
    }
}
