package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portability policy's values, the system library tables and the problem records, without a toolchain. */
class PortabilityPolicyTest {

    private static PortabilityPolicy policy(String maxGlibc, String maxGlibcxx, String... allowed) {
        return new PortabilityPolicy(false, false, Optional.ofNullable(maxGlibc), Optional.ofNullable(maxGlibcxx),
                List.of(allowed), List.of(Path.of("module")));
    }

    @Test
    void versionLimitsAreDottedNumbers() {
        assertEquals("maxGlibc 2.28, maxGlibcxx 3.4.25", policy(" 2.28 ", "3.4.25").limits());
        assertEquals("", policy(" ", null).limits());
        assertEquals(Optional.empty(), policy(" ", null).maxGlibc());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> policy("GLIBC_2.28", null));
        assertEquals("<portability><maxGlibc> is 'GLIBC_2.28'; give the version as dotted numbers, e.g. 2.28 (for "
                + "GLIBC_2.28)", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy(null, "3.4.x"));
    }

    @Test
    void allowedLibrariesAreFileNames() {
        assertEquals(List.of("libz.so.1", "zlib1.dll"), policy(null, null, " libz.so.1", "zlib1.dll ").allowedLibraries());
        IllegalArgumentException path = assertThrows(IllegalArgumentException.class,
                () -> policy(null, null, "/usr/lib/libz.so.1"));
        assertTrue(path.getMessage().startsWith("<allowedLibraries> holds '/usr/lib/libz.so.1'; give a library's file "
                + "name"), path.getMessage());
        assertThrows(IllegalArgumentException.class, () -> policy(null, null, ""));
    }

    @Test
    void theKeyIsWhatTheFindingsDependOnAndSurvivesJson() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("checks", PortabilityPolicy.CHECKS_VERSION);
        key.put("max_glibc", "2.17");
        key.put("max_glibcxx", null);
        key.put("allowed_libraries", List.of("libz.so.1"));
        assertEquals(key, policy("2.17", null, "libz.so.1").key());
        // enforce and the build folders are not part of it
        assertEquals(policy("2.17", null).key(), new PortabilityPolicy(false, true, Optional.of("2.17"),
                Optional.empty(), List.of(), List.of()).key());
        assertEquals(PortabilityPolicy.defaults(List.of()).key().get("max_glibc"), null);
    }

    @Test
    void linuxSystemLibrariesAreGlibcMuslAndTheGccRuntime() {
        SystemLibraries linux = SystemLibraries.of("linux").orElseThrow();
        for (String library : List.of("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                "ld-linux-aarch64.so.1", "ld-linux-x86-64.so.2", "ld-linux-armhf.so.3", "ld-linux-riscv64-lp64d.so.1",
                "ld64.so.2", "libgcc_s.so.1", "libstdc++.so.6", "libatomic.so.1", "libc.so",
                "libc.musl-aarch64.so.1")) {
            assertTrue(linux.contains(library), library);
        }
        for (String library : List.of("libz.so.1", "libssl.so.3", "libX11.so.6", "libnsl.so.1", "libjvm.so",
                "LIBC.SO.6")) {
            assertFalse(linux.contains(library), library);
        }
    }

    @Test
    void windowsSystemDllsIgnoreCaseAndMingwRuntimeDllsAreNotAmongThem() {
        SystemLibraries windows = SystemLibraries.of("windows").orElseThrow();
        for (String dll : List.of("KERNEL32.dll", "kernel32.DLL", "msvcrt.dll", "USER32.dll", "WS2_32.dll",
                "api-ms-win-crt-runtime-l1-1-0.dll", "ucrtbase.dll", "bcrypt.dll")) {
            assertTrue(windows.contains(dll), dll);
        }
        for (String dll : List.of("libstdc++-6.dll", "libgcc_s_seh-1.dll", "libwinpthread-1.dll", "zlib1.dll",
                "VCRUNTIME140.dll")) {
            assertFalse(windows.contains(dll), dll);
        }
        assertTrue(SystemLibraries.isMingwRuntime("LIBSTDC++-6.DLL"));
        assertTrue(SystemLibraries.isMingwRuntime("libwinpthread-1.dll"));
        assertFalse(SystemLibraries.isMingwRuntime("KERNEL32.dll"));
    }

    @Test
    void macosSystemLibrariesAreWhatTheSharedCacheHolds() {
        SystemLibraries darwin = SystemLibraries.of("darwin").orElseThrow();
        assertTrue(darwin.contains("/usr/lib/libSystem.B.dylib"));
        assertTrue(darwin.contains("/System/Library/Frameworks/CoreFoundation.framework/Versions/A/CoreFoundation"));
        assertFalse(darwin.contains("@rpath/libdemo.dylib"));
        assertFalse(darwin.contains("/opt/homebrew/lib/libz.1.dylib"));
        assertEquals(Optional.empty(), SystemLibraries.of("freebsd"));
    }

    @Test
    void globsMatchWholeFileNames() {
        assertTrue(SystemLibraries.glob("libz.so.*", false).matcher("libz.so.1").matches());
        assertFalse(SystemLibraries.glob("libz.so.*", false).matcher("libzstd.so.1").matches());
        assertTrue(SystemLibraries.glob("lib?.so", false).matcher("libz.so").matches());
        assertTrue(SystemLibraries.glob("a+b(c).dll", true).matcher("A+B(C).DLL").matches());
        assertEquals("libdemo.dylib", SystemLibraries.fileName("@rpath/libdemo.dylib"));
    }

    @Test
    void problemsRoundTripThroughTheirJson() {
        PortabilityProblem problem = new PortabilityProblem("bin/tool", PortabilityProblem.GLIBC,
                "pthread_create@GLIBC_2.34", "pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17",
                List.of("obj/tool/main.c.o"), "Build against an older C library.");
        assertEquals(problem, PortabilityProblem.fromJson("bin/tool", problem.toJson()));
        assertEquals("bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17", problem.line());
        assertThrows(IllegalArgumentException.class, () -> PortabilityProblem.fromJson("x", Map.of("check", 1)));
        assertThrows(IllegalArgumentException.class, () -> PortabilityProblem.fromJson("x", List.of()));
    }
}
