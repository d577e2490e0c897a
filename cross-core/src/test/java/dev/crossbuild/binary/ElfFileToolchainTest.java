package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ELF reader against real binaries from each installed cross toolchain, with binutils' readelf, nm and
 * objcopy's output as the expected values. Skipped for a target whose toolchain is not installed.
 */
class ElfFileToolchainTest {

    @TempDir
    static Path root;

    private static ElfSamples samples(ElfTarget target) {
        assumeTrue(target.installed(), target.tool("gcc") + " is not installed");
        return ElfSamples.of(target, root);
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void sharedLibraryHeaderMatchesReadelf(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile elf = ElfFile.read(s.library());
        ReadElf expected = ReadElf.of(target, s.library());

        assertEquals(expected.header().get("Class"), "ELF" + elf.header().bits());
        assertTrue(expected.header().get("Data").endsWith(elf.endianness().mesonName() + " endian"),
                expected.header().get("Data"));
        assertEquals(osAbi(expected.header().get("OS/ABI")), elf.header().osAbiName());
        assertEquals(target.elfMachine, elf.header().machine().number());
        assertEquals(Optional.of(target.cpuFamily), elf.cpuFamily());
        assertEquals(target.is64Bit, elf.is64Bit());
        assertEquals(target.endianness, elf.endianness());
        assertEquals(expected.flags(), elf.header().flags());
        assertEquals(expected.floatAbi(), elf.header().floatAbi());
        assertEquals(ElfType.DYN, elf.type());
        assertEquals("DYN (Shared object file)", expected.header().get("Type"));
        assertEquals("shared object", elf.kind());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void sharedLibraryDynamicSectionMatchesReadelf(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile elf = ElfFile.read(s.library());
        ReadElf expected = ReadElf.of(target, s.library());

        assertEquals(expected.needed(), elf.needed());
        assertTrue(elf.needed().contains("libm.so.6"), elf.needed().toString());
        assertEquals(Optional.of("libdemo.so.1"), elf.soname());
        assertEquals(expected.soname(), elf.soname());
        assertEquals(Optional.empty(), elf.dynamic().runpath());
        assertEquals(expected.versionNeeds(), elf.dynamic().versionsNeeded());
        assertEquals(Optional.of(highestGlibc(expected.versionNeeds())), elf.dynamic().maxGlibc());
        assertFalse(elf.dynamic().pie());
        assertEquals(Optional.empty(), elf.interpreter());
        assertEquals(expected.buildId(), elf.buildId());
        assertTrue(elf.buildId().isPresent());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void executableHasInterpreterRunpathAndNeedsTheLibrary(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile elf = ElfFile.read(s.executable());
        ReadElf expected = ReadElf.of(target, s.executable());

        assertTrue(expected.interpreter().isPresent());
        assertEquals(expected.interpreter(), elf.interpreter());
        assertEquals(expected.needed(), elf.needed());
        assertEquals("libdemo.so.1", elf.needed().get(0));
        assertEquals(Optional.of("$ORIGIN/../lib"), elf.dynamic().runpath());
        assertEquals(expected.runpath(), elf.dynamic().runpath());
        assertEquals(Optional.empty(), elf.soname());
        String type = expected.header().get("Type");
        String kind = type.startsWith("EXEC") ? "executable"
                : type.equals("DYN (Position-Independent Executable file)") ? "pie executable" : type;
        assertEquals(kind, elf.kind());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void objectFileIsRelocatableWithSymbolsAndNoDynamicSection(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile elf = ElfFile.read(s.object());
        ReadElf expected = ReadElf.of(target, s.object());

        assertEquals("REL (Relocatable file)", expected.header().get("Type"));
        assertEquals(ElfType.REL, elf.type());
        assertEquals("relocatable object", elf.kind());
        assertEquals(expected.sections(), elf.sections());
        assertEquals(ElfDynamic.NONE, elf.dynamic());
        assertTrue(elf.hasSymbolTable());
        assertFalse(elf.stripped());
        assertEquals(expected.flags(), elf.header().flags());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void strippingRemovesSymbolsAndDebugSections(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile unstripped = ElfFile.read(s.library());
        ElfFile stripped = ElfFile.read(s.stripped());
        ReadElf expectedUnstripped = ReadElf.of(target, s.library());
        ReadElf expectedStripped = ReadElf.of(target, s.stripped());

        assertEquals(expectedUnstripped.sections(), unstripped.sections());
        assertEquals(expectedStripped.sections(), stripped.sections());
        assertEquals(expectedUnstripped.sections().contains(".symtab"), unstripped.hasSymbolTable());
        assertEquals(expectedUnstripped.sections().stream().filter(n -> n.startsWith(".debug_")).toList(),
                unstripped.debugSections());
        assertTrue(unstripped.debugSections().contains(".debug_info"));
        assertFalse(unstripped.stripped());
        assertFalse(expectedStripped.sections().contains(".symtab"));
        assertTrue(stripped.stripped());
        assertEquals(List.of(), stripped.debugSections());
        assertEquals(Optional.empty(), stripped.debugLink());
        assertEquals(unstripped.buildId(), stripped.buildId());
        assertEquals(unstripped.needed(), stripped.needed());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void debuglinkNamesTheDebugFileWithItsCrc(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile linked = ElfFile.read(s.linked());
        String dump = NativeTools.run(s.dir(), target.tool("readelf"), "--wide", "-x", ".gnu_debuglink",
                s.linked().getFileName().toString());
        byte[] section = hexDump(dump);
        byte[] crc = Arrays.copyOfRange(section, section.length - 4, section.length);
        long expectedCrc = target.endianness == Endianness.LITTLE
                ? (crc[0] & 0xffL) | (crc[1] & 0xffL) << 8 | (crc[2] & 0xffL) << 16 | (crc[3] & 0xffL) << 24
                : (crc[3] & 0xffL) | (crc[2] & 0xffL) << 8 | (crc[1] & 0xffL) << 16 | (crc[0] & 0xffL) << 24;

        assertTrue(linked.debugLink().isPresent());
        assertEquals("libdemo.so.debug", linked.debugLink().get().fileName());
        assertEquals(expectedCrc, linked.debugLink().get().crc32());
        assertTrue(linked.debugLink().get().matches(s.debugFile()));
        assertFalse(linked.debugLink().get().matches(s.library()));
        assertTrue(linked.stripped());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void debugFileKeepsTheBuildIdAndDebugInfoButNoLoadableContent(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        ElfFile debug = ElfFile.read(s.debugFile());
        ReadElf expected = ReadElf.of(target, s.debugFile());

        assertEquals(ElfFile.read(s.library()).buildId(), debug.buildId());
        assertEquals(expected.buildId(), debug.buildId());
        assertEquals(expected.sections(), debug.sections());
        assertTrue(debug.debugSections().contains(".debug_info"));
        assertFalse(debug.stripped());
        assertEquals(ElfDynamic.NONE, debug.dynamic());
        assertEquals(List.of(), debug.exportedSymbols());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void exportedSymbolsAreWhatNmListsAsDefinedDynamicSymbols(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        assumeTrue(NativeTools.onPath(target.tool("nm")));
        Set<String> expected = NativeTools.run(s.dir(), target.tool("nm"), "-D", "--defined-only",
                s.library().getFileName().toString()).lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(parts -> parts.length == 3)
                .map(parts -> parts[2].replaceFirst("@.*", ""))
                .collect(Collectors.toSet());

        List<String> exported = ElfFile.read(s.library()).exportedSymbols();
        assertEquals(expected, Set.copyOf(exported));
        assertTrue(exported.containsAll(List.of("Java_dev_demo_Native_add", "demo_root", "demo_twice")));
        assertFalse(exported.contains("hidden_helper"));
        assertEquals(Set.copyOf(exported), Set.copyOf(ElfFile.read(s.stripped()).exportedSymbols()));
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void undefinedSymbolsWithTheirVersionsAreWhatNmListsAsUndefined(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        assumeTrue(NativeTools.onPath(target.tool("nm")));
        for (java.nio.file.Path file : List.of(s.library(), s.executable(), s.stripped())) {
            List<String> expected = undefined(NativeTools.run(s.dir(), target.tool("nm"), "-D", "--undefined-only",
                    file.getFileName().toString()));
            ElfFile elf = ElfFile.read(file);

            assertEquals(Set.copyOf(expected), elf.undefinedSymbols().stream()
                    .map(u -> (u.weak() ? "w " : "U ") + u).collect(Collectors.toSet()), file.toString());
            for (ElfSymbolReference u : elf.undefinedSymbols()) {
                // every versioned symbol's version is one the file needs from the library it names
                u.version().ifPresent(v -> assertTrue(elf.dynamic().versionsNeeded()
                        .getOrDefault(u.library().orElseThrow(), List.of()).contains(v), u + " " + u.library()));
            }
        }
        ElfSymbolReference cbrt = ElfFile.read(s.library()).undefinedSymbols().stream()
                .filter(u -> u.name().equals("cbrt")).findFirst().orElseThrow();
        assertEquals(Optional.of("libm.so.6"), cbrt.library());
        assertTrue(cbrt.version().orElseThrow().startsWith("GLIBC_"), cbrt.toString());

        // an object's symbol table: no versions, what nm -u lists
        List<String> object = undefined(NativeTools.run(s.dir(), target.tool("nm"), "--undefined-only",
                s.object().getFileName().toString()));
        List<ElfSymbolReference> objectSymbols = ElfFile.read(s.object()).undefinedSymbols();
        assertEquals(Set.copyOf(object), objectSymbols.stream().map(u -> (u.weak() ? "w " : "U ") + u)
                .collect(Collectors.toSet()));
        assertTrue(objectSymbols.stream().anyMatch(u -> u.name().equals("getrandom") && u.version().isEmpty()
                && u.library().isEmpty()), objectSymbols.toString());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void stackIsNotExecutableAndThereAreNoTextRelocations(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        for (java.nio.file.Path file : List.of(s.library(), s.executable())) {
            ElfFile elf = ElfFile.read(file);
            assertEquals(Optional.of(false), elf.stack().segment(), file.toString());
            assertFalse(elf.stack().executable());
            assertFalse(elf.dynamic().textrel());
            assertEquals(false, elf.facts().get("executable_stack"));
            assertEquals(false, elf.facts().get("textrel"));
        }
        ElfFile object = ElfFile.read(s.object());
        assertEquals(Optional.of(false), object.stack().note());
        assertFalse(object.stack().objectNeedsExecutable());
        assertEquals(Optional.empty(), object.stack().segment());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void binariesDispatchesToTheElfReader(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        BinaryFile binary = Binaries.read(s.library());

        assertEquals(ElfFile.read(s.library()), binary);
        assertEquals("ELF " + (target.is64Bit ? 64 : 32) + "-bit " + target.endianness + " " + target.cpuFamily
                + " shared object", binary.describe());
    }

    @ParameterizedTest
    @EnumSource(ElfTarget.class)
    void verifierAcceptsEachTargetOnlyForItsOwnMachine(ElfTarget target) throws Exception {
        ElfSamples s = samples(target);
        for (ElfTarget host : ElfTarget.values()) {
            Verification verification = new ArtifactVerifier(host.expected()).verify(s.library());
            assertEquals(host == target, verification.ok(), target + " on " + host + ": " + verification.problems());
        }
    }

    /** {@code U name@VERSION} / {@code w name} lines of nm's undefined symbols, as written. */
    private static List<String> undefined(String nm) {
        return nm.lines().map(String::strip).filter(line -> line.matches("[Uw] \\S+")).toList();
    }

    private static String osAbi(String readelf) {
        return Map.of("UNIX - System V", "SYSV", "UNIX - GNU", "GNU").getOrDefault(readelf, readelf);
    }

    /** The highest GLIBC_ version by numeric parts, computed here independently of the reader. */
    private static String highestGlibc(Map<String, List<String>> needs) {
        return needs.values().stream().flatMap(List::stream)
                .filter(v -> v.matches("GLIBC_[0-9.]+"))
                .map(v -> v.substring(6))
                .max(Comparator.comparing((String v) -> Integer.parseInt(v.split("\\.")[0]))
                        .thenComparing(v -> Integer.parseInt(v.split("\\.")[1])))
                .orElseThrow();
    }

    /** The bytes of a {@code readelf -x} dump: lines "  0x00000000 6c696264 656d6f2e ... text". */
    private static byte[] hexDump(String dump) {
        StringBuilder hex = new StringBuilder();
        for (String line : dump.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("0x")) {
                String[] parts = trimmed.split("\\s+");
                for (int i = 1; i < parts.length && i <= 4 && parts[i].matches("[0-9a-f]{2,8}"); i++) {
                    hex.append(parts[i]);
                }
            }
        }
        return HexFormat.of().parseHex(hex.toString());
    }
}
