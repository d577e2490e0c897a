package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A custom standard library (Meson's c_stdlib): how every host target is compiled and linked with it. */
class StandardLibrariesTest {

    private static final Machine BARE_ARM = Machine.of("none", "arm", "arm7tdmi", Endian.LITTLE);
    private static final Compiler GCC = new Compiler(Language.C, new Tool("c", List.of("/usr/bin/arm-none-eabi-gcc"),
            "test"), new CompilerId("gcc", "12.2.1", "arm-none-eabi", Optional.empty()));
    private static final Compiler GXX = new Compiler(Language.CPP, new Tool("cpp",
            List.of("/usr/bin/arm-none-eabi-g++"), "test"), new CompilerId("gcc", "12.2.1", "arm-none-eabi",
            Optional.empty()));
    private static final Path ROOT = Path.of("/p/target/cross/none-arm_32");

    private static SetupState setup(Map<String, Object> properties) {
        return SetupStates.of(BARE_ARM, List.of(GCC, GXX), Map.of(), properties, Map.of());
    }

    private static final SetupState TINYC = setup(Map.of("c_stdlib", List.of("tinyc", "tinyc_dep")));

    private static NativeTarget library(String name, TargetKind kind, String... libraries) {
        return NativeTarget.builder(name, kind).sourceDirectories(List.of(Path.of("/p/" + name + "/src")))
                .includeDirectories(List.of(Path.of("/p/" + name + "/include"))).libraries(List.of(libraries)).build();
    }

    private static NativeTarget named(List<NativeTarget> targets, String name, TargetKind kind) {
        return targets.stream().filter(t -> t.name().equals(name) && t.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void everyHostTargetGetsTheLibrarysHeadersAndLinksItButTheLibraryAndWhatItLinks() {
        NativeTarget tinyc = library("tinyc", TargetKind.STATIC_LIBRARY, "tinyrt");
        NativeTarget tinyrt = library("tinyrt", TargetKind.STATIC_LIBRARY);
        NativeTarget greet = library("greet", TargetKind.STATIC_LIBRARY);
        NativeTarget hello = NativeTarget.builder("hello", TargetKind.EXECUTABLE).libraries(List.of("greet")).build();
        NativeTarget tinycTool = NativeTarget.builder("tinyc", TargetKind.EXECUTABLE).build(); // may share its name
        NativeTarget tool = NativeTarget.builder("gen", TargetKind.EXECUTABLE).machine(MachineRole.BUILD).build();

        List<NativeTarget> wired = StandardLibraries.apply(TINYC, List.of(tinyc, tinyrt, greet, hello, tinycTool, tool));

        Path headers = Path.of("/p/tinyc/include");
        assertEquals(List.of(headers), named(wired, "tinyc", TargetKind.STATIC_LIBRARY).includeDirectories());
        assertEquals(List.of("tinyrt"), named(wired, "tinyc", TargetKind.STATIC_LIBRARY).libraries());
        assertEquals(List.of(Path.of("/p/tinyrt/include"), headers),
                named(wired, "tinyrt", TargetKind.STATIC_LIBRARY).includeDirectories());
        assertEquals(List.of(), named(wired, "tinyrt", TargetKind.STATIC_LIBRARY).libraries(), "tinyc links it");
        assertEquals(List.of(Path.of("/p/greet/include"), headers),
                named(wired, "greet", TargetKind.STATIC_LIBRARY).includeDirectories());
        assertEquals(List.of("tinyc"), named(wired, "greet", TargetKind.STATIC_LIBRARY).libraries());
        assertEquals(List.of("greet", "tinyc"), named(wired, "hello", TargetKind.EXECUTABLE).libraries());
        assertEquals(List.of("tinyc"), named(wired, "tinyc", TargetKind.EXECUTABLE).libraries());
        assertEquals(tool, wired.get(5), "the build machine's tools keep their toolchain's library");
        assertEquals(wired, StandardLibraries.apply(TINYC, wired), "applied twice, nothing more changes");
    }

    @Test
    void theLibraryComesLastOnTheLinkLineAfterTheLibrariesThatNeedIt() throws LinkException {
        List<NativeTarget> wired = StandardLibraries.apply(TINYC, List.of(library("tinyc", TargetKind.STATIC_LIBRARY),
                library("greet", TargetKind.STATIC_LIBRARY), NativeTarget.builder("hello", TargetKind.EXECUTABLE)
                        .libraries(List.of("greet")).build()));
        LinkOrder order = LinkOrder.of(wired);
        NativeTarget hello = named(wired, "hello", TargetKind.EXECUTABLE);

        assertEquals(List.of("greet", "tinyc"), order.linkedLibraries(hello).stream().map(NativeTarget::name).toList());
        LinkCommand command = new LinkPlanner(new BuildLayout(ROOT), TINYC).plan(hello,
                List.of(ROOT.resolve("obj/executable/hello/hello.c.o")), false, order.linkedLibraries(hello), List.of());
        List<String> argv = command.argv();
        assertEquals("-nostdlib", argv.get(3), String.join(" ", argv)); // after b_asneeded and b_lundef
        assertEquals(List.of("obj/executable/hello/hello.c.o", "lib/libgreet.a", "lib/libtinyc.a", "-o"),
                argv.subList(4, 8));
    }

    @Test
    void sourcesOfTheLanguageCompileWithoutTheToolchainsHeaders() throws CompileException {
        NativeTarget hello = NativeTarget.builder("hello", TargetKind.EXECUTABLE).build();
        SourceFile c = new SourceFile(Path.of("/p/src/hello.c"), Path.of("hello.c"), Language.C);
        SourceFile cpp = new SourceFile(Path.of("/p/src/extra.cpp"), Path.of("extra.cpp"), Language.CPP);

        CompilePlanner planner = new CompilePlanner(TINYC);
        assertEquals(List.of("/usr/bin/arm-none-eabi-gcc", "-nostdinc"),
                planner.plan(hello, c, ROOT, List.of(), List.of()).argv().subList(0, 2));
        assertEquals(false, planner.plan(hello, cpp, ROOT, List.of(), List.of()).argv().contains("-nostdinc"),
                "c_stdlib is C's: C++ keeps its headers");
        CompilePlanner both = new CompilePlanner(setup(Map.of("c_stdlib", "tinyc", "cpp_stdlib", "tinycxx")));
        assertEquals("-nostdinc++", both.plan(hello, cpp, ROOT, List.of(), List.of()).argv().get(1));

        NativeTarget tool = NativeTarget.builder("gen", TargetKind.EXECUTABLE).machine(MachineRole.BUILD).build();
        assertEquals(false, planner.plan(tool, c, ROOT, List.of(), List.of()).argv().contains("-nostdinc"));
        assertEquals(Map.of(Language.C, "tinyc"), StandardLibraries.named(TINYC));
        assertEquals(Map.of(), StandardLibraries.named(setup(Map.of())));
    }

    @Test
    void withoutAStandardLibraryNothingChanges() {
        List<NativeTarget> targets = List.of(library("greet", TargetKind.STATIC_LIBRARY));
        assertEquals(targets, StandardLibraries.apply(setup(Map.of()), targets));
        assertEquals(targets, StandardLibraries.apply(TINYC, targets), "test programs are compiled without it");
    }
}
