package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PE reader against real images: mingw-w64 DLLs and executables checked with mingw's objdump, and PE32 /
 * ARM64 / ARMv7 DLLs made by clang + lld-link checked with llvm-readobj. Skipped when the tools are missing.
 */
class PeFileToolchainTest {

    @TempDir
    static Path root;

    private static PeSamples samples;

    @BeforeAll
    static void build() {
        if (PeSamples.installed()) {
            samples = PeSamples.buildOrFail(root.resolve("mingw"));
        }
    }

    private static PeSamples samples() {
        assumeTrue(samples != null, PeSamples.TRIPLE + " toolchain is not installed");
        return samples;
    }

    @Test
    void mingwDllMatchesObjdump() throws Exception {
        PeFile dll = PeFile.read(samples().dll());
        ObjdumpPe expected = ObjdumpPe.of(samples().dll());

        assertEquals("PE32+", expected.magic());
        assertTrue(dll.pe32Plus());
        assertEquals(0x8664, dll.machine().number());
        assertEquals(Optional.of("x86_64"), dll.machine().cpuFamily());
        assertEquals(expected.dll(), dll.dll());
        assertTrue(dll.dll());
        assertEquals(expected.subsystem(), dll.subsystem());
        assertEquals(expected.imports(), dll.imports());
        assertTrue(dll.imports().contains("KERNEL32.dll"), dll.imports().toString());
        assertEquals(expected.exports(), dll.exports());
        assertTrue(dll.exportedSymbols().contains("Java_dev_demo_Native_add"));
        assertEquals(Optional.of("demo.dll"), dll.exportName());
        assertEquals(expected.sections(), dll.sections());
        assertTrue(dll.debugSections().contains(".debug_info"), dll.sections().toString());
        assertFalse(dll.stripped());
        assertEquals("PE32+ x86_64 DLL (console)", dll.describe());
    }

    @Test
    void mingwConsoleAndGuiExecutablesImportTheDll() throws Exception {
        PeFile console = PeFile.read(samples().console());
        PeFile gui = PeFile.read(samples().gui());
        ObjdumpPe expectedConsole = ObjdumpPe.of(samples().console());
        ObjdumpPe expectedGui = ObjdumpPe.of(samples().gui());

        assertFalse(console.dll());
        assertEquals(expectedConsole.dll(), console.dll());
        assertEquals(expectedConsole.imports(), console.imports());
        assertEquals("demo.dll", console.imports().get(0));
        assertEquals(expectedConsole.subsystem(), console.subsystem());
        assertEquals("console", console.subsystemName());
        assertEquals(expectedGui.subsystem(), gui.subsystem());
        assertEquals("gui", gui.subsystemName());
        assertEquals(expectedGui.imports(), gui.imports());
        assertEquals(Optional.empty(), console.exportName());
        assertEquals("PE32+ x86_64 executable (console)", console.describe());
    }

    @Test
    void strippedDllHasNoDebugSectionsAndTheLinkedOneNamesItsDebugFile() throws Exception {
        PeFile stripped = PeFile.read(samples().stripped());
        PeFile linked = PeFile.read(samples().linked());
        ObjdumpPe expectedLinked = ObjdumpPe.of(samples().linked());

        assertEquals(ObjdumpPe.of(samples().stripped()).sections(), stripped.sections());
        assertTrue(stripped.stripped());
        assertEquals(List.of(), stripped.debugSections());
        assertEquals(Optional.empty(), stripped.debugLink());
        assertEquals(expectedLinked.sections(), linked.sections());
        assertTrue(linked.sections().contains(".gnu_debuglink"));
        assertTrue(linked.stripped());
        assertEquals("demo.dll.debug", linked.debugLink().orElseThrow().fileName());
        assertEquals(objdumpDebuglinkCrc(samples().linked()), linked.debugLink().get().crc32());
        assertTrue(linked.debugLink().get().matches(samples().debugFile()));
        assertFalse(linked.debugLink().get().matches(samples().stripped()));
        assertEquals(PeFile.read(samples().dll()).exports(), linked.exports());
    }

    @Test
    void verifierAcceptsTheDllOnlyForWindowsX8664() throws Exception {
        PeFile dll = PeFile.read(samples().dll());
        ExpectedMachine windows = new ExpectedMachine("x86_64", true, false, "windows", Optional.empty());
        ExpectedMachine windowsArm = new ExpectedMachine("aarch64", true, false, "windows", Optional.empty());
        ExpectedMachine linux = new ExpectedMachine("x86_64", true, false, "linux", Optional.empty());

        assertTrue(new ArtifactVerifier(windows).verify(dll, List.of("Java_dev_demo_Native_add")).ok());
        assertEquals(List.of("demo.dll is a PE32+ x86_64 DLL (console), but the host machine is windows/aarch64 "
                + "(64-bit little-endian): expected cpu family aarch64, found x86_64"),
                new ArtifactVerifier(windowsArm).verify(dll).problems());
        assertEquals(List.of("demo.dll is a PE32+ x86_64 DLL (console), but the host machine is linux/x86_64 "
                + "(64-bit little-endian): expected format ELF, found PE"),
                new ArtifactVerifier(linux).verify(dll).problems());
        assertEquals(List.of("demo.dll does not export Java_dev_demo_Native_sub"),
                new ArtifactVerifier(windows).verify(dll, List.of("Java_dev_demo_Native_sub")).problems());
    }

