package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mach-O reader on files made by clang and LLVM's ld64.lld / llvm-lipo (no Apple SDK: a stub libSystem
 * provides {@code dyld_stub_binder}), with llvm-otool and llvm-nm as the oracle. Skipped without those tools.
 */
class MachOToolchainTest {

    @TempDir
    static Path dir;

    private static Optional<String> ld64;
    private static Optional<String> lipo;
    private static Optional<String> otool;
    private static Optional<String> nm;

    @BeforeAll
    static void build() throws Exception {
        ld64 = firstOnPath("ld64.lld", "ld64.lld-14", "ld64.lld-15", "ld64.lld-16");
        lipo = firstOnPath("llvm-lipo", "llvm-lipo-14", "llvm-lipo-15", "llvm-lipo-16");
        otool = firstOnPath("llvm-otool", "llvm-otool-14", "llvm-otool-15", "llvm-otool-16");
        nm = firstOnPath("llvm-nm", "llvm-nm-14", "llvm-nm-15", "llvm-nm-16");
        if (!NativeTools.onPath("clang") || Stream.of(ld64, lipo, otool, nm).anyMatch(Optional::isEmpty)) {
            return;
        }
        Files.writeString(dir.resolve("lib.c"), """
                int demo_twice(int x) { return x * 2; }
                int Java_dev_demo_Native_add(void *env, void *cls, int a, int b) { return a + b; }
                static int hidden(int x) { return x; }
                int use_hidden(int x) { return hidden(x); }
                """);
        Files.writeString(dir.resolve("main.c"), "int demo_twice(int x);\nint main(void) { return demo_twice(0); }\n");
        Files.writeString(dir.resolve("stub.s"), ".globl dyld_stub_binder\ndyld_stub_binder:\n  ret\n");
        for (String arch : List.of("arm64", "x86_64")) {
            String target = "--target=" + arch + "-apple-macos11";
            List<String> link = List.of(ld64.get(), "-arch", arch, "-platform_version", "macos", "11.0", "11.0");
            NativeTools.run(dir, "clang", target, "-c", "lib.c", "-o", "lib-" + arch + ".o");
            NativeTools.run(dir, "clang", target, "-c", "main.c", "-o", "main-" + arch + ".o");
            NativeTools.run(dir, "clang", target, "-c", "stub.s", "-o", "stub-" + arch + ".o");
            NativeTools.run(dir, concat(link, "-dylib", "-install_name", "/usr/lib/libSystem.B.dylib",
                    "stub-" + arch + ".o", "-o", "libSystem-" + arch + ".dylib"));
            NativeTools.run(dir, concat(link, "-dylib", "-install_name", "@rpath/libdemo.dylib", "lib-" + arch + ".o",
                    "libSystem-" + arch + ".dylib", "-o", "libdemo-" + arch + ".dylib"));
            NativeTools.run(dir, concat(link, "-execute", "main-" + arch + ".o", "libdemo-" + arch + ".dylib",
                    "libSystem-" + arch + ".dylib", "-rpath", "@loader_path/../lib", "-o", "demo-" + arch));
        }
        NativeTools.run(dir, lipo.get(), "-create", "libdemo-x86_64.dylib", "libdemo-arm64.dylib", "-output",
                "libdemo.dylib");
    }

    private static void requireTools() {
        assumeTrue(Files.exists(dir.resolve("libdemo.dylib")), "clang, ld64.lld, llvm-lipo, llvm-otool or llvm-nm missing");
    }

    @Test
    void executableLoadsItsDylibsAndHasRpathAndUuidAsOtoolShows() throws Exception {
        requireTools();
        for (String arch : List.of("arm64", "x86_64")) {
            MachOFile file = MachOFile.read(dir.resolve("demo-" + arch));
            MachOImage image = file.images().get(0);
            String header = otool("-hv", "demo-" + arch);
            String commands = otool("-l", "demo-" + arch);

            assertEquals(dependencies(otool("-L", "demo-" + arch)), image.loadDylibs());
            assertEquals(List.of("@rpath/libdemo.dylib", "/usr/lib/libSystem.B.dylib"), image.loadDylibs());
            assertEquals(List.of(match(commands, "path (\\S+) \\(offset 12\\)")), image.rpaths());
            assertEquals(Optional.of(match(commands, "uuid ([0-9A-F-]+)").replace("-", "").toLowerCase()), image.uuid());
            assertTrue(header.contains(" EXECUTE "), header);
            assertEquals("executable", image.fileTypeName());
            assertTrue(header.contains(arch.equals("arm64") ? " ARM64 " : " X86_64 "), header);
            assertEquals(arch, image.cpuName());
            assertEquals(Optional.empty(), image.idDylib());
        }
    }

    @Test
    void dylibHasItsInstallNameAndExportsWhatNmLists() throws Exception {
        requireTools();
        MachOFile file = MachOFile.read(dir.resolve("libdemo-arm64.dylib"));
        List<String> otoolNames = dependencies(otool("-L", "libdemo-arm64.dylib"));
        List<String> nmNames = NativeTools.run(dir, nm.get(), "-g", "--defined-only", "libdemo-arm64.dylib").lines()
                .map(line -> line.trim().split("\\s+"))
                .map(parts -> parts[parts.length - 1].substring(1))
                .toList();

        assertEquals(Optional.of(otoolNames.get(0)), file.images().get(0).idDylib());
        assertEquals(otoolNames.subList(1, otoolNames.size()), file.images().get(0).loadDylibs());
        assertEquals(nmNames.stream().sorted().toList(), file.exportedSymbols().stream().sorted().toList());
        assertTrue(file.exportedSymbols().contains("Java_dev_demo_Native_add"));
        assertEquals("Mach-O 64-bit arm64 dylib", file.describe());
    }

    @Test
    void universalDylibHasTheArchitecturesOtoolListsInItsFatHeader() throws Exception {
        requireTools();
        MachOFile file = (MachOFile) Binaries.read(dir.resolve("libdemo.dylib"));
        Matcher m = Pattern.compile("(?m)^architecture (\\S+)").matcher(otool("-fv", "libdemo.dylib"));
        List<String> expected = m.results().map(r -> r.group(1)).toList();

        assertTrue(file.universal());
        assertEquals(expected, file.architectures());
        assertEquals(List.of("x86_64", "arm64"), file.architectures());
        assertEquals(MachOFile.read(dir.resolve("libdemo-arm64.dylib")).images().get(0), file.images().get(1));
        assertTrue(new ArtifactVerifier(new ExpectedMachine("aarch64", true, false, "darwin", Optional.empty()))
                .verify(file, List.of("Java_dev_demo_Native_add")).ok());
    }

    private static String otool(String option, String file) {
        return NativeTools.run(dir, otool.get(), option, file);
    }

    /** The install names of {@code otool -L}: every tab-indented line, up to " (compatibility". */
    private static List<String> dependencies(String otoolL) {
        return otoolL.lines().filter(l -> l.startsWith("\t")).map(l -> l.trim().replaceFirst(" \\(compatibility.*", ""))
                .toList();
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in " + text);
        return m.group(1);
    }

    private static String[] concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toArray(String[]::new);
    }

    private static Optional<String> firstOnPath(String... names) {
        return Arrays.stream(names).filter(NativeTools::onPath).findFirst();
    }
}
