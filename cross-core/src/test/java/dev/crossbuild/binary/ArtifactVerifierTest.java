package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.json.Json;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the verifier reports for binaries built for the wrong machine, with the exact messages users see. */
class ArtifactVerifierTest {

    private static final ExpectedMachine LINUX_ARM64 = new ExpectedMachine("aarch64", true, false, "linux",
            Optional.empty());
    private static final ExpectedMachine LINUX_ARMHF = new ExpectedMachine("arm", false, false, "linux",
            Optional.of("hard"));
    private static final ExpectedMachine LINUX_PPC64LE = new ExpectedMachine("ppc64", true, false, "linux",
            Optional.empty());

    private static ElfFile library(boolean is64, ByteOrder order, int machine, long flags) throws Exception {
        return ElfFile.parse("target/cross/x/lib/libdemo.so", new ElfBuilder(is64, order, machine, 3).flags(flags)
                .dynamic(List.of("libm.so.6", "libc.so.6"), "libdemo.so.1", null, ElfFileTest.glibcNeeds(), 0)
                .build());
    }

    private static List<String> problems(ExpectedMachine host, BinaryFile binary) {
        return new ArtifactVerifier(host).verify(binary).problems();
    }

    @Test
    void matchingLibraryPasses() throws Exception {
        Verification verification = new ArtifactVerifier(LINUX_ARM64).verify(library(true, ByteOrder.LITTLE_ENDIAN,
                183, 0));
        assertTrue(verification.ok());
        assertEquals(List.of(), verification.problems());
    }

    @Test
    void wrongCpuFamily() throws Exception {
        assertEquals(List.of("libdemo.so is an ELF 64-bit little-endian x86_64 shared object, but the host machine is "
                + "linux/aarch64 (64-bit little-endian): expected cpu family aarch64, found x86_64"),
                problems(LINUX_ARM64, library(true, ByteOrder.LITTLE_ENDIAN, 62, 0)));
    }

    @Test
    void everyDifferingPropertyGoesIntoOneMessage() throws Exception {
        assertEquals(List.of("libdemo.so is an ELF 64-bit little-endian aarch64 shared object, but the host machine is "
                + "linux/arm (32-bit little-endian, hard-float): expected cpu family arm, found aarch64; expected class "
                + "32-bit, found 64-bit"), problems(LINUX_ARMHF, library(true, ByteOrder.LITTLE_ENDIAN, 183, 0)));
    }

    @Test
    void softFloatLibraryOnAHardFloatHost() throws Exception {
        Verification verification = new ArtifactVerifier(LINUX_ARMHF).verify(library(false, ByteOrder.LITTLE_ENDIAN,
                40, 0x05000200));
        assertEquals(List.of("libdemo.so is an ELF 32-bit little-endian arm shared object, but the host machine is "
                + "linux/arm (32-bit little-endian, hard-float): expected float ABI hard-float, found soft-float"),
                verification.problems());
        assertEquals(List.of(new Mismatch("float ABI", "hard-float", "soft-float")), verification.mismatches());
    }

    @Test
    void armFileThatRecordsNoFloatAbiIsNotBlamed() throws Exception {
        assertEquals(List.of(), problems(LINUX_ARMHF, library(false, ByteOrder.LITTLE_ENDIAN, 40, 0x05000000)));
        assertEquals(List.of(), problems(LINUX_ARMHF, library(false, ByteOrder.LITTLE_ENDIAN, 40, 0x05000400)));
    }

    @Test
    void wrongByteOrder() throws Exception {
        assertEquals(List.of("libdemo.so is an ELF 64-bit big-endian ppc64 shared object, but the host machine is "
                + "linux/ppc64 (64-bit little-endian): expected byte order little-endian, found big-endian"),
                problems(LINUX_PPC64LE, library(true, ByteOrder.BIG_ENDIAN, 21, 0)));
    }

    @Test
    void wrongFormatStopsTheComparison() throws Exception {
        ExpectedMachine windows = new ExpectedMachine("x86_64", true, false, "windows", Optional.empty());
        Verification verification = new ArtifactVerifier(windows).verify(library(true, ByteOrder.LITTLE_ENDIAN, 183, 0));
        assertEquals(List.of(new Mismatch("format", "PE", "ELF")), verification.mismatches());
        assertEquals(List.of("libdemo.so is an ELF 64-bit little-endian aarch64 shared object, but the host machine "
                + "is windows/x86_64 (64-bit little-endian): expected format PE, found ELF"), verification.problems());
    }

