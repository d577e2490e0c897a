package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test programs live in {@code test/} and link the module's libraries where native-link put them. */
class LinkPlannerTestLayoutTest {

    private static final Path ROOT = Path.of("/p/target/cross/c");
    private static final BuildLayout MODULE = new BuildLayout(ROOT);
    private static final BuildLayout TESTS = MODULE.test();

    @Test
    void theTestLayoutIsASubtreeOfTheModuleLayout() {
        assertEquals(ROOT.resolve("test"), TESTS.root());
        assertEquals(ROOT.resolve("test/bin"), TESTS.bin());
        assertEquals(ROOT.resolve("test/obj/executable/t"), TESTS.objects(target("t", TargetKind.EXECUTABLE)));
    }

    @Test
    void aTestProgramLinksTheModuleLibrariesAndFindsThemThroughItsRpath() throws LinkException {
        LinkPlanner planner = new LinkPlanner(TESTS, MODULE, TestSetups.setup(ROOT, TestSetups.LINUX_ARM64,
                TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu"), Map.of()));
        NativeTarget demo = target("demo", TargetKind.SHARED_LIBRARY);
        NativeTarget util = target("util", TargetKind.STATIC_LIBRARY);
        Path object = ROOT.resolve("test/obj/test_a/test_a.c.o");
        LinkCommand command = planner.plan(target("test_a", TargetKind.EXECUTABLE, "demo", "util"), List.of(object),
                false, List.of(demo, util), List.of());
        // run in the module's layout, which holds the test layout: every path relative to it
        assertEquals(ROOT, command.directory());
        assertEquals(List.of("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "test/obj/test_a/test_a.c.o",
                "-Llib", "-ldemo", "lib/libutil.a", "-Wl,-rpath,$ORIGIN/../../lib", "-o", "test/tmp/test_a/test_a"),
                command.argv());
        assertEquals(ROOT.resolve("test/bin/test_a"), command.output());
        assertEquals(List.of(object, ROOT.resolve("lib/libdemo.so"), ROOT.resolve("lib/libutil.a")), command.inputs());
    }

    @Test
    void aWindowsTestProgramLinksTheImportLibraryOfTheModule() throws LinkException {
        LinkPlanner planner = new LinkPlanner(TESTS, MODULE, TestSetups.setup(ROOT, TestSetups.WINDOWS_X64,
                TestSetups.gnu(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32"), Map.of()));
        Path object = ROOT.resolve("test/obj/t/t.c.o");
        LinkCommand command = planner.plan(target("t", TargetKind.EXECUTABLE, "demo"), List.of(object), false,
                List.of(target("demo", TargetKind.SHARED_LIBRARY)), List.of());
        List<String> expected = new ArrayList<>(List.of("/usr/bin/x86_64-w64-mingw32-gcc",
                "-Wl,--no-insert-timestamp", "test/obj/t/t.c.o", "-Llib", "-ldemo"));
        expected.addAll(LinkPlanner.DEFAULT_WINLIBS); // Meson's c_winlibs end every Windows link
        expected.addAll(List.of("-o", "test/tmp/t.exe/t.exe"));
        assertEquals(expected, command.argv());
        assertEquals(ROOT.resolve("test/bin/t.exe"), command.output());
    }
}
