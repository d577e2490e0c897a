package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Output as gcc 12, clang 14, GNU ld 2.40, lld and ld64 print it with LC_ALL=C. */
class CheckDiagnosticsTest {

    private static final String SOURCE = "cross-checks-c.c";

    @Test
    void gccErrorsInOurSourceAndInAHeaderReachedThroughAChain() {
        CheckDiagnostics d = CheckDiagnostics.parse("""
                In file included from /usr/include/bad.h:1,
                                 from /work/target/cross-checks-c.c:12:
                /usr/include/bad2.h:1:2: error: #error "bad header"
                    1 | #error "bad header"
                      |  ^~~~~
                /usr/include/bad2.h:2:2: error: #error "and again, without a new chain"
                /work/target/cross-checks-c.c:30:56: error: invalid application of 'sizeof' to incomplete type 'struct nosuch'
                   30 | extern const char x[]; const char x[] = { (char)sizeof(struct nosuch) };
                      |                                                        ^~~~~~
                /work/target/cross-checks-c.c:31:34: error: field 'target' has incomplete type
                /work/target/cross-checks-c.c:31:10: warning: something harmless
                /work/target/cross-checks-c.c:32:1: note: not an error either
                """, SOURCE);

        assertEquals(Set.of(12, 30, 31), d.errorLines());
        assertFalse(d.unattributedErrors());
        assertEquals(4, d.errorMessages().size());
    }

    @Test
    void clangChainsHaveOneLinePerLevel() {
        CheckDiagnostics d = CheckDiagnostics.parse("""
                In file included from cross-checks-c.c:9:
                In file included from /usr/lib/llvm-14/lib/clang/14.0.6/include/stdint.h:52:
                /usr/include/stdint.h:26:10: fatal error: 'bits/libc-header-start.h' file not found
                #include <bits/libc-header-start.h>
                         ^~~~~~~~~~~~~~~~~~~~~~~~~~
                1 error generated.
                """, SOURCE);

        assertEquals(Set.of(9), d.errorLines());
        assertFalse(d.unattributedErrors());
    }

    @Test
    void anErrorInAnotherHeaderAfterTheChainEndedIsNotPinnedOnIt() {
        CheckDiagnostics d = CheckDiagnostics.parse("""
                In file included from cross-checks-c.c:9:
                /usr/include/a.h:1:2: error: first
                /usr/include/other.h:1:2: error: reached some other way
                """, SOURCE);

        assertEquals(Set.of(9), d.errorLines());
        assertTrue(d.unattributedErrors());
    }

    @Test
    void driverAndCompilerErrorsWithoutALineAreUnattributed() {
        CheckDiagnostics d = CheckDiagnostics.parse("""
                aarch64-linux-gnu-gcc: error: unrecognized command-line option '-fno-such-option'
                """, SOURCE);

        assertEquals(Set.of(), d.errorLines());
        assertTrue(d.unattributedErrors());
        assertEquals(List.of("aarch64-linux-gnu-gcc: error: unrecognized command-line option '-fno-such-option'"),
                d.errorMessages());
    }

    @Test
    void werrorSummaryLinesAreNotErrorsOfTheirOwn() {
        CheckDiagnostics d = CheckDiagnostics.parse("""
                cross-checks-c.c:7:6: error: conflicting types for built-in function 'printf' [-Werror=builtin-declaration-mismatch]
                cc1: all warnings being treated as errors
                """, SOURCE);

        assertEquals(Set.of(7), d.errorLines());
        assertFalse(d.unattributedErrors());
    }

    @Test
    void coloursAreIgnored() {
        CheckDiagnostics d = CheckDiagnostics.parse(
                "\u001B[01m\u001B[Kcross-checks-c.c:4:1:\u001B[m\u001B[K \u001B[01;31m\u001B[Kerror: \u001B[m\u001B[Kbad\n",
                SOURCE);

        assertEquals(Set.of(4), d.errorLines());
    }

    @Test
    void undefinedSymbolsOfGnuLdMingwLdLldAndLd64() {
        CheckDiagnostics gnu = CheckDiagnostics.parse("""
                /usr/bin/aarch64-linux-gnu-ld: /tmp/ccMUd3ep.o: in function `main':
                cross-checks-c-link.c:(.text.startup+0x14): undefined reference to `no_such_function_xyz'
                collect2: error: ld returned 1 exit status
                """, "cross-checks-c-link.c");
        CheckDiagnostics mingw = CheckDiagnostics.parse("""
                /usr/bin/x86_64-w64-mingw32-ld: /tmp/cc.o:l.c:(.text+0x20): undefined reference to `no_such_function_xyz'
                /usr/bin/x86_64-w64-mingw32-ld: /tmp/cc.o:l.c:(.text+0x2b): undefined reference to `lchmod'
                """, SOURCE);
        CheckDiagnostics lld = CheckDiagnostics.parse("""
                ld.lld: error: undefined symbol: no_such_function_xyz
                >>> referenced by l.c
                clang: error: linker command failed with exit code 1 (use -v to see invocation)
                """, SOURCE);
        CheckDiagnostics ld64 = CheckDiagnostics.parse("""
                Undefined symbols for architecture arm64:
                  "_no_such_function_xyz", referenced from:
                      _main in l-1.o
                """, SOURCE);

        assertEquals(Set.of("no_such_function_xyz"), gnu.undefinedSymbols());
        assertEquals(Set.of(), gnu.errorLines());
        assertEquals(Set.of("no_such_function_xyz", "lchmod"), mingw.undefinedSymbols());
        assertEquals(Set.of("no_such_function_xyz"), lld.undefinedSymbols());
        assertEquals(Set.of("no_such_function_xyz"), ld64.undefinedSymbols());
    }
}
