package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.MachineRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkOrderTest {

    static NativeTarget target(String name, TargetKind kind, String... libraries) {
        return target(name, kind, MachineRole.HOST, libraries);
    }

    static NativeTarget target(String name, TargetKind kind, MachineRole machine, String... libraries) {
        return NativeTarget.builder(name, kind).libraries(List.of(libraries)).machine(machine).build();
    }

    private static List<String> names(List<NativeTarget> targets) {
        return targets.stream().map(NativeTarget::name).toList();
    }

    @Test
    void librariesAreLinkedBeforeTheTargetsThatLinkThem() throws LinkException {
        LinkOrder order = LinkOrder.of(List.of(
                target("tool", TargetKind.EXECUTABLE, "demo"),
                target("demo", TargetKind.SHARED_LIBRARY, "util"),
                target("util", TargetKind.STATIC_LIBRARY),
                target("other", TargetKind.SHARED_LIBRARY)));
        assertEquals(List.of("util", "demo", "tool", "other"), names(order.buildOrder()));
    }

    @Test
    void linkedLibrariesAreTransitiveWithDependentsFirstInDeclaredOrder() throws LinkException {
        NativeTarget tool = target("tool", TargetKind.EXECUTABLE, "a", "b");
        NativeTarget a = target("a", TargetKind.STATIC_LIBRARY, "c");
        LinkOrder order = LinkOrder.of(List.of(tool, a,
                target("b", TargetKind.STATIC_LIBRARY, "c", "d"),
                target("c", TargetKind.STATIC_LIBRARY, "d"),
                target("d", TargetKind.STATIC_LIBRARY)));
        assertEquals(List.of("a", "b", "c", "d"), names(order.linkedLibraries(tool)));
        assertEquals(List.of("c", "d"), names(order.linkedLibraries(a)));
        assertEquals(List.of("d", "c", "a", "b", "tool"), names(order.buildOrder()));
    }

    @Test
    void aDependencyDeclaredFirstStillComesAfterItsDependents() throws LinkException {
        NativeTarget tool = target("tool", TargetKind.EXECUTABLE, "base", "top");
        LinkOrder order = LinkOrder.of(List.of(tool,
                target("top", TargetKind.STATIC_LIBRARY, "base"),
                target("base", TargetKind.STATIC_LIBRARY)));
        assertEquals(List.of("top", "base"), names(order.linkedLibraries(tool)));
    }

    @Test
    void aTargetWithoutLibrariesLinksNone() throws LinkException {
        NativeTarget demo = target("demo", TargetKind.SHARED_LIBRARY);
        assertEquals(List.of(), LinkOrder.of(List.of(demo)).linkedLibraries(demo));
    }

    @Test
    void anUnknownLibraryNamesTheTargetAndTheElement() {
        LinkException e = assertThrows(LinkException.class, () -> LinkOrder.of(List.of(
                target("tool", TargetKind.EXECUTABLE, "dmeo"),
                target("demo", TargetKind.SHARED_LIBRARY),
                target("util", TargetKind.STATIC_LIBRARY))));
        assertEquals("<executable> tool: <library>dmeo</library> is not a library of this module (its libraries: "
                + "demo, util); declare it under <libraries> or correct the name.", e.getMessage());
        assertEquals(Optional.of("tool"), e.target());
    }

    @Test
    void anUnknownLibraryInAModuleWithoutLibraries() {
        LinkException e = assertThrows(LinkException.class,
                () -> LinkOrder.of(List.of(target("tool", TargetKind.EXECUTABLE, "demo"))));
        assertEquals("<executable> tool: <library>demo</library> is not a library of this module (it has none); "
                + "declare it under <libraries> or correct the name.", e.getMessage());
    }

    @Test
    void anExecutableCannotBeLinked() {
        LinkException e = assertThrows(LinkException.class, () -> LinkOrder.of(List.of(
                target("demo", TargetKind.SHARED_LIBRARY, "tool"), target("tool", TargetKind.EXECUTABLE))));
        assertEquals("<library> demo: <library>tool</library> names an executable; only libraries can be linked.",
                e.getMessage());
    }

    @Test
    void aLibraryCannotLinkItself() {
        LinkException e = assertThrows(LinkException.class,
                () -> LinkOrder.of(List.of(target("demo", TargetKind.SHARED_LIBRARY, "demo"))));
        assertEquals("<library> demo: <library>demo</library> names the library itself; remove it.", e.getMessage());
    }

    @Test
    void aCycleIsReportedWithItsPath() {
        LinkException e = assertThrows(LinkException.class, () -> LinkOrder.of(List.of(
                target("tool", TargetKind.EXECUTABLE, "a"),
                target("a", TargetKind.SHARED_LIBRARY, "b"),
                target("b", TargetKind.STATIC_LIBRARY, "c"),
                target("c", TargetKind.STATIC_LIBRARY, "a"))));
        assertEquals("<library> c: <library>a</library> closes a cycle (a -> b -> c -> a); libraries cannot link each "
                + "other in a circle, remove one of these <library> entries.", e.getMessage());
        assertEquals(Optional.of("c"), e.target());
    }

    @Test
    void aHostTargetCannotLinkABuildMachineLibrary() {
        LinkException e = assertThrows(LinkException.class, () -> LinkOrder.of(List.of(
                target("tool", TargetKind.EXECUTABLE, "gen"),
                target("gen", TargetKind.STATIC_LIBRARY, MachineRole.BUILD))));
        assertEquals("<executable> tool: <library>gen</library> is built for the build machine, tool for the host "
                + "machine; a target can only link libraries of its own machine.", e.getMessage());
    }

    @Test
    void twoLibrariesWithOneName() {
        LinkException e = assertThrows(LinkException.class, () -> LinkOrder.of(List.of(
                target("demo", TargetKind.SHARED_LIBRARY), target("demo", TargetKind.STATIC_LIBRARY))));
        assertEquals("Two <library>s are named 'demo' (the 1st and the 2nd of <libraries>); give each <library> a "
                + "name of its own (a library and an executable may share one).", e.getMessage());
    }

    @Test
    void aLibraryAndAnExecutableMayShareANameAndTheExecutableLinksTheLibrary() throws LinkException {
        NativeTarget library = target("lua", TargetKind.SHARED_LIBRARY);
        NativeTarget executable = target("lua", TargetKind.EXECUTABLE, "lua");
        LinkOrder order = LinkOrder.of(List.of(executable, library));
        assertEquals(List.of(library, executable), order.buildOrder());
        assertEquals(List.of(library), order.linkedLibraries(executable));
    }
}