    @ParameterizedTest
    @CsvSource({
        "i386, x86, i686, 0x14c, x86, false",
        "arm64, arm64, aarch64, 0xaa64, aarch64, true",
        "arm, arm, thumbv7, 0x1c4, arm, false"})
    void lldLinkDllsMatchLlvmReadobj(String dlltoolMachine, String linkMachine, String clangArch, String machine,
            String family, boolean pe32Plus) throws Exception {
        assumeTrue(NativeTools.onPath("clang") && NativeTools.onPath("lld-link") && NativeTools.onPath("llvm-dlltool")
                && NativeTools.onPath("llvm-readobj"), "clang, lld-link, llvm-dlltool or llvm-readobj missing");
        Path dir = Files.createDirectories(root.resolve("lld-" + linkMachine));
        Files.writeString(dir.resolve("w.c"), """
                __declspec(dllimport) int ext_add(int, int);
                __declspec(dllexport) int Java_dev_demo_Native_add(void *env, void *cls, int a, int b) {
                    return ext_add(a, b);
                }
                __declspec(dllexport) int demo_twice(int x) { return x * 2; }
                """);
        Files.writeString(dir.resolve("ext.def"), "LIBRARY ext.dll\nEXPORTS\next_add\n");
        NativeTools.run(dir, "clang", "--target=" + clangArch + "-pc-windows-msvc", "-c", "w.c", "-o", "w.obj");
        NativeTools.run(dir, "llvm-dlltool", "-m", dlltoolMachine, "-d", "ext.def", "-l", "ext.lib");
        NativeTools.run(dir, "lld-link", "/dll", "/noentry", "/machine:" + linkMachine, "w.obj", "ext.lib",
                "/out:w.dll");
        String readobj = NativeTools.run(dir, "llvm-readobj", "--file-headers", "--coff-imports", "--coff-exports",
                "w.dll");

        PeFile dll = PeFile.read(dir.resolve("w.dll"));
        assertEquals(Integer.decode(machine), dll.machine().number());
        assertEquals(Integer.decode(first(readobj, "Machine: \\S+ \\((0x[0-9A-F]+)\\)").get(0)),
                dll.machine().number());
        assertEquals(Optional.of(family), dll.machine().cpuFamily());
        assertEquals(pe32Plus, dll.pe32Plus());
        assertEquals(pe32Plus ? "0x20B" : "0x10B", first(readobj, "Magic: (0x[0-9A-F]+)").get(0));
        assertEquals(readobj.contains("IMAGE_FILE_DLL"), dll.dll());
        assertEquals(first(readobj, "Subsystem: \\S+ \\((0x[0-9A-F]+)\\)").get(0),
                "0x" + Integer.toHexString(dll.subsystem()).toUpperCase());
        assertEquals(block(readobj, "Import"), dll.imports());
        assertEquals(block(readobj, "Export"), dll.exports());
        assertEquals(List.of("ext.dll"), dll.imports());
        assertEquals(List.of("Java_dev_demo_Native_add", "demo_twice"), dll.exports());
    }

    private static List<String> first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? List.of(m.group(1)) : List.of();
    }

    /** The non-empty {@code Name:} of each {@code Import {} / {@code Export {} block of llvm-readobj. */
    private static List<String> block(String text, String kind) {
        Matcher m = Pattern.compile("(?m)^" + kind + " \\{\\n(?:.*\\n)*?\\s+Name: (\\S+)\\n").matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static long objdumpDebuglinkCrc(Path file) {
        String dump = NativeTools.run(file.getParent(), PeSamples.TRIPLE + "-objdump", "-s", "-j", ".gnu_debuglink",
                file.getFileName().toString());
        StringBuilder hex = new StringBuilder();
        for (String line : dump.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length > 1 && parts[0].matches("[0-9a-f]{4,}") && line.startsWith(" ")) {
                for (int i = 1; i < parts.length && i <= 4 && parts[i].matches("[0-9a-f]{2,8}"); i++) {
                    hex.append(parts[i]);
                }
            }
        }
        byte[] bytes = HexFormat.of().parseHex(hex.toString());
        int n = bytes.length;
        return (bytes[n - 4] & 0xffL) | (bytes[n - 3] & 0xffL) << 8 | (bytes[n - 2] & 0xffL) << 16
                | (bytes[n - 1] & 0xffL) << 24;
    }
}
