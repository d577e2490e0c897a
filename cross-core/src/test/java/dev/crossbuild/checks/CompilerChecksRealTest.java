package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.Value;
import dev.crossbuild.testing.RealCompilers;
import dev.crossbuild.toolchain.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiler checks with the real cross compilers of this machine; nothing they build is run. */
class CompilerChecksRealTest {

    private static final CheckRequest SIZES = new CheckRequest(
            List.of("long", "void*", "int", "long long", "long double"), List.of("double", "long long"),
            List.of(), List.of(), List.of());

    @TempDir
    Path work;

    private final RealCompilers.Recording runner = new RealCompilers.Recording();

    private CheckResults sizes(Compiler compiler, String... args) throws CheckException {
        return new CompilerChecks(runner).run(compiler, List.of(args), SIZES, Map.of(), work);
    }

    @Test
    void aarch64GccAnswersAllSizesAndAlignmentsFromOneCompile() throws CheckException {
        CheckResults results = sizes(RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), "-O2");

        assertEquals(Map.of("long", 8, "void*", 8, "int", 4, "long long", 8, "long double", 16), results.sizeof());
        assertEquals(Map.of("double", 8, "long long", 8), results.alignment());
        assertEquals(1, results.compilerRuns());
        assertEquals(1, runner.count.get());
        assertTrue(runner.commands.get(0).contains("-c"), runner.commands.toString());
    }

    @Test
    void armhfGccHas32BitLongAndPointersButAlignsDoubleTo8() throws CheckException {
        CheckResults results = sizes(RealCompilers.gcc("arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf"), "-O2");

        assertEquals(Map.of("long", 4, "void*", 4, "int", 4, "long long", 8, "long double", 8), results.sizeof());
        assertEquals(Map.of("double", 8, "long long", 8), results.alignment());
        assertEquals(1, results.compilerRuns());
    }

    @Test
    void riscv64Gcc() throws CheckException {
        CheckResults results = sizes(RealCompilers.gcc("riscv64-linux-gnu-gcc", "riscv64-linux-gnu"), "-O2");

        assertEquals(Map.of("long", 8, "void*", 8, "int", 4, "long long", 8, "long double", 16), results.sizeof());
        assertEquals(1, results.compilerRuns());
    }

    @Test
    void mingwIsLlp64AndItsPeCoffObjectIsRead() throws CheckException {
        CheckResults results = sizes(RealCompilers.gcc("x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32"), "-O2");

        assertEquals(Map.of("long", 4, "void*", 8, "int", 4, "long long", 8, "long double", 16), results.sizeof());
        assertEquals(Map.of("double", 8, "long long", 8), results.alignment());
        assertEquals(1, results.compilerRuns());
        byte[] object = readObject("cross-checks-c.o");
        assertEquals(0x8664, (object[0] & 0xff) | (object[1] & 0xff) << 8, "an AMD64 COFF object");
    }

    @Test
    void clangWithATargetTriple() throws CheckException {
        CheckResults results = sizes(RealCompilers.clang("aarch64-linux-gnu"), "-O2");

        assertEquals(Map.of("long", 8, "void*", 8, "int", 4, "long long", 8, "long double", 16), results.sizeof());
        assertEquals(Map.of("double", 8, "long long", 8), results.alignment());
        assertEquals(1, results.compilerRuns());
    }

    @Test
    void ltoInTheArgumentsDoesNotHideTheMarkers() throws CheckException {
        CheckResults results = sizes(RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), "-O2", "-flto", "-g3");

        assertEquals(8, results.sizeof().get("long"));
        assertEquals(1, results.compilerRuns());
    }

    @Test
    void cxxCompilerAnswersToo() throws CheckException {
        CheckRequest request = new CheckRequest(List.of("long", "bool", "std::size_t"), List.of("double"),
                List.of("cstddef"), List.of("printf"), List.of("__cplusplus"));
        CheckResults results = new CompilerChecks(runner).run(
                RealCompilers.gxx("aarch64-linux-gnu-g++", "aarch64-linux-gnu"), List.of("-O2", "-std=c++17"),
                request, Map.of(), work);

        assertEquals(Map.of("long", 8, "bool", 1, "std::size_t", 8), results.sizeof());
        assertEquals(Map.of("double", 8), results.alignment());
        assertEquals(Map.of("cstddef", true), results.headers());
        assertEquals(Map.of("printf", true), results.functions());
        assertEquals(Map.of("__cplusplus", Optional.of("201703L")), results.defines());
        assertEquals(2, results.compilerRuns(), "one compile, one link");
    }

    @Test
    void aMachOObjectFromClangIsRead() throws CheckException {
        // No macOS SDK here: clang's own stddef.h works; its stdint.h reaches for the SDK's and fails (on Debian
        // and Ubuntu). The error points at our #include of it; that include is dropped and a second compile answers.
        CheckResults results = sizes(RealCompilers.clang("arm64-apple-macos11"), "-O2");

        assertEquals(Map.of("long", 8, "void*", 8, "int", 4, "long long", 8, "long double", 8), results.sizeof());
        assertTrue(results.compilerRuns() <= 2, "at most one retry: " + results.compilerRuns());
        byte[] object = readObject("cross-checks-c.o");
        assertEquals(0xfeedfacf, java.nio.ByteBuffer.wrap(object, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(),
                "a 64-bit Mach-O object");
    }

    @Test
    void headersFunctionsAndDefinesOfAarch64() throws CheckException {
        CheckRequest request = new CheckRequest(List.of("struct timespec"), List.of(),
                List.of("stdint.h", "nosuch.h", "time.h", "sys/types.h"),
                List.of("printf", "no_such_function_xyz", "clock_gettime", "alloca"),
                List.of("__aarch64__", "__x86_64__", "__SIZEOF_LONG__", "__VERSION__", "_POSIX_C_SOURCE"));
        CheckResults results = new CompilerChecks(runner).run(
                RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of("-O2"), request, Map.of(), work);

        assertEquals(Map.of("struct timespec", 16), results.sizeof());
        assertEquals(List.of(true, false, true, true), List.copyOf(results.headers().values()));
        assertEquals(List.of(true, false, true, true), List.copyOf(results.functions().values()),
                "alloca is a compiler built-in, as Meson answers");
        assertEquals(Optional.of("1"), results.defines().get("__aarch64__"));
        assertEquals(Optional.empty(), results.defines().get("__x86_64__"));
        assertEquals(Optional.of("8"), results.defines().get("__SIZEOF_LONG__"));
        assertTrue(results.defines().get("__VERSION__").orElseThrow().matches("\"\\d+\\.[^\"]*\""),
                results.defines().toString());
        assertEquals(Optional.of("200809L"), results.defines().get("_POSIX_C_SOURCE"), "set by the included headers");
        // one compile; one link of all functions (two undefined); one link confirming the rest
        assertEquals(3, results.compilerRuns());
    }

    @Test
    void anUnknownTypeIsMinusOneAndCostsOneMoreCompile() throws CheckException {
        CheckRequest request = new CheckRequest(List.of("long", "struct nosuch", "nosuch_t"), List.of("struct nosuch", "short"),
                List.of(), List.of(), List.of());
        CheckResults results = new CompilerChecks(runner).run(
                RealCompilers.gcc("arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf"), List.of(), request, Map.of(), work);

        assertEquals(List.of(4, -1, -1), List.copyOf(results.sizeof().values()));
        assertEquals(List.of(-1, 2), List.copyOf(results.alignment().values()));
        assertEquals(2, results.compilerRuns());
        assertEquals("""
                /* cross_config.h: generated by cross from compiler checks with gcc test for arm-linux-gnueabihf. \
                Do not edit: the setup goal rewrites it. */
                #ifndef CROSS_CONFIG_H
                #define CROSS_CONFIG_H

                #define SIZEOF_LONG 4
                /* #undef SIZEOF_STRUCT_NOSUCH */
                /* #undef SIZEOF_NOSUCH_T */

                /* #undef ALIGNOF_STRUCT_NOSUCH */
                #define ALIGNOF_SHORT 2

                #endif /* CROSS_CONFIG_H */
                """, results.configHeader());
    }

    @Test
    void aPropertiesOverrideAnswersWithoutTheLinker() throws CheckException {
        CheckRequest request = new CheckRequest(List.of("long"), List.of(), List.of(), List.of("printf", "puts"), List.of());
        CheckResults results = new CompilerChecks(runner).run(
                RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of(), request,
                Map.of("has_function_printf", Value.of(false), "sizeof_long", Value.of(16)), work);

        assertEquals(Map.of("printf", false, "puts", true), results.functions());
        assertEquals(Map.of("long", 16), results.sizeof());
        assertEquals(2, results.compilerRuns(), "probe compile + link for puts only");
        String linkSource = new String(readObject("cross-checks-c-link.c"));
        assertTrue(linkSource.contains("puts") && !linkSource.contains("printf"), linkSource);
    }

    @Test
    void everythingOverriddenRunsNoCompiler() throws CheckException {
        CheckRequest request = new CheckRequest(List.of("void*"), List.of("double"), List.of(), List.of("printf"), List.of());
        CheckResults results = new CompilerChecks(runner).run(
                RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of(), request,
                Map.of("has_function_printf", Value.of(true), "sizeof_void*", Value.of(8), "alignment_double", Value.of(4)),
                work);

        assertEquals(Map.of("void*", 8), results.sizeof());
        assertEquals(Map.of("double", 4), results.alignment());
        assertEquals(Map.of("printf", true), results.functions());
        assertEquals(0, results.compilerRuns());
        assertEquals(0, runner.count.get());
    }

    @Test
    void aBrokenCompilerIsACheckExceptionWithItsFirstErrors() {
        Compiler compiler = RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu");
        CheckException e = assertThrows(CheckException.class, () -> new CompilerChecks(runner).run(
                compiler, List.of("-fno-such-option"), SIZES, Map.of(), work));

        String argv = String.join(" ", e.command());
        assertEquals("""
                The C compiler aarch64-linux-gnu-gcc (gcc test, target aarch64-linux-gnu) cannot compile an empty \
                check program, so no compiler check can be answered. It said:
                  aarch64-linux-gnu-gcc: error: unrecognized command-line option '-fno-such-option'
                Command: %s
                Check the compiler and its arguments (c_args in [built-in options] of the cross file); the doctor \
                (mvn cross:doctor) diagnoses the toolchain.""".formatted(argv), e.getMessage());
        assertEquals(compiler, e.compiler());
        assertTrue(e.stderr().contains("-fno-such-option"), e.stderr());
        assertEquals(2, runner.count.get(), "the batch, then the empty program");
    }

    @Test
    void aLinkerThatCannotLinkIsACheckException() {
        Compiler compiler = RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu");
        CheckRequest request = new CheckRequest(List.of(), List.of(), List.of(), List.of("printf"), List.of());
        CheckException e = assertThrows(CheckException.class, () -> new CompilerChecks(runner).run(
                compiler, List.of(), List.of("-lno_such_library_xyz"), request, Map.of(), work));

        assertTrue(e.getMessage().startsWith("The C compiler aarch64-linux-gnu-gcc (gcc test, target aarch64-linux-gnu)"
                + " cannot link a program that only returns 0, so has_function checks (which need a link) cannot be"
                + " answered. It said:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_library_xyz"), e.getMessage());
        assertEquals(3, runner.count.get(), "probe compile, link of printf, empty link");
    }

    @Test
    void aCacheMakesTheSecondRunFreeAndAChangedRequestOrArgumentRecomputes() throws CheckException {
        Compiler compiler = RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu");
        CheckCache cache = CheckCache.in(work.resolve("cache"));
        CompilerChecks checks = new CompilerChecks(runner, cache);
        CheckRequest request = new CheckRequest(List.of("long"), List.of("double"), List.of("stdint.h"),
                List.of("printf"), List.of("__aarch64__"));

        CheckResults first = checks.run(compiler, List.of("-O2"), request, Map.of(), work);
        CheckResults second = checks.run(compiler, List.of("-O2"), request, Map.of(), work);

        assertEquals(2, first.compilerRuns());
        assertEquals(0, second.compilerRuns());
        assertEquals(first.withCompilerRuns(0), second);
        assertEquals(first.configHeader(), second.configHeader());
        assertEquals(2, runner.count.get());
        assertTrue(Files.exists(cache.file()));

        CheckRequest more = new CheckRequest(List.of("long", "int"), List.of("double"), List.of("stdint.h"),
                List.of("printf"), List.of("__aarch64__"));
        assertEquals(4, checks.run(compiler, List.of("-O2"), more, Map.of(), work).sizeof().get("int"));
        assertEquals(4, runner.count.get(), "a changed request recomputes");
        assertEquals(2, checks.run(compiler, List.of("-O1"), request, Map.of(), work).compilerRuns(),
                "a changed argument recomputes");
        assertEquals(0, checks.run(compiler, List.of("-O2"), request, Map.of(), work).compilerRuns(),
                "the first answers are still cached");
    }

    private byte[] readObject(String name) {
        try {
            return Files.readAllBytes(work.resolve(name));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
