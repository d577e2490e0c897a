package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripPlannerTest {

    private static final Path ROOT = Path.of("/p/c");
    private static final Path FILE = ROOT.resolve("tmp/demo/libdemo.so");
    private static final Path DEBUG = ROOT.resolve("tmp/demo/libdemo.so.debug");

    @Test
    void elfKeepsDebugStripsAndLinks() throws LinkException {
        SetupState setup = TestSetups.setup(ROOT, TestSetups.LINUX_ARM64,
                TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu"), Map.of());
        StripPlan plan = StripPlanner.plan(setup, target("demo", TargetKind.SHARED_LIBRARY), FILE, DEBUG).orElseThrow();
        assertFalse(plan.copyAsDebugFile());
        assertEquals(List.of(
                List.of("/usr/bin/aarch64-linux-gnu-objcopy", "--only-keep-debug", FILE.toString(), DEBUG.toString()),
                List.of("/usr/bin/aarch64-linux-gnu-strip", "--strip-unneeded", FILE.toString()),
                List.of("/usr/bin/aarch64-linux-gnu-objcopy", "--add-gnu-debuglink=" + DEBUG, FILE.toString())),
                plan.commands());
    }

    @Test
    void executablesAreStrippedTheSameWay() throws LinkException {
        SetupState setup = TestSetups.setup(ROOT, TestSetups.LINUX_ARMHF,
                TestSetups.gnu(TestSetups.LINUX_ARMHF, "arm-linux-gnueabihf"), Map.of());
        StripPlan plan = StripPlanner.plan(setup, target("tool", TargetKind.EXECUTABLE), FILE, DEBUG).orElseThrow();
        assertEquals(List.of("/usr/bin/arm-linux-gnueabihf-strip", "--strip-unneeded", FILE.toString()),
                plan.commands().get(1));
    }

    @Test
    void peKeepsTheUnstrippedFileAsDebugFile() throws LinkException {
        SetupState setup = TestSetups.setup(ROOT, TestSetups.WINDOWS_X64,
                TestSetups.gnu(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32"), Map.of());
        Path dll = ROOT.resolve("tmp/demo/demo.dll");
        Path debug = ROOT.resolve("tmp/demo/demo.dll.debug");
        StripPlan plan = StripPlanner.plan(setup, target("demo", TargetKind.SHARED_LIBRARY), dll, debug).orElseThrow();
        assertTrue(plan.copyAsDebugFile());
        assertEquals(List.of(
                List.of("/usr/bin/x86_64-w64-mingw32-strip", "--strip-all", dll.toString()),
                List.of("/usr/bin/x86_64-w64-mingw32-objcopy", "--add-gnu-debuglink=" + debug, dll.toString())),
                plan.commands());
    }

    @Test
    void staticArchivesAndMachOAreNotStripped() throws LinkException {
        SetupState linux = TestSetups.setup(ROOT, TestSetups.LINUX_ARM64,
                TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu"), Map.of());
        assertEquals(Optional.empty(), StripPlanner.plan(linux, target("util", TargetKind.STATIC_LIBRARY), FILE, DEBUG));
        SetupState darwin = TestSetups.setup(ROOT, TestSetups.DARWIN_ARM64,
                TestSetups.gnu(TestSetups.DARWIN_ARM64, "arm64-apple-darwin"), Map.of());
        assertEquals(Optional.empty(), StripPlanner.plan(darwin, target("demo", TargetKind.SHARED_LIBRARY), FILE, DEBUG));
    }

    @Test
    void missingBinutilsNameThePackageAndTheWayOut() {
        SetupState setup = TestSetups.setup(ROOT, TestSetups.WINDOWS_X64, TestSetups.gnu(TestSetups.WINDOWS_X64,
                "x86_64-w64-mingw32", "/usr/bin/x86_64-w64-mingw32-", false), Map.of());
        LinkException e = assertThrows(LinkException.class,
                () -> StripPlanner.plan(setup, target("demo", TargetKind.SHARED_LIBRARY), FILE, DEBUG));
        assertEquals("Stripping demo needs the objcopy of the toolchain for windows/x86_64 (x86_64, little), and setup "
                + "found none: install the target binutils (Debian/Ubuntu: sudo apt-get install "
                + "binutils-mingw-w64-x86-64) or name the program in the cross file's [binaries] objcopy; or build "
                + "without stripping (-Dcross.strip=false).", e.getMessage());
        assertEquals(Optional.of("demo"), e.target());
    }
}
