package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkPlannerTest {

    private static final Path ROOT = Path.of("/p/target/cross/c");
    private static final BuildLayout LAYOUT = new BuildLayout(ROOT);
    private static final List<Path> OBJECTS = List.of(ROOT.resolve("obj/x/a.c.o"), ROOT.resolve("obj/x/sub/b.c.o"));

    private static LinkPlanner planner(Machine host, String triple, Map<String, Object> options) {
        return new LinkPlanner(LAYOUT, TestSetups.setup(ROOT, host, TestSetups.gnu(host, triple), options));
    }

    private static List<String> argv(String... parts) {
        List<String> argv = new ArrayList<>();
        for (String part : parts) {
            argv.add(part.replace("R/", ""));
        }
        return argv;
    }

    /** {@code argv} with Meson's default Windows libraries before its {@code -o}, where every Windows link has them. */
    private static List<String> withWinlibs(List<String> argv) {
        List<String> with = new ArrayList<>(argv);
        with.addAll(with.indexOf("-o"), LinkPlanner.DEFAULT_WINLIBS);
        return with;
    }

    @Test
    void windowsLinksEndWithTheWinlibsOfTheirLanguageAsMesonsAndOthersHaveNone() throws LinkException {
        NativeTarget tool = target("tool", TargetKind.EXECUTABLE);
        List<String> mingw = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", Map.of())
                .plan(tool, OBJECTS, false, List.of(), List.of("-lz")).argv();
        assertEquals(List.of("-lz", "-lkernel32", "-luser32", "-lgdi32", "-lwinspool", "-lshell32", "-lole32",
                "-loleaut32", "-luuid", "-lcomdlg32", "-ladvapi32", "-o"),
                mingw.subList(mingw.indexOf("-lz"), mingw.indexOf("-o") + 1), "after the dependencies' libraries");

        Map<String, Object> own = Map.of("c_winlibs", List.of("-lws2_32"), "cpp_winlibs", List.of());
        List<String> c = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", own)
                .plan(tool, OBJECTS, false, List.of(), List.of()).argv();
        assertEquals("-lws2_32", c.get(c.indexOf("-o") - 1));
        assertEquals(false, c.contains("-lkernel32"));
        List<String> cpp = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", own)
                .plan(tool, OBJECTS, true, List.of(), List.of()).argv();
        assertEquals(false, cpp.contains("-lws2_32") || cpp.contains("-lkernel32"), "cpp_winlibs = [] links none");

        List<String> elf = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(tool, OBJECTS, false, List.of(), List.of()).argv();
        assertEquals(false, elf.contains("-lkernel32"));
    }

    @Test
    void elfSharedLibraryGetsSonameObjectsLinkArgsAndTemporaryOutput() throws LinkException {
        NativeTarget demo = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .linkerArgs(List.of("-Wl,--no-undefined")).dependencies(List.of("zlib")).jni(true)
                .machine(dev.crossbuild.machine.MachineRole.HOST).build();
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu",
                Map.of("c_link_args", List.of("-Wl,-O1"), "cpp_link_args", List.of("-static-libstdc++")))
                .plan(demo, OBJECTS, false, List.of(), List.of("-L/usr/lib/aarch64-linux-gnu", "-lz"));
        // b_lundef's -Wl,--no-undefined first (the default options), the cross file's and the target's after
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "-shared", "-Wl,-soname,libdemo.so",
                "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o", "-L/usr/lib/aarch64-linux-gnu", "-lz", "-Wl,-O1",
                "-Wl,--no-undefined", "-o", "R/tmp/libdemo.so/libdemo.so"), command.argv());
        assertEquals(ROOT.resolve("lib/libdemo.so"), command.output());
        assertEquals(ROOT.resolve("tmp/libdemo.so/libdemo.so"), command.temporary());
        assertEquals(Optional.empty(), command.importLibrary());
        assertEquals(OBJECTS, command.inputs());
    }

    @Test
    void cppTargetsLinkWithTheCppDriverAndCppLinkArgs() throws LinkException {
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu",
                Map.of("c_link_args", List.of("-Wl,-O1"), "cpp_link_args", List.of("-static-libstdc++")))
                .plan(target("tool", TargetKind.EXECUTABLE), OBJECTS, true, List.of(), List.of());
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-g++", "-Wl,--as-needed", "-Wl,--no-undefined", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o",
                "-static-libstdc++", "-o", "R/tmp/tool/tool"), command.argv());
        assertEquals(ROOT.resolve("bin/tool"), command.output());
    }

    @Test
    void elfExecutableLinkingProjectLibrariesGetsOriginRpathAndDependentsFirst() throws LinkException {
        NativeTarget demo = target("demo", TargetKind.SHARED_LIBRARY, "util");
        NativeTarget util = target("util", TargetKind.STATIC_LIBRARY);
        NativeTarget base = target("base", TargetKind.SHARED_LIBRARY);
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(target("tool", TargetKind.EXECUTABLE, "demo"), OBJECTS, false, List.of(demo, util, base),
                        List.of());
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o",
                "-LR/lib", "-ldemo", "R/lib/libutil.a", "-lbase", "-Wl,-rpath,$ORIGIN/../lib", "-o", "R/tmp/tool/tool"),
                command.argv());
        assertEquals(List.of(OBJECTS.get(0), OBJECTS.get(1), ROOT.resolve("lib/libdemo.so"),
                ROOT.resolve("lib/libutil.a"), ROOT.resolve("lib/libbase.so")), command.inputs());
    }

    @Test
    void elfLibraryLinkingAProjectSharedLibraryFindsItBesideItself() throws LinkException {
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(target("demo", TargetKind.SHARED_LIBRARY, "base"), OBJECTS, false,
                        List.of(target("base", TargetKind.SHARED_LIBRARY)), List.of());
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "-shared", "-Wl,-soname,libdemo.so",
                "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o", "-LR/lib", "-lbase", "-Wl,-rpath,$ORIGIN", "-o",
                "R/tmp/libdemo.so/libdemo.so"), command.argv());
    }

    @Test
    void staticLibrariesOnlyGetNoRpath() throws LinkException {
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(target("tool", TargetKind.EXECUTABLE, "util"), OBJECTS, false,
                        List.of(target("util", TargetKind.STATIC_LIBRARY)), List.of());
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o",
                "R/lib/libutil.a", "-o", "R/tmp/tool/tool"), command.argv());
    }

    @Test
    void staticArchiveUsesTheHostArWithIndexAndDeterministicMode() throws LinkException {
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of("c_link_args", List.of("-x")))
                .plan(target("util", TargetKind.STATIC_LIBRARY), OBJECTS, false, List.of(), List.of("-lz"));
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-ar", "rcsD", "R/tmp/libutil.a/libutil.a", "R/obj/x/a.c.o",
                "R/obj/x/sub/b.c.o"), command.argv());
        assertEquals(ROOT.resolve("lib/libutil.a"), command.output());
        assertEquals(OBJECTS, command.inputs());
    }

    @Test
    void mingwDllWritesItsImportLibraryAndGoesToBin() throws LinkException {
        LinkCommand command = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", Map.of())
                .plan(target("demo", TargetKind.SHARED_LIBRARY), OBJECTS, false, List.of(), List.of());
        // PE: no b_lundef flag (a DLL resolves every symbol at link time anyway)
        assertEquals(withWinlibs(argv("/usr/bin/x86_64-w64-mingw32-gcc", "-shared",
                "-Wl,--out-implib,R/tmp/demo.dll/libdemo.dll.a", "-Wl,--no-insert-timestamp",
                "-Wl,--disable-auto-image-base", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o", "-o", "R/tmp/demo.dll/demo.dll")),
                command.argv());
        assertEquals(ROOT.resolve("bin/demo.dll"), command.output());
        assertEquals(Optional.of(ROOT.resolve("lib/libdemo.dll.a")), command.importLibrary());
        assertEquals(Optional.of(ROOT.resolve("tmp/demo.dll/libdemo.dll.a")), command.temporaryImportLibrary());
    }

    @Test
    void mingwExecutableLinksTheImportLibraryWithoutRpath() throws LinkException {
        LinkCommand command = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", Map.of())
                .plan(target("tool", TargetKind.EXECUTABLE, "demo"), OBJECTS, false,
                        List.of(target("demo", TargetKind.SHARED_LIBRARY)), List.of());
        assertEquals(withWinlibs(argv("/usr/bin/x86_64-w64-mingw32-gcc", "-Wl,--no-insert-timestamp", "R/obj/x/a.c.o",
                "R/obj/x/sub/b.c.o", "-LR/lib", "-ldemo", "-o", "R/tmp/tool.exe/tool.exe")), command.argv());
        assertEquals(ROOT.resolve("bin/tool.exe"), command.output());
        assertEquals(ROOT.resolve("lib/libdemo.dll.a"), command.inputs().get(2));
    }

    @Test
    void peTimeStampsAndPathBasedImageBasesAreLeftOutOnlyWhenReproducibleWithTheOptionsTheLinkerKnows() throws LinkException {
        NativeTarget demo = target("demo", TargetKind.SHARED_LIBRARY);
        SetupState mingw = TestSetups.setup(ROOT, TestSetups.WINDOWS_X64,
                TestSetups.gnu(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32"), Map.of());
        SetupState msvc = TestSetups.setup(ROOT, TestSetups.WINDOWS_X64,
                TestSetups.gnu(TestSetups.WINDOWS_X64, "x86_64-pc-windows-msvc"), Map.of());
        SetupState arm64 = TestSetups.setup(ROOT, TestSetups.LINUX_ARM64,
                TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu"), Map.of());

        assertEquals(List.of("-Wl,--no-insert-timestamp", "-Wl,--disable-auto-image-base"),
                timeStampOptions(new LinkPlanner(LAYOUT, LAYOUT, mingw, true).plan(demo, OBJECTS, false, List.of(),
                        List.of())));
        assertEquals(List.of("-Wl,--no-insert-timestamp"), timeStampOptions(new LinkPlanner(LAYOUT, LAYOUT, mingw, true)
                .plan(target("tool", TargetKind.EXECUTABLE), OBJECTS, false, List.of(), List.of())),
                "an executable's image base is fixed");
        assertEquals(List.of("-Wl,/Brepro"), timeStampOptions(new LinkPlanner(LAYOUT, LAYOUT, msvc, true)
                .plan(demo, OBJECTS, false, List.of(), List.of())));
        assertEquals(List.of(), timeStampOptions(new LinkPlanner(LAYOUT, LAYOUT, mingw, false)
                .plan(demo, OBJECTS, false, List.of(), List.of())));
        assertEquals(List.of(), timeStampOptions(new LinkPlanner(LAYOUT, LAYOUT, arm64, true)
                .plan(demo, OBJECTS, false, List.of(), List.of())));
    }

    private static List<String> timeStampOptions(LinkCommand command) {
        return command.argv().stream()
                .filter(a -> a.contains("timestamp") || a.contains("Brepro") || a.contains("image-base")).toList();
    }

    @Test
    void darwinUsesInstallNameAndLoaderPath() throws LinkException {
        LinkPlanner planner = planner(TestSetups.DARWIN_ARM64, "arm64-apple-darwin", Map.of());
        assertEquals(argv("/usr/bin/arm64-apple-darwin-gcc", "-Wl,-dead_strip_dylibs", "-Wl,-undefined,error", "-shared",
                "-Wl,-install_name,@rpath/libdemo.dylib", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o", "-o",
                "R/tmp/libdemo.dylib/libdemo.dylib"),
                planner.plan(target("demo", TargetKind.SHARED_LIBRARY), OBJECTS, false, List.of(), List.of()).argv());
        assertEquals(argv("/usr/bin/arm64-apple-darwin-gcc", "-Wl,-dead_strip_dylibs", "-Wl,-undefined,error", "R/obj/x/a.c.o",
                "R/obj/x/sub/b.c.o", "-LR/lib", "-ldemo", "-Wl,-rpath,@loader_path/../lib", "-o", "R/tmp/tool/tool"),
                planner.plan(target("tool", TargetKind.EXECUTABLE, "demo"), OBJECTS, false,
                        List.of(target("demo", TargetKind.SHARED_LIBRARY)), List.of()).argv());
        assertEquals(argv("/usr/bin/arm64-apple-darwin-ar", "rcs", "R/tmp/libutil.a/libutil.a", "R/obj/x/a.c.o",
                "R/obj/x/sub/b.c.o"),
                planner.plan(target("util", TargetKind.STATIC_LIBRARY), OBJECTS, false, List.of(), List.of()).argv());
    }

    @Test
    void linksRunTheCompilerDriverWithoutItsLauncher() throws LinkException {
        Toolchain gnu = TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu");
        Toolchain launched = new Toolchain(gnu.machine(), gnu.target(), Map.of(dev.crossbuild.toolchain.Language.C,
                new dev.crossbuild.toolchain.Compiler(dev.crossbuild.toolchain.Language.C,
                        new dev.crossbuild.toolchain.Tool("c", List.of("/usr/bin/ccache", "/usr/bin/aarch64-linux-gnu-gcc",
                                "--sysroot=/s"), "test"), gnu.compilers().values().iterator().next().id())),
                gnu.ar(), gnu.ranlib(), gnu.strip(), gnu.objcopy(), gnu.ld());
        LinkCommand command = new LinkPlanner(LAYOUT, TestSetups.setup(ROOT, TestSetups.LINUX_ARM64, launched, Map.of()))
                .plan(target("tool", TargetKind.EXECUTABLE), OBJECTS, false, List.of(), List.of());
        // ccache only passes a link through, and a link never goes to a compile farm: both would only cost time.
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "--sysroot=/s", "-Wl,--as-needed", "-Wl,--no-undefined", "R/obj/x/a.c.o",
                "R/obj/x/sub/b.c.o", "-o", "R/tmp/tool/tool"), command.argv());
    }

    private static SetupState withOptions(Machine host, String triple, String... keyValues) {
        List<dev.crossbuild.crossfile.OptionOverride> overrides = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.add(dev.crossbuild.crossfile.OptionOverride.of(keyValues[i], keyValues[i + 1], "test"));
        }
        return TestSetups.setup(ROOT, host, TestSetups.gnu(host, triple), Map.of()).withOptions(
                dev.crossbuild.crossfile.BuiltInOptions.resolve(dev.crossbuild.crossfile.MachineConfig.empty(), overrides));
    }

    private static List<String> linkFlags(SetupState setup, TargetKind kind) throws LinkException {
        List<String> argv = new LinkPlanner(LAYOUT, setup).plan(target("t", kind), OBJECTS, false, List.of(), List.of())
                .argv();
        return argv.subList(1, argv.indexOf("obj/x/a.c.o")).stream()
                .filter(a -> !a.contains("soname") && !a.contains("implib") && !a.contains("timestamp")
                        && !a.contains("install_name")
                        && !a.contains("image-base")).toList();
    }

    @Test
    void theOptionsLinkFlagsAsMesonsGetBaseLinkArgs() throws LinkException {
        SetupState release = withOptions(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", "buildtype", "release",
                "b_lto", "true", "b_pie", "true");
        assertEquals(List.of("-flto", "-Wl,--as-needed", "-Wl,--no-undefined", "-Wl,-O1", "-pie"),
                linkFlags(release, TargetKind.EXECUTABLE));
        assertEquals(List.of("-flto", "-Wl,--as-needed", "-Wl,--no-undefined", "-Wl,-O1", "-shared"),
                linkFlags(release, TargetKind.SHARED_LIBRARY), "-pie only for executables");
        assertEquals(List.of("-Wl,--allow-shlib-undefined", "-shared"), linkFlags(withOptions(TestSetups.LINUX_ARM64,
                "aarch64-linux-gnu", "b_lundef", "false", "b_asneeded", "false"), TargetKind.SHARED_LIBRARY));
        assertEquals(List.of("-Wl,-O1", "-shared"), linkFlags(withOptions(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32",
                "buildtype", "release"), TargetKind.SHARED_LIBRARY), "no b_lundef on PE");
        assertEquals(List.of("-Wl,-dead_strip_dylibs", "-Wl,-undefined,dynamic_lookup", "-shared"),
                linkFlags(withOptions(TestSetups.DARWIN_ARM64, "arm64-apple-darwin", "b_lundef", "false", "buildtype",
                        "release", "b_pie", "true"), TargetKind.SHARED_LIBRARY), "darwin: no -Wl,-O1, no -pie");
    }

    @Test
    void aVersionedLibraryGetsItsSonameAndTargetsLinkItThroughItsUnversionedAlias() throws LinkException {
        LinkPlanner planner = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of());
        NativeTarget z = NativeTarget.builder("z", TargetKind.SHARED_LIBRARY).version(Optional.of("1.3.1"))
                .soversion(Optional.of("1")).build();
        LinkCommand library = planner.plan(z, OBJECTS, false, List.of(), List.of());
        assertEquals(true, library.argv().contains("-Wl,-soname,libz.so.1"));
        assertEquals(ROOT.resolve("lib/libz.so.1.3.1"), library.output());
        assertEquals(List.of(ROOT.resolve("lib/libz.so.1"), ROOT.resolve("lib/libz.so")), library.aliasPaths());
        LinkCommand tool = planner.plan(target("tool", TargetKind.EXECUTABLE, "z"), OBJECTS, false, List.of(z), List.of());
        assertEquals(true, tool.argv().contains("-lz"));
        assertEquals(ROOT.resolve("lib/libz.so"), tool.inputs().get(2));
        // a library -l cannot find is linked by its path
        NativeTarget plugin = NativeTarget.builder("plug", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of("mod_"))
                .build();
        List<String> argv = planner.plan(target("tool", TargetKind.EXECUTABLE, "plug"), OBJECTS, false, List.of(plugin),
                List.of()).argv();
        assertEquals(true, argv.contains("lib/mod_plug.so"), argv.toString());
        assertEquals(false, argv.contains("-lplug"));
        // darwin: the soversion as compatibility and current version
        LinkCommand dylib = planner(TestSetups.DARWIN_ARM64, "arm64-apple-darwin", Map.of()).plan(z, OBJECTS, false,
                List.of(), List.of());
        assertEquals(true, dylib.argv().containsAll(List.of("-Wl,-install_name,@rpath/libz.1.dylib",
                "-Wl,-compatibility_version,1", "-Wl,-current_version,1")), dylib.argv().toString());
    }

    @Test
    void bothLibrariesAreLinkedAsTheSharedOne() throws LinkException {
        NativeTarget util = target("util", TargetKind.BOTH_LIBRARIES);
        List<String> argv = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(target("tool", TargetKind.EXECUTABLE, "util"), OBJECTS, false, List.of(util), List.of()).argv();
        assertEquals(true, argv.contains("-lutil"));
        assertEquals(false, argv.contains(ROOT.resolve("lib/libutil.a").toString()));
    }

    @Test
    void noObjectsIsAnError() {
        LinkException e = assertThrows(LinkException.class, () -> planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu",
                Map.of()).plan(target("demo", TargetKind.SHARED_LIBRARY), List.of(), false, List.of(), List.of()));
        assertEquals("<library> demo has no sources, so there is nothing to link; add C or C++ sources to its source "
                + "directories.", e.getMessage());
    }

    @Test
    void noObjectsNamesTheFoldersSearchedAndTheGlobs() {
        NativeTarget z = NativeTarget.builder("z", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(Path.of("/elsewhere/zlib"))).includes(List.of("*.c")).build();

        LinkException e = assertThrows(LinkException.class, () -> planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu",
                Map.of()).plan(z, List.of(), false, List.of(), List.of()));

        assertEquals("<library> z has no sources, so there is nothing to link; add C or C++ sources to its source "
                + "directories (searched: /elsewhere/zlib; includes *.c).", e.getMessage());
    }

    @Test
    void aMissingCppCompilerIsAnErrorWithTheKeyToSet() {
        Toolchain gnu = TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu");
        Toolchain cOnly = new Toolchain(gnu.machine(), gnu.target(),
                Map.of(dev.crossbuild.toolchain.Language.C, gnu.compilers().get(dev.crossbuild.toolchain.Language.C)),
                gnu.ar(), gnu.ranlib(), gnu.strip(), gnu.objcopy(), gnu.ld());
        LinkPlanner planner = new LinkPlanner(LAYOUT, TestSetups.setup(ROOT, TestSetups.LINUX_ARM64, cOnly, Map.of()));
        LinkException e = assertThrows(LinkException.class,
                () -> planner.plan(target("tool", TargetKind.EXECUTABLE), OBJECTS, true, List.of(), List.of()));
        assertEquals("<executable> tool links with the C++ compiler driver, but setup recorded no C++ compiler for "
                + "linux/aarch64 (aarch64, little); name one in the cross file's [binaries] cpp and build from the setup "
                + "goal on (e.g. mvn package).", e.getMessage());
    }

    @Test
    void aMissingArNamesThePackage() {
        Toolchain noBinutils = TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", "/usr/bin/aarch64-linux-gnu-",
                false);
        LinkPlanner planner = new LinkPlanner(LAYOUT, TestSetups.setup(ROOT, TestSetups.LINUX_ARM64, noBinutils,
                Map.of()));
        LinkException e = assertThrows(LinkException.class,
                () -> planner.plan(target("util", TargetKind.STATIC_LIBRARY), OBJECTS, false, List.of(), List.of()));
        assertEquals("<library> util is a static library, but the toolchain for linux/aarch64 (aarch64, little) has no "
                + "ar: install the target binutils (Debian/Ubuntu: sudo apt-get install binutils-aarch64-linux-gnu) or "
                + "name the program in the cross file's [binaries] ar.", e.getMessage());
    }

    @Test
    void linkingANativeDependencysSharedLibraryGivesTheRpathOfTheModulesOwn() throws LinkException {
        LinkCommand command = planner(TestSetups.LINUX_ARM64, "aarch64-linux-gnu", Map.of())
                .plan(target("tool", TargetKind.EXECUTABLE), OBJECTS, false, List.of(),
                        List.of("-L/deps/codec/lib", "-lcodec"), true);
        assertEquals(argv("/usr/bin/aarch64-linux-gnu-gcc", "-Wl,--as-needed", "-Wl,--no-undefined", "R/obj/x/a.c.o", "R/obj/x/sub/b.c.o",
                "-Wl,-rpath,$ORIGIN/../lib", "-L/deps/codec/lib", "-lcodec", "-o", "R/tmp/tool/tool"), command.argv());
    }

    @Test
    void aWindowsLinkNamesTheModulesFilesAndItsNativeDependenciesRelativeToTheLayout() throws LinkException {
        // GNU ld orders a DLL's imports by the import libraries' paths: absolute, they would depend on the checkout
        NativeTarget jni = target("codecjni", TargetKind.SHARED_LIBRARY, "base");
        LinkCommand command = planner(TestSetups.WINDOWS_X64, "x86_64-w64-mingw32", Map.of())
                .plan(jni, OBJECTS, false, List.of(target("base", TargetKind.SHARED_LIBRARY)),
                        List.of("-L" + ROOT + "/deps/codec/lib/pkgconfig/../../lib", "-lcodec",
                                ROOT + "/deps/extra/lib/libextra.dll.a", "-L/usr/x86_64-w64-mingw32/lib", "-lz"),
                        true);
        assertEquals(ROOT, command.directory());
        assertEquals(withWinlibs(List.of("/usr/bin/x86_64-w64-mingw32-gcc", "-shared",
                "-Wl,--out-implib,tmp/codecjni.dll/libcodecjni.dll.a",
                "-Wl,--no-insert-timestamp", "-Wl,--disable-auto-image-base", "obj/x/a.c.o", "obj/x/sub/b.c.o",
                "-Llib", "-lbase", "-Ldeps/codec/lib", "-lcodec", "deps/extra/lib/libextra.dll.a",
                "-L/usr/x86_64-w64-mingw32/lib", "-lz", "-o", "tmp/codecjni.dll/codecjni.dll")), command.argv());
        assertEquals(ROOT.resolve("bin/codecjni.dll"), command.output());
    }

    @Test
    void linksRunInTheModuleAndNameTheProjectsFilesRelativeToIt() throws LinkException {
        SetupState setup = TestSetups.setup(ROOT, TestSetups.WINDOWS_X64, TestSetups.gnu(TestSetups.WINDOWS_X64,
                "x86_64-w64-mingw32"), Map.of());
        NativeTarget tool = target("tool", TargetKind.EXECUTABLE, "base");
        List<NativeTarget> base = List.of(target("base", TargetKind.SHARED_LIBRARY));
        LinkCommand inModule = new LinkPlanner(LAYOUT, LAYOUT, setup, true, Path.of("/p"))
                .plan(tool, OBJECTS, false, base, List.of("-L/p/target/cross/c/deps/codec/lib", "-lcodec"), true);
        assertEquals(Path.of("/p"), inModule.directory());
        assertEquals(withWinlibs(List.of("/usr/bin/x86_64-w64-mingw32-gcc", "-Wl,--no-insert-timestamp",
                "target/cross/c/obj/x/a.c.o", "target/cross/c/obj/x/sub/b.c.o", "-Ltarget/cross/c/lib", "-lbase",
                "-Ltarget/cross/c/deps/codec/lib", "-lcodec", "-o", "target/cross/c/tmp/tool.exe/tool.exe")),
                inModule.argv());
        // a cross.directory outside the module: its files still relative, so the bytes do not depend on the checkout
        LinkCommand outside = new LinkPlanner(LAYOUT, LAYOUT, setup, true, Path.of("/m/module"))
                .plan(tool, OBJECTS, false, base, List.of(), true);
        assertEquals(withWinlibs(List.of("/usr/bin/x86_64-w64-mingw32-gcc", "-Wl,--no-insert-timestamp",
                "../../p/target/cross/c/obj/x/a.c.o", "../../p/target/cross/c/obj/x/sub/b.c.o",
                "-L../../p/target/cross/c/lib", "-lbase", "-o", "../../p/target/cross/c/tmp/tool.exe/tool.exe")),
                outside.argv());
    }
}
