package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.crossfile.OptionOverride;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's argv, element by element. */
class CompilePlannerTest {

    private static final Path OBJ = Path.of("/p/target/cross/linux-aarch_64/obj/demo");
    private static final Compiler GCC = new Compiler(Language.C, new Tool("c",
            List.of("/usr/bin/ccache", "/usr/bin/aarch64-linux-gnu-gcc"), "test"),
            new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty()));
    private static final Compiler GXX = new Compiler(Language.CPP, new Tool("cpp",
            List.of("/usr/bin/clang++", "--target=aarch64-linux-gnu"), "test"),
            new CompilerId("clang", "14.0.6", "aarch64-unknown-linux-gnu", Optional.empty()));

    private static SetupState setup(Machine host) {
        return SetupStates.of(host, List.of(GCC, GXX), Map.of("c_args", List.of("-O2", "-g"), "cpp_args", "-O1"),
                Map.of(), Map.of());
    }

    private static NativeTarget target(TargetKind kind) {
        return NativeTarget.builder("demo", kind).sourceDirectories(List.of(Path.of("/p/src/main/c")))
                .includeDirectories(List.of(Path.of("/p/src/main/include"), Path.of("/p/gen")))
                .defines(List.of("FOO=1", "BAR")).compilerArgs(List.of("-Wall", "-std=c11"))
                .linkerArgs(List.of("-lm")).dependencies(List.of("zlib")).build();
    }

    private static SourceFile source(String relative, Language language) {
        return new SourceFile(Path.of("/p/src/main/c").resolve(relative), Path.of(relative), language);
    }

    @Test
    void sharedLibraryCSourceArgvInOrder() throws CompileException {
        CompileCommand command = new CompilePlanner(setup(SetupStates.ARM64)).plan(target(TargetKind.SHARED_LIBRARY),
                source("sub/a.c", Language.C), OBJ, List.of(Path.of("/p/target/cross/linux-aarch_64/include")),
                List.of("-I/usr/include/libpng16", "-DPNG"));

        // The default options' flags (buildtype debugoptimized, warning_level 1), then the cross file's c_args.
        assertEquals(List.of("/usr/bin/ccache", "/usr/bin/aarch64-linux-gnu-gcc", "-Wall", "-Winvalid-pch", "-O2", "-g",
                "-O2", "-g", "-fPIC", "-I/p/src/main/include", "-I/p/gen", "-I/p/target/cross/linux-aarch_64/include",
                "-I/usr/include/libpng16", "-DPNG", "-DFOO=1", "-DBAR", "-Wall", "-std=c11",
                "-MD", "-MF", OBJ + "/sub/a.c.d", "-MT", OBJ + "/sub/a.c.o",
                "-c", "/p/src/main/c/sub/a.c", "-o", OBJ + "/sub/a.c.o.tmp"), command.argv());
        assertEquals(OBJ.resolve("sub/a.c.o"), command.object());
        assertEquals(OBJ.resolve("sub/a.c.o.tmp"), command.temporaryObject());
        assertEquals(OBJ.resolve("sub/a.c.d"), command.depfile());
        assertEquals(1, command.launcherLength());
        assertEquals(OBJ + "/sub/a.c.o", command.finalArgv().get(command.finalArgv().size() - 1));
        assertEquals("/usr/bin/aarch64-linux-gnu-gcc", command.compilerArgv().get(0));
        assertEquals(command.finalArgv().subList(1, command.finalArgv().size()), command.compilerArgv());
    }

    @Test
    void cppSourcesUseTheCppCompilerAndCppArgs() throws CompileException {
        CompileCommand command = new CompilePlanner(setup(SetupStates.ARM64)).plan(target(TargetKind.EXECUTABLE),
                source("b.cpp", Language.CPP), OBJ, List.of(), List.of());

        assertEquals(List.of("/usr/bin/clang++", "--target=aarch64-linux-gnu", "-Wall", "-Winvalid-pch", "-O2", "-g", "-O1",
                "-I/p/src/main/include", "-I/p/gen", "-DFOO=1", "-DBAR", "-Wall", "-std=c11",
                "-MD", "-MF", OBJ + "/b.cpp.d", "-MT", OBJ + "/b.cpp.o",
                "-c", "/p/src/main/c/b.cpp", "-o", OBJ + "/b.cpp.o.tmp"), command.argv());
        assertEquals(0, command.launcherLength());
        assertEquals(Language.CPP, command.language());
    }

    @Test
    void fPicForLibrariesButNotExecutablesNorWindows() throws CompileException {
        SourceFile a = source("a.c", Language.C);
        CompilePlanner arm = new CompilePlanner(setup(SetupStates.ARM64));
        CompilePlanner windows = new CompilePlanner(setup(SetupStates.WINDOWS));

        assertEquals(true, arm.plan(target(TargetKind.SHARED_LIBRARY), a, OBJ, List.of(), List.of()).argv().contains("-fPIC"));
        assertEquals(true, arm.plan(target(TargetKind.STATIC_LIBRARY), a, OBJ, List.of(), List.of()).argv().contains("-fPIC"));
        assertEquals(false, arm.plan(target(TargetKind.EXECUTABLE), a, OBJ, List.of(), List.of()).argv().contains("-fPIC"));
        assertEquals(false, windows.plan(target(TargetKind.SHARED_LIBRARY), a, OBJ, List.of(), List.of()).argv().contains("-fPIC"));
    }

    @Test
    void prefixMapsComeAfterTheCrossFileArgsAndBeforeTheTargetsSoTheTargetCanOverrideThem() throws CompileException {
        SourcePathMap paths = SourcePathMap.of(Path.of("/p"), List.of(Path.of("/p/target/cross/linux-aarch_64")));
        CompileCommand command = new CompilePlanner(setup(SetupStates.ARM64), paths).plan(
                target(TargetKind.SHARED_LIBRARY), source("a.c", Language.C), OBJ, List.of(), List.of());

        assertEquals(List.of("/usr/bin/ccache", "/usr/bin/aarch64-linux-gnu-gcc", "-Wall", "-Winvalid-pch", "-O2", "-g",
                "-O2", "-g", "-fPIC", "-ffile-prefix-map=/p=.", "-I/p/src/main/include", "-I/p/gen", "-DFOO=1", "-DBAR", "-Wall", "-std=c11",
                "-MD", "-MF", OBJ + "/a.c.d", "-MT", OBJ + "/a.c.o",
                "-c", "/p/src/main/c/a.c", "-o", OBJ + "/a.c.o.tmp"), command.argv());
        assertEquals(List.of("-ffile-prefix-map=/p=."), new CompilePlanner(setup(SetupStates.ARM64), paths).plan(
                target(TargetKind.EXECUTABLE), source("b.cpp", Language.CPP), OBJ, List.of(), List.of()).argv()
                .stream().filter(a -> a.contains("prefix-map")).toList(), "clang 14 has it too");
    }

    @Test
    void theSamePlanTwiceIsTheSameArgv() throws CompileException {
        CompilePlanner planner = new CompilePlanner(setup(SetupStates.ARM64));
        List<SourceFile> sources = List.of(source("a.c", Language.C), source("b.cpp", Language.CPP));
        assertEquals(planner.plan(target(TargetKind.SHARED_LIBRARY), sources, OBJ, List.of(), List.of()),
                planner.plan(target(TargetKind.SHARED_LIBRARY), sources, OBJ, List.of(), List.of()));
    }

    @Test
    void aLanguageWithoutACompilerIsAnErrorSayingWhatToDo() {
        SetupState cOnly = SetupStates.of(SetupStates.ARM64, List.of(GCC), Map.of(), Map.of(), Map.of());

        CompileException e = assertThrows(CompileException.class, () -> new CompilePlanner(cOnly)
                .plan(target(TargetKind.SHARED_LIBRARY), source("b.cpp", Language.CPP), OBJ, List.of(), List.of()));

        assertEquals("library 'demo' has C++ sources (/p/src/main/c/b.cpp) but setup found no C++ compiler for the "
                + "host machine (/nonexistent/setup.json); add cpp to [binaries] of the cross file, or make sure setup "
                + "sees the target's sources, then build again", e.getMessage());
    }

    @Test
    void objectsAreNamedAfterTheRelativeSourcePathInAFolderPerKindAndName() {
        BuildLayout layout = new BuildLayout(Path.of("/p/target/cross/linux-aarch_64"));
        assertEquals(Path.of("/p/target/cross/linux-aarch_64/obj/executable/demo/sub/a.c.o"),
                CompilePlanner.objectFile(layout, target(TargetKind.EXECUTABLE), source("sub/a.c", Language.C)));
        // a library of the same name has its own; both libraries one set for both files
        assertEquals(Path.of("/p/target/cross/linux-aarch_64/obj/library/demo/sub/a.c.o"),
                CompilePlanner.objectFile(layout, target(TargetKind.SHARED_LIBRARY), source("sub/a.c", Language.C)));
        assertEquals(CompilePlanner.objectFile(layout, target(TargetKind.BOTH_LIBRARIES), source("sub/a.c", Language.C)),
                CompilePlanner.objectFile(layout, target(TargetKind.STATIC_LIBRARY), source("sub/a.c", Language.C)));
    }

    private static List<String> flags(BuiltInOptions options, Compiler compiler, TargetKind kind, Machine host)
            throws CompileException {
        SetupState setup = SetupStates.of(host, List.of(GCC, GXX), Map.of(), Map.of(), Map.of()).withOptions(options);
        SourceFile source = compiler == GCC ? source("a.c", Language.C) : source("b.cpp", Language.CPP);
        List<String> argv = new CompilePlanner(setup).plan(NativeTarget.of("demo", kind, List.of()), source, OBJ,
                List.of(), List.of()).argv();
        int first = compiler.argv().size();
        return argv.subList(first, argv.indexOf("-MD"));
    }

    private static BuiltInOptions options(String... keyValues) {
        List<OptionOverride> overrides = new java.util.ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.add(OptionOverride.of(keyValues[i], keyValues[i + 1], "test"));
        }
        return BuiltInOptions.resolve(dev.crossbuild.crossfile.MachineConfig.empty(), overrides);
    }

    @Test
    void buildtypesGiveMesonsOptimizationAndDebugFlags() throws CompileException {
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-O2", "-g"),
                flags(BuiltInOptions.defaults(), GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-Wall", "-Winvalid-pch"),
                flags(options("buildtype", "plain"), GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of(), flags(options("buildtype", "plain", "warning_level", "0"), GCC, TargetKind.EXECUTABLE,
                SetupStates.ARM64), "plain and warning_level 0: the bare command of earlier versions");
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-O0", "-g"),
                flags(options("buildtype", "debug"), GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-O3"),
                flags(options("buildtype", "release"), GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-Os", "-g"),
                flags(options("buildtype", "minsize"), GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-Oz", "-g"),
                flags(options("buildtype", "minsize"), GXX, TargetKind.EXECUTABLE, SetupStates.ARM64), "clang: -Oz");
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-Og", "-g"),
                flags(options("buildtype", "release", "optimization", "g", "debug", "true"), GCC, TargetKind.EXECUTABLE,
                        SetupStates.ARM64));
    }

    @Test
    void theOtherOptionsInMesonsOrderBeforeTheCrossFilesArgs() throws CompileException {
        assertEquals(List.of("-flto=auto", "-DNDEBUG", "-Wall", "-Winvalid-pch", "-Wextra", "-Wpedantic", "-Werror",
                "-std=c11", "-O3", "-fPIC"), flags(options("buildtype", "release", "b_lto", "true", "b_ndebug",
                "if-release", "warning_level", "3", "werror", "true", "c_std", "c11", "cpp_std", "c++17"), GCC,
                TargetKind.SHARED_LIBRARY, SetupStates.ARM64));
        assertEquals(List.of("-flto", "-Wall", "-Winvalid-pch", "-Wextra", "-std=c++17", "-O2", "-g"),
                flags(options("b_lto", "true", "b_ndebug", "if-release", "warning_level", "2", "cpp_std", "c++17"),
                        GXX, TargetKind.EXECUTABLE, SetupStates.ARM64), "clang's LTO; if-release is not debugoptimized");
        assertEquals(List.of("-DNDEBUG", "-O2", "-g"), flags(options("b_ndebug", "true", "warning_level", "0"), GCC,
                TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-Weverything", "-O2", "-g"), flags(options("warning_level", "everything"), GXX,
                TargetKind.EXECUTABLE, SetupStates.ARM64));
        List<String> everything = flags(options("warning_level", "everything"), GCC, TargetKind.EXECUTABLE,
                SetupStates.ARM64);
        assertEquals(List.of("-Wall", "-Winvalid-pch", "-Wextra", "-Wpedantic", "-Wcast-qual"), everything.subList(0, 5));
        assertEquals(true, everything.contains("-Wbidi-chars=ucn"), "gcc 12.1 and later");
        assertEquals(true, everything.contains("-Wmissing-prototypes"), "C only");
        assertEquals(false, everything.contains("-Weffc++"), "C++ only");
    }

    @Test
    void cppExceptionsRttiAndDebugStlAsMesonsGccAndClangAfterTheStandard() throws CompileException {
        Map<String, Object> cpp = Map.of("cpp_eh", "none", "cpp_rtti", false, "cpp_debugstl", true);
        BuiltInOptions std = options("buildtype", "plain", "warning_level", "0", "cpp_std", "c++17");
        Compiler gnuCpp = new Compiler(Language.CPP, new Tool("cpp", List.of("/usr/bin/aarch64-linux-gnu-g++"), "test"),
                new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty()));

        assertEquals(List.of("-std=c++17", "-fno-exceptions", "-fno-rtti", "-D_GLIBCXX_DEBUG=1"),
                flags(std, cpp, gnuCpp, GCC));
        assertEquals(List.of("-std=c++17", "-fno-exceptions", "-fno-rtti"), flags(std, cpp, GXX, GCC),
                "clang has no cpp_debugstl");
        assertEquals(List.of("-std=c++17"), flags(std, Map.of("cpp_eh", "default", "cpp_rtti", "true"), GXX, GCC),
                "Meson's defaults add nothing");
        assertEquals(List.of(), flags(std, cpp, GCC, gnuCpp), "C compiles: none of them");
    }

    @Test
    void symbolVisibilityComesFirstAsMesonsGnuSymbolVisibility() throws CompileException {
        SetupState setup = SetupStates.of(SetupStates.ARM64, List.of(GCC, GXX), Map.of(), Map.of(), Map.of())
                .withOptions(options("buildtype", "plain", "warning_level", "0"));
        NativeTarget hidden = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .symbolVisibility(Optional.of("inlineshidden")).build();

        List<String> c = new CompilePlanner(setup).plan(hidden, source("a.c", Language.C), OBJ, List.of(), List.of())
                .argv();
        List<String> cpp = new CompilePlanner(setup).plan(hidden, source("b.cpp", Language.CPP), OBJ, List.of(),
                List.of()).argv();

        assertEquals(List.of("-fvisibility=hidden", "-fPIC"), c.subList(GCC.argv().size(), c.indexOf("-MD")),
                "inlineshidden is hidden for C");
        assertEquals(List.of("-fvisibility=hidden", "-fvisibility-inlines-hidden", "-fPIC"),
                cpp.subList(GXX.argv().size(), cpp.indexOf("-MD")));
        assertEquals(List.of("-fvisibility=protected"), OptionFlags.visibility(Optional.of("protected"), GCC.id(),
                Language.C));
        assertEquals(List.of(), OptionFlags.visibility(Optional.empty(), GCC.id(), Language.C));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NativeTarget.builder("demo",
                TargetKind.SHARED_LIBRARY).symbolVisibility(Optional.of("private")).build());
        assertEquals("<library> demo: <symbolVisibility> 'private' must be one of default, internal, hidden, "
                + "protected, inlineshidden (Meson's gnu_symbol_visibility)", bad.getMessage());
    }

    /** The option flags of one compile with {@code compiler}, whose language's source it compiles. */
    private static List<String> flags(BuiltInOptions options, Map<String, Object> builtInOptions, Compiler compiler,
                                      Compiler other) throws CompileException {
        SetupState setup = SetupStates.of(SetupStates.ARM64, List.of(compiler, other), builtInOptions, Map.of(),
                Map.of()).withOptions(options);
        SourceFile source = compiler.language() == Language.C ? source("a.c", Language.C)
                : source("b.cpp", Language.CPP);
        List<String> argv = new CompilePlanner(setup).plan(NativeTarget.of("demo", TargetKind.EXECUTABLE, List.of()),
                source, OBJ, List.of(), List.of()).argv();
        return argv.subList(compiler.argv().size(), argv.indexOf("-MD"));
    }

    @Test
    void positionIndependenceAsMesonsBStaticpicAndBPie() throws CompileException {
        BuiltInOptions bare = options("buildtype", "plain", "warning_level", "0");
        assertEquals(List.of("-fPIC"), flags(bare, GCC, TargetKind.STATIC_LIBRARY, SetupStates.ARM64));
        assertEquals(List.of("-fPIC"), flags(bare, GCC, TargetKind.BOTH_LIBRARIES, SetupStates.ARM64));
        assertEquals(List.of(), flags(options("buildtype", "plain", "warning_level", "0", "b_staticpic", "false"), GCC,
                TargetKind.STATIC_LIBRARY, SetupStates.ARM64));
        BuiltInOptions pie = options("buildtype", "plain", "warning_level", "0", "b_staticpic", "false", "b_pie", "true");
        assertEquals(List.of("-fPIE"), flags(pie, GCC, TargetKind.STATIC_LIBRARY, SetupStates.ARM64));
        assertEquals(List.of("-fPIE"), flags(pie, GCC, TargetKind.EXECUTABLE, SetupStates.ARM64));
        assertEquals(List.of("-fPIC"), flags(pie, GCC, TargetKind.SHARED_LIBRARY, SetupStates.ARM64));
        assertEquals(List.of(), flags(bare, GCC, TargetKind.SHARED_LIBRARY, SetupStates.WINDOWS), "PE: no -fPIC");
    }
}
