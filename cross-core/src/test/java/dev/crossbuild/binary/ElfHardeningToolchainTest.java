package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the portability gate reads, on real aarch64 binaries: an executable stack asked for by the link
 * ({@code -z execstack}) or by an object without a {@code .note.GNU-stack}, text relocations (an absolute address
 * stored in {@code .text}), {@code DT_FLAGS}, and the versions of the symbols an executable needs from glibc
 * ({@code __libc_start_main@GLIBC_2.34} for every executable linked against glibc 2.34 or later).
 */
class ElfHardeningToolchainTest {

    private static final ElfTarget TARGET = ElfTarget.AARCH64;

    @TempDir
    Path dir;

    private void build(String... argv) {
        assumeTrue(TARGET.installed(), TARGET.tool("gcc") + " is not installed");
        NativeTools.run(dir, argv);
    }

    @Test
    void executableStackAskedForByTheLink() throws Exception {
        Files.writeString(dir.resolve("a.c"), "int f(int x) { return x + 1; }\n");
        build(TARGET.tool("gcc"), "-fPIC", "-shared", "-Wl,-z,execstack", "a.c", "-o", "libes.so");
        build(TARGET.tool("gcc"), "-fPIC", "-c", "a.c", "-o", "a.o");

        ElfFile library = ElfFile.read(dir.resolve("libes.so"));
        assertEquals(Optional.of(true), library.stack().segment());
        assertTrue(library.stack().executable());
        assertEquals(true, library.facts().get("executable_stack"));
        // the object itself is innocent: its note says "no executable stack"
        assertFalse(ElfFile.read(dir.resolve("a.o")).stack().objectNeedsExecutable());
    }

    @Test
    void anObjectWithoutAStackNoteIsNamedAsTheCause() throws Exception {
        // hand-written assembly without .note.GNU-stack: the linker makes the stack executable (and warns)
        Files.writeString(dir.resolve("b.s"), ".text\n.globl g\ng:\n ret\n");
        build(TARGET.tool("gcc"), "-c", "b.s", "-o", "b.o");

        ElfFile object = ElfFile.read(dir.resolve("b.o"));
        assertEquals(Optional.empty(), object.stack().note());
        assertTrue(object.stack().objectNeedsExecutable());
    }

    @Test
    void textRelocationsOfAnAbsoluteAddressInText() throws Exception {
        Files.writeString(dir.resolve("t.c"), """
                int textrel_target;
                __asm__(".text\\n.globl textrel_word\\n.p2align 3\\ntextrel_word: .quad textrel_target\\n");
                int touch(void) { return textrel_target; }
                """);
        build(TARGET.tool("gcc"), "-fPIC", "-shared", "t.c", "-o", "libtr.so");
        build(TARGET.tool("gcc"), "-fPIC", "-shared", "-xc", "/dev/null", "-o", "libclean.so");

        ElfFile library = ElfFile.read(dir.resolve("libtr.so"));
        assertTrue(library.dynamic().textrel());
        assertTrue(library.dynamic().textrelEntry());
        assertEquals(0x4, library.dynamic().flags() & 0x4, "DF_TEXTREL");
        assertEquals(true, library.facts().get("textrel"));
        assertFalse(ElfFile.read(dir.resolve("libclean.so")).dynamic().textrel());
    }

    @Test
    void anExecutableNeedsLibcStartMainAtTheToolchainsGlibcVersion() throws Exception {
        Files.writeString(dir.resolve("m.c"), """
                #include <pthread.h>
                static void *run(void *a) { return a; }
                int main(void) { pthread_t t; pthread_create(&t, 0, run, 0); return pthread_join(t, 0); }
                """);
        build(TARGET.tool("gcc"), "m.c", "-o", "m");

        ElfFile elf = ElfFile.read(dir.resolve("m"));
        ElfSymbolReference start = elf.undefinedSymbols().stream()
                .filter(u -> u.name().equals("__libc_start_main")).findFirst().orElseThrow();
        // glibc 2.34 moved libpthread into libc and gave both symbols a new version (Debian 12 has 2.36)
        assertEquals(Optional.of("GLIBC_2.34"), start.version());
        assertEquals(Optional.of("libc.so.6"), start.library());
        assertEquals("__libc_start_main@GLIBC_2.34", start.toString());
        assertTrue(elf.undefinedSymbols().stream().anyMatch(u -> u.toString().equals("pthread_create@GLIBC_2.34")),
                elf.undefinedSymbols().toString());
        assertEquals(Optional.of(0), SymbolVersion.parse("GLIBC_2.34").map(v -> v.compareTo(
                SymbolVersion.of("GLIBC", "2.34").orElseThrow())));
    }
}
