package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
        assertEquals(List.of("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--no-undefined", object.toString(), "-L" + ROOT.resolve("lib"),
                "-ldemo", ROOT.resolve("lib/libutil.a").toString(), "-Wl,-rpath,$ORIGIN/../../lib", "-o",
                ROOT.resolve("test/tmp/test_a/test_a").toString()), command.argv());
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
        assertEquals(List.of("/usr/bin/x86_64-w64-mingw32-gcc", "-Wl,--no-insert-timestamp", object.toString(),
                "-L" + ROOT.resolve("lib"), "-ldemo", "-o", ROOT.resolve("test/tmp/t.exe/t.exe").toString()), command.argv());
        assertEquals(ROOT.resolve("test/bin/t.exe"), command.output());
    }
}