    @Test
    void osAbiNamingAnotherSystem() throws Exception {
        ElfFile freebsd = ElfFile.parse("libdemo.so", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, 183, 3).osAbi(9)
                .build());
        ElfFile gnu = ElfFile.parse("libdemo.so", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, 183, 3).osAbi(3)
                .build());
        assertEquals(List.of(new Mismatch("OS ABI", "linux", "FreeBSD")),
                new ArtifactVerifier(LINUX_ARM64).verify(freebsd).mismatches());
        assertEquals(List.of(), problems(LINUX_ARM64, gnu));
        assertEquals(List.of(), problems(new ExpectedMachine("aarch64", true, false, "freebsd", Optional.empty()),
                freebsd));
    }

    @Test
    void systemWithoutAFixedFormatChecksOnlyTheMachine() throws Exception {
        ExpectedMachine bareMetal = new ExpectedMachine("aarch64", true, false, "none", Optional.empty());
        assertEquals(Optional.empty(), bareMetal.format());
        assertEquals(List.of(), problems(bareMetal, library(true, ByteOrder.LITTLE_ENDIAN, 183, 0)));
        assertEquals(List.of(), problems(bareMetal, PeFile.parse("demo.dll", new PeBuilder(0xaa64, true).build())));
    }

    @Test
    void missingRequiredSymbolsAreOneProblem() throws Exception {
        Verification verification = new ArtifactVerifier(LINUX_ARM64).verify(
                library(true, ByteOrder.LITTLE_ENDIAN, 183, 0), List.of("Java_dev_demo_Native_add", "JNI_OnLoad"));
        assertFalse(verification.ok());
        assertEquals(List.of("Java_dev_demo_Native_add", "JNI_OnLoad"), verification.missingSymbols());
        assertEquals(List.of("libdemo.so does not export Java_dev_demo_Native_add, JNI_OnLoad"), verification.problems());
    }

    @Test
    void formatsPerSystem() {
        assertEquals(Optional.of(BinaryFormat.PE), machine("cygwin").format());
        assertEquals(Optional.of(BinaryFormat.MACH_O), machine("darwin").format());
        assertEquals(Optional.of(BinaryFormat.ELF), machine("android").format());
        assertEquals(Optional.of(BinaryFormat.ELF), machine("freebsd").format());
        assertEquals(Optional.empty(), machine("emscripten").format());
        assertEquals("linux/arm (32-bit little-endian, hard-float)", LINUX_ARMHF.toString());
        assertEquals("linux/aarch64 (64-bit little-endian)", LINUX_ARM64.toString());
    }

    @Test
    void jsonHoldsTheFactsAndTheVerdictAndIsWritable() throws Exception {
        Verification verification = new ArtifactVerifier(LINUX_ARM64).verify(library(true, ByteOrder.LITTLE_ENDIAN,
                62, 0));
        Map<String, Object> json = verification.toJson();

        assertEquals("target/cross/x/lib/libdemo.so", json.get("path"));
        assertEquals("linux/aarch64 (64-bit little-endian)", json.get("host"));
        assertEquals(false, json.get("verified"));
        assertEquals(List.of(Map.of("property", "cpu family", "expected", "aarch64", "found", "x86_64")),
                json.get("mismatches"));
        assertEquals(List.of("path", "format", "kind", "cpu_family", "bits", "endian", "machine", "os_abi", "float_abi",
                "interpreter", "soname", "needed", "max_glibc", "runpath", "rpath", "executable_stack", "textrel",
                "build_id", "debuglink", "stripped", "exports", "host", "verified", "mismatches"), List.copyOf(json.keySet()));
        String text = Json.write(json);
        assertTrue(text.contains("\"max_glibc\": \"2.34\""), text);
        assertTrue(text.contains("\"needed\": [\"libm.so.6\", \"libc.so.6\"]"), text);
    }

    @Test
    void factLinesSkipEmptyValues() throws Exception {
        List<String> lines = new ArtifactVerifier(LINUX_ARM64).verify(library(true, ByteOrder.LITTLE_ENDIAN, 183, 0))
                .factLines();
        assertEquals(List.of("path: target/cross/x/lib/libdemo.so", "format: ELF", "kind: shared object",
                "cpu_family: aarch64", "bits: 64", "endian: little", "machine: EM_AARCH64", "os_abi: SYSV",
                "soname: libdemo.so.1", "needed: libm.so.6 libc.so.6", "max_glibc: 2.34", "executable_stack: false",
                "textrel: false", "stripped: true", "exports: 0"), lines);
    }

    private static ExpectedMachine machine(String system) {
        return new ExpectedMachine("x86_64", true, false, system, Optional.empty());
    }
}
