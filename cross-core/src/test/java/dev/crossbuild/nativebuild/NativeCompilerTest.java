package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real compiles with aarch64-linux-gnu-gcc and x86_64-w64-mingw32-gcc: full, no-op, incremental, failing. */
class NativeCompilerTest {

    @TempDir
    Path project;

    private BuildLayout layout;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void layout() {
        layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /**
     * Changes a file's modification time, as an editor saving it would; to an earlier time, so that it never falls
     * into the window of a running compile (which would make the object rebuild once more).
     */
    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().minusSeconds(10)));
    }

    /** 20 sources: f00-f04 include common.h, f05-f09 other.h, the rest nothing of ours. */
    private NativeTarget twentySources(List<String> defines) throws IOException {
        write("src/main/include/common.h", "#define COMMON 1\n");
        write("src/main/include/other.h", "#define OTHER 2\n");
        for (int i = 0; i < 20; i++) {
            String include = i < 5 ? "#include \"common.h\"\n" : i < 10 ? "#include <other.h>\n#define COMMON 0\n"
                    : "#include <stdint.h>\n#define COMMON 3\n";
            write(String.format("src/main/c/f%02d.c", i), include + String.format("int f%02d(void) { return %d + COMMON; }\n", i, i));
        }
        return NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(project.resolve("src/main/c")))
                .includeDirectories(List.of(project.resolve("src/main/include"))).defines(defines)
                .compilerArgs(List.of("-O2")).build();
    }

    private NativeTarget tool(List<String> defines) throws IOException {
        write("src/main/cli/main.c", "#include \"common.h\"\nint main(void) { return TOOL_VALUE; }\n");
        write("src/main/cli/util.cpp", "#include <cstdio>\nint util() { return TOOL_VALUE; }\n");
        return NativeTarget.builder("demo-cli", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(project.resolve("src/main/cli")))
                .includeDirectories(List.of(project.resolve("src/main/include"))).defines(defines).build();
    }

    private CompileResult compile(SetupState setup, int jobs, NativeTarget... targets) throws Exception {
        listener.clear();
        return new NativeCompiler(ProcessRunner.system(), listener).compile(new CompileRequest(layout, setup,
                List.of(targets), List.of(), Optional.empty(), jobs, project));
    }

    private Path object(NativeTarget target, String relative) {
        return layout.objects(target).resolve(relative + ".o");
    }

    private static List<String> sources(String prefix, int... numbers) {
        return IntStream.of(numbers).mapToObj(i -> String.format("%sf%02d.c", prefix, i)).toList();
    }

    @Test
    void fullBuildThenNoOpThenATouchedHeaderRecompilesExactlyItsDependents() throws Exception {
        SetupState setup = RealToolchains.aarch64();
        NativeTarget demo = twentySources(List.of());

        CompileResult full = compile(setup, 2, demo);
        assertEquals(new CompileResult(20, 20, 0), full);
        assertEquals(sources("src/main/c/", IntStream.range(0, 20).toArray()), listener.compiled());
        assertEquals("compiled 20 of 20 sources (0 up to date)", listener.info.get(listener.info.size() - 1));
        assertTrue(listener.info.stream().anyMatch(l -> l.matches("\\[\\d+/20] CC src/main/c/f07\\.c")), listener.info.toString());
        assertEquals(IntStream.rangeClosed(1, 20).mapToObj(i -> "[" + i + "/20]").toList(), listener.info.stream()
                .filter(l -> l.startsWith("[")).map(l -> l.substring(0, l.indexOf(']') + 1)).toList(), "counts up in the log");
        byte[] elf = Files.readAllBytes(object(demo, "f00.c"));
        assertEquals(183, (elf[18] & 0xff) | (elf[19] & 0xff) << 8, "e_machine of an AArch64 ELF object");
        assertEquals(List.of(), listener.warn);

        long start = System.nanoTime();
        CompileResult noOp = compile(setup, 2, demo);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("no-op compile of 20 sources: " + millis + " ms");
        assertEquals(new CompileResult(20, 0, 20), noOp);
        assertEquals(List.of("compiled 0 of 20 sources (20 up to date)"), listener.info);

        touch(project.resolve("src/main/include/common.h"));
        assertEquals(new CompileResult(20, 5, 15), compile(setup, 2, demo));
        assertEquals(sources("src/main/c/", 0, 1, 2, 3, 4), listener.compiled());

        touch(project.resolve("src/main/include/other.h"));
        touch(project.resolve("src/main/c/f15.c"));
        compile(setup, 2, demo);
        assertEquals(sources("src/main/c/", 5, 6, 7, 8, 9, 15), listener.compiled());
        assertEquals(new CompileResult(20, 0, 20), compile(setup, 2, demo));
    }

    @Test
    void assemblyIsAssembledByTheCCompilerAndItsInputsAreTrackedToo() throws Exception {
        SetupState setup = RealToolchains.aarch64();
        write("src/main/c/answer.h", "#define ANSWER 42\n");
        Path preprocessed = write("src/main/c/answer.S", "#include \"answer.h\"\n"
                + "    .globl answer\n    .data\nanswer:\n    .word ANSWER\n");
        Path plain = write("src/main/c/zero.s", "    .globl zero\n    .data\nzero:\n    .word 0\n");
        write("src/main/c/main.c", "extern int answer, zero;\nint sum(void) { return answer + zero; }\n");
        NativeTarget demo = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));

        assertEquals(new CompileResult(3, 3, 0), compile(setup, 2, demo));
        assertTrue(Files.isRegularFile(object(demo, "answer.S")) && Files.isRegularFile(object(demo, "zero.s")));
        assertEquals(List.of(), listener.warn, "plain assembly writes no depfile, and needs none");

        listener.clear();
        assertEquals(new CompileResult(3, 0, 3), compile(setup, 2, demo), "nothing changed: nothing assembled again");
        write("src/main/c/answer.h", "#define ANSWER 43\n");
        touch(plain);
        listener.clear();
        assertEquals(new CompileResult(3, 2, 1), compile(setup, 2, demo));
        assertEquals(List.of("src/main/c/answer.S", "src/main/c/zero.s"), listener.compiled(),
                "the header .S includes and the .s itself are its inputs");
        assertTrue(Files.isRegularFile(preprocessed));
    }

    @Test
    void twoSourcesWithOneRelativePathInTwoFoldersCompileToTwoObjects() throws Exception {
        write("lib/common/util.c", "int common_util(void) { return 1; }\n");
        write("lib/compress/util.c", "int compress_util(void) { return 2; }\n");
        NativeTarget zstd = NativeTarget.of("zstd", TargetKind.STATIC_LIBRARY,
                List.of(project.resolve("lib/common"), project.resolve("lib/compress")));

        assertEquals(new CompileResult(2, 2, 0), compile(RealToolchains.aarch64(), 2, zstd));

        assertTrue(Files.isRegularFile(object(zstd, "1-common/util.c")), listener.info.toString());
        assertTrue(Files.isRegularFile(object(zstd, "2-compress/util.c")));
        assertEquals(new CompileResult(2, 0, 2), compile(RealToolchains.aarch64(), 2, zstd), "and stay up to date");
    }

    @Test
    void theLargestSourcesStartFirstSoThatNoLongCompileRunsAloneAtTheEnd() throws Exception {
        write("src/main/c/a_small.c", "int a(void) { return 1; }\n");
        write("src/main/c/b_large.c", "/*" + "x".repeat(4000) + "*/\nint b(void) { return 2; }\n");
        write("src/main/c/c_medium.c", "/*" + "x".repeat(400) + "*/\nint c(void) { return 3; }\n");
        NativeTarget demo = NativeTarget.builder("demo", TargetKind.STATIC_LIBRARY)
                .sourceDirectories(List.of(project.resolve("src/main/c"))).build();

        compile(RealToolchains.aarch64(), 1, demo);

        assertEquals(List.of("[1/3] CC src/main/c/b_large.c", "[2/3] CC src/main/c/c_medium.c",
                "[3/3] CC src/main/c/a_small.c", "compiled 3 of 3 sources (0 up to date)"), listener.info);
    }

    @Test
    void changingADefineRecompilesOnlyThatTargetsObjects() throws Exception {
        SetupState setup = RealToolchains.aarch64();
        NativeTarget demo = twentySources(List.of("FOO=1"));
        compile(setup, 2, demo, tool(List.of("TOOL_VALUE=1")));

        CompileResult result = compile(setup, 2, demo, tool(List.of("TOOL_VALUE=2")));

        assertEquals(new CompileResult(22, 2, 20), result);
        assertEquals(List.of("src/main/cli/main.c", "src/main/cli/util.cpp"), listener.compiled());
        assertTrue(listener.info.contains("[1/2] CC src/main/cli/main.c") || listener.info.contains("[2/2] CC src/main/cli/main.c"));
        assertTrue(listener.info.stream().anyMatch(l -> l.endsWith("] CXX src/main/cli/util.cpp")), listener.info.toString());
    }

    @Test
    void aCompileErrorThrowsTheCompilersMessageAndLeavesNoObjectWhileOthersSurvive() throws Exception {
        SetupState setup = RealToolchains.aarch64();
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        Path bad = write("src/main/c/b.c", "int b(void) { return 2; }\n");
        write("src/main/c/c.c", "int c(void) { return 3; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));
        compile(setup, 1, target);
        assertTrue(Files.isRegularFile(object(target, "b.c")));
        Files.writeString(bad, "int b(void) {\n  return 2\n}\n");
        touch(project.resolve("src/main/c/c.c"));

        CompileException e = assertThrows(CompileException.class, () -> compile(setup, 1, target));

        assertTrue(e.getMessage().startsWith("1 source of 2 failed to compile\nsrc/main/c/b.c: aarch64-linux-gnu-gcc "
                + "exited with 1:\n"), e.getMessage());
        assertTrue(e.getMessage().contains(bad + ":2:11: error: expected "), e.getMessage());
        assertEquals(1, e.failures().size());
        assertEquals(bad, e.failures().get(0).source());
        assertFalse(Files.exists(object(target, "b.c")), "the failed source's object, even an earlier build's, is gone");
        assertFalse(Files.exists(layout.objects(target).resolve("b.c.o.tmp")));
        assertTrue(Files.isRegularFile(object(target, "a.c")));
        assertEquals(List.of("src/main/c/b.c"), listener.compiled(), "after the failure no new compile starts");
        try (Stream<Path> files = Files.list(layout.objects(target))) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }

        Files.writeString(bad, "int b(void) {\n  return 2;\n}\n");
        assertEquals(new CompileResult(3, 2, 1), compile(setup, 1, target));
        assertEquals(List.of("src/main/c/b.c", "src/main/c/c.c"), listener.compiled());
    }

    @Test
    void warningsPassThroughVerbatim() throws Exception {
        Path source = write("src/main/c/w.c", "int w(void) { int unused; return 0; }\n");
        NativeTarget target = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(project.resolve("src/main/c"))).compilerArgs(List.of("-Wall")).build();

        compile(RealToolchains.aarch64(), 1, target);

        assertEquals(1, listener.warn.size());
        assertTrue(listener.warn.get(0).contains(source + ":1:19: warning: unused variable "), listener.warn.get(0));
    }

    @Test
    void compileCommandsJsonHasOneEntryPerSourceWithTheRealArgv() throws Exception {
        NativeTarget demo = twentySources(List.of());
        NativeTarget tool = tool(List.of("TOOL_VALUE=1"));
        compile(RealToolchains.aarch64(), 2, demo, tool);

        List<?> entries = (List<?>) JsonReader.parse(Files.readString(layout.compileCommands()));

        assertEquals(22, entries.size());
        Map<?, ?> first = (Map<?, ?>) entries.get(0);
        assertEquals(List.of("directory", "arguments", "file", "output"), new ArrayList<>(first.keySet()));
        assertEquals(project.toString(), first.get("directory"));
        assertEquals(project.resolve("src/main/c/f00.c").toString(), first.get("file"));
        assertEquals(object(demo, "f00.c").toString(), first.get("output"));
        List<?> arguments = (List<?>) first.get("arguments");
        assertEquals(RealToolchains.require("aarch64-linux-gnu-gcc").toString(), arguments.get(0));
        assertEquals(List.of("-c", project.resolve("src/main/c/f00.c").toString(), "-o", object(demo, "f00.c").toString()),
                arguments.subList(arguments.size() - 4, arguments.size()));
        Map<?, ?> last = (Map<?, ?>) entries.get(21);
        assertTrue(((List<?>) last.get("arguments")).get(0).toString().endsWith("aarch64-linux-gnu-g++"));
    }

    @Test
    void mingwCompilesCoffObjectsWithoutFPic() throws Exception {
        layout = new BuildLayout(project.resolve("target/cross/windows-x86_64"));
        write("src/main/c/a.c", "__declspec(dllexport) int a(void) { return 1; }\n");
        write("src/main/c/b.cpp", "#include <string>\nstd::string b() { return \"b\"; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));

        assertEquals(new CompileResult(2, 2, 0), compile(RealToolchains.mingw(), 2, target));

        for (String source : List.of("a.c", "b.cpp")) {
            byte[] coff = Files.readAllBytes(object(target, source));
            assertEquals(0x8664, (coff[0] & 0xff) | (coff[1] & 0xff) << 8, "COFF machine AMD64 of " + source);
        }
        assertFalse(Files.readString(layout.compileCommands()).contains("-fPIC"));
        assertEquals(new CompileResult(2, 0, 2), compile(RealToolchains.mingw(), 2, target));
    }

    @Test
    void pkgConfigCflagsReachTheCompilerAndTheirHeadersAreTracked() throws Exception {
        Path header = write("deps/my inc/dep.h", "#define FROM_HEADER 7\n");
        Path log = project.resolve("pkg-config.log");
        Path fake = write("bin/pkg-config", "#!/bin/sh\n"
                + "echo \"LIBDIR=$PKG_CONFIG_LIBDIR SYSROOT=${PKG_CONFIG_SYSROOT_DIR-unset} ARGS=$*\" >> '" + log + "'\n"
                + "printf '%s\\n' '-DFROM_PKG=42 -I" + project.resolve("deps/my\\ inc") + "'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        write("src/main/c/z.c", "#include <dep.h>\n#if FROM_PKG != 42 || FROM_HEADER != 7\n#error flags\n#endif\n"
                + "int z(void) { return FROM_PKG; }\n");
        NativeTarget target = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(project.resolve("src/main/c"))).dependencies(List.of("zlib")).build();
        SetupState setup = RealToolchains.aarch64(Map.of("pkg_config_libdir", List.of("/usr/lib/aarch64-linux-gnu/pkgconfig")),
                Map.of("pkg-config", List.of(fake.toString())));

        assertEquals(new CompileResult(1, 1, 0), compile(setup, 1, target));
        assertEquals(List.of("LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig SYSROOT=unset ARGS=--cflags zlib"),
                Files.readAllLines(log));
        assertEquals(new CompileResult(1, 0, 1), compile(setup, 1, target));

        touch(header);
        assertEquals(new CompileResult(1, 1, 0), compile(setup, 1, target));
    }

    @Test
    void aLauncherDoesNotChangeWhatIsUpToDate() throws Exception {
        Path ccache = RealToolchains.require("ccache");
        Path wrapper = write("bin/ccache", "#!/bin/sh\nCCACHE_DIR='" + project.resolve("ccache-dir") + "' exec '" + ccache
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));

        assertEquals(new CompileResult(1, 1, 0), compile(RealToolchains.aarch64(Map.of(), Map.of(), wrapper.toString()), 1, target));
        assertTrue(Files.isDirectory(project.resolve("ccache-dir")), "compiled through the launcher");
        assertEquals(new CompileResult(1, 0, 1), compile(RealToolchains.aarch64(), 1, target));
        List<?> arguments = (List<?>) ((Map<?, ?>) ((List<?>) JsonReader.parse(Files.readString(layout.compileCommands()))).get(0)).get("arguments");
        assertTrue(arguments.get(0).toString().endsWith("aarch64-linux-gnu-gcc"));
    }

    @Test
    void ccacheHandsItsMissesToTheDistributorThroughCcachePrefix() throws Exception {
        Path log = project.resolve("launchers.log");
        Path ccache = write("bin/ccache", "#!/bin/sh\necho \"ccache CCACHE_PREFIX=$CCACHE_PREFIX $1\" >> '" + log
                + "'\nexec \"$CCACHE_PREFIX\" \"$@\"\n");
        Path distcc = write("bin/distcc", "#!/bin/sh\necho \"distcc $1\" >> '" + log + "'\nexec \"$@\"\n");
        for (Path script : List.of(ccache, distcc)) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));

        SetupState launched = RealToolchains.aarch64(Map.of(), Map.of(), ccache.toString(), distcc.toString());
        assertEquals(new CompileResult(1, 1, 0), compile(launched, 1, target));
        String gcc = RealToolchains.require("aarch64-linux-gnu-gcc").toString();
        assertEquals(List.of("ccache CCACHE_PREFIX=" + distcc + " " + gcc, "distcc " + gcc),
                Files.readAllLines(log));
        // The launchers change nothing the object depends on; compile_commands.json names the compiler.
        assertEquals(new CompileResult(1, 0, 1), compile(RealToolchains.aarch64(), 1, target));
        List<?> arguments = (List<?>) ((Map<?, ?>) ((List<?>) JsonReader.parse(Files.readString(layout.compileCommands()))).get(0)).get("arguments");
        assertEquals(gcc, arguments.get(0));
    }

    @Test
    void anInterruptedBuildsLeftoverTemporaryIsNeverTakenAsAnObject() throws Exception {
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));
        write(layout.objects(target).resolve("a.c.o.tmp").toString(), "half an object");

        assertEquals(new CompileResult(1, 1, 0), compile(RealToolchains.aarch64(), 1, target));
        assertFalse(Files.exists(layout.objects(target).resolve("a.c.o.tmp")));
        assertTrue(Files.size(object(target, "a.c")) > 100);
    }

    @Test
    void anObjectTruncatedOrReplacedByHandIsCompiledAgainAndSaysWhy() throws Exception {
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        write("src/main/c/b.c", "int b(void) { return 2; }\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));
        compile(RealToolchains.aarch64(), 1, target);
        long size = Files.size(object(target, "a.c"));
        Files.write(object(target, "a.c"), new byte[0]); // "file too short" for the linker, were it kept
        listener.explains = true;

        assertEquals(new CompileResult(2, 1, 1), compile(RealToolchains.aarch64(), 1, target));

        assertEquals(List.of("[1/1] CC src/main/c/a.c (output target/cross/linux-aarch_64/obj/library/demo/a.c.o changed "
                + "(size " + size + " -> 0))", "compiled 1 of 2 sources (1 up to date)"), listener.info);
        assertEquals(size, Files.size(object(target, "a.c")));
        assertEquals(new CompileResult(2, 0, 2), compile(RealToolchains.aarch64(), 1, target));
    }

    @Test
    void aFileWhereTheObjectFolderMustBeIsNamedWithWhatToDo() throws Exception {
        write("src/main/c/a.c", "int a(void) { return 1; }\n");
        NativeTarget target = NativeTarget.of("mix", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));
        Path obj = write(layout.root().resolve("obj").toString(), "");

        CompileException e = assertThrows(CompileException.class, () -> compile(RealToolchains.aarch64(), 1, target));

        assertEquals(obj + " is a file, not a folder (cross needs the folder " + obj.resolve("library/mix") + " in it); "
                + "delete or move it (mvn clean deletes everything under target/)", e.getMessage());
        assertEquals(obj.toString(), e.value());
    }
}
