package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ShellWords;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verbose mode on real aarch64 builds, as the goals run it: a logging {@link ProcessRunner} writes each command
 * whole, once, and an explaining {@link BuildListener} gets progress lines that say why each output is made again.
 */
class VerboseBuildTest {

    private static final String TRIPLE = "aarch64-linux-gnu";

    @TempDir
    Path directory;

    private CrossProject project;
    private NativeTarget demo;
    private NativeTarget tool;
    /** Progress lines and command lines, in the order they were logged. */
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final BuildListener explaining = new BuildListener() {
        @Override
        public void info(String line) {
            log.add(line);
        }

        @Override
        public void warn(String line) {
            log.add("WARN " + line);
        }

        @Override
        public boolean explains() {
            return true;
        }
    };

    @BeforeEach
    void project() throws Exception {
        project = new CrossProject(directory, TestSetups.LINUX_ARM64, TRIPLE)
                .source("demo", "demo.h", "#define DEMO 40\n")
                .source("demo", "demo.c", "#include \"demo.h\"\nint demo_add(int a, int b) { return a + b + DEMO - 40; }\n")
                .source("demo", "my name's $HOME.c", "const char *demo_name(void) { return \"demo\"; }\n")
                .source("tool", "main.c", "int demo_add(int, int);\nint main(void) { return demo_add(1, -1); }\n");
        demo = project.target("demo", TargetKind.SHARED_LIBRARY);
        tool = project.target("tool", TargetKind.EXECUTABLE, "demo");
    }

    private void build() throws Exception {
        log.clear();
        commands.clear();
        ProcessRunner runner = ProcessRunner.logging(ProcessRunner.system(), directory, line -> {
            commands.add(line);
            log.add(line);
        });
        new NativeCompiler(runner, explaining).compile(new CompileRequest(project.layout, project.setup,
                List.of(demo, tool), List.of(), Optional.empty(), 2, directory));
        new NativeLinker(runner, explaining).link(new LinkRequest(project.layout, project.setup, List.of(demo, tool),
                true).in(directory));
    }

    /** Compile lines by source, then link lines in link order. */
    private static int byKind(String a, String b) {
        boolean compileA = a.startsWith("CC");
        boolean compileB = b.startsWith("CC");
        return compileA && compileB ? a.compareTo(b) : Boolean.compare(compileB, compileA);
    }

    /** The progress lines (numbered), in order. */
    private List<String> progress() {
        return log.stream().filter(l -> l.startsWith("[")).toList();
    }

    @Test
    void everyCommandIsLoggedOnceWholeAndQuotedAsAShellReadsItBack() throws Exception {
        build();

        Path odd = directory.resolve("src/demo/my name's $HOME.c");
        List<Path> sources = List.of(directory.resolve("src/demo/demo.c"), odd, directory.resolve("src/tool/main.c"));
        for (Path source : sources) {
            List<String> compiles = commands.stream().filter(c -> c.contains(" -c ")
                    && ShellWords.split(c).contains(source.toString())).toList();
            assertEquals(1, compiles.size(), source + " in " + commands);
            List<String> argv = ShellWords.split(compiles.get(0));
            assertEquals(CrossProject.require(TRIPLE + "-gcc").toString(), argv.get(0));
            assertEquals(source.toString(), argv.get(argv.indexOf("-c") + 1));
        }
        assertTrue(commands.stream().anyMatch(c -> c.contains(" -c " + ShellWords.singleQuote(odd.toString()) + " ")),
                commands.toString());
        assertEquals(commands.size(), commands.stream().distinct().count(), "no command twice: " + commands);
        // 3 compiles, then per output a link and the strip steps (objcopy --only-keep-debug, strip, objcopy --add-gnu-debuglink)
        assertEquals(3 + 2 * 4, commands.size(), String.join("\n", commands));
        // links run in the module, as the compiles (the logging runner's folder: no cd), naming its files relative to it
        List<List<String>> links = commands.stream().map(ShellWords::split)
                .filter(argv -> argv.get(0).endsWith("-gcc") && !argv.contains("-c")).toList();
        assertEquals(2, links.size(), "two links: " + commands);
        String layout = "target/cross/" + project.layout.root().getFileName() + "/";
        assertEquals(List.of(CrossProject.require(TRIPLE + "-gcc").toString(), "-Wl,--as-needed", "-Wl,--no-undefined", "-shared",
                "-Wl,-soname,libdemo.so", layout + "obj/library/demo/demo.c.o",
                layout + "obj/library/demo/my name's $HOME.c.o", "-o", layout + "tmp/libdemo.so/libdemo.so"),
                links.get(0));

        assertEquals(List.of("CC src/demo/demo.c (not built before)", "CC src/demo/my name's $HOME.c (not built before)",
                "CC src/tool/main.c (not built before)", "LINK lib/libdemo.so (not built before)",
                "STRIP lib/libdemo.so", "LINK bin/tool (not built before)", "STRIP bin/tool"),
                progress().stream().map(l -> l.substring(l.indexOf(']') + 2)).sorted(VerboseBuildTest::byKind).toList());
    }

    @Test
    void eachOutputMadeAgainSaysWhy() throws Exception {
        build();
        build();
        assertEquals(List.of(), progress(), "nothing changed: no progress line");
        assertEquals(List.of(), commands, "nothing changed: no command");

        Path header = directory.resolve("src/demo/demo.h");
        Files.writeString(header, "#define DEMO (39 + 1)\n");
        build();
        List<String> lines = progress();
        assertEquals("[1/1] CC src/demo/demo.c (input src/demo/demo.h changed (size 16 -> 22))", lines.get(0));
        assertTrue(lines.get(1).startsWith("[1/2] LINK lib/libdemo.so (input obj/library/demo/demo.c.o changed ("), lines.get(1));
        assertEquals("[2/2] LINK bin/tool (library 'demo' linked again)", lines.get(3));

        FileTime before = Files.getLastModifiedTime(header);
        FileTime touched = FileTime.from(before.toInstant().minusSeconds(10)); // as an editor saving it, earlier
        Files.setLastModifiedTime(header, touched);
        build();
        assertEquals("[1/1] CC src/demo/demo.c (input src/demo/demo.h changed (mtime " + before.toInstant() + " -> "
                + touched.toInstant() + "))", progress().get(0));

        Files.delete(project.file("obj/library/demo/demo.c.o"));
        build();
        assertEquals("[1/1] CC src/demo/demo.c (output target/cross/test-classifier/obj/library/demo/demo.c.o missing)",
                progress().get(0));

        Files.delete(project.file("debug/libdemo.so.debug"));
        build();
        assertEquals(List.of("[1/2] LINK lib/libdemo.so (output debug/libdemo.so.debug missing)",
                "[1/2] STRIP lib/libdemo.so", "[2/2] LINK bin/tool (library 'demo' linked again)", "[2/2] STRIP bin/tool"),
                progress());

        project.setup = TestSetups.setup(project.layout.root(), TestSetups.LINUX_ARM64, project.setup.toolchain(),
                Map.of("c_args", List.of("-g", "-O2")));
        build();
        assertEquals(List.of("CC src/demo/demo.c (command changed)", "CC src/demo/my name's $HOME.c (command changed)",
                "CC src/tool/main.c (command changed)"), progress().stream().filter(l -> l.contains("] CC "))
                        .map(l -> l.substring(l.indexOf(']') + 2)).sorted().toList());

        project.setup = TestSetups.setup(project.layout.root(), TestSetups.LINUX_ARM64,
                upgraded(project.setup.toolchain()), Map.of("c_args", List.of("-g", "-O2")));
        build();
        assertEquals(List.of("CC (compiler changed)", "CC (compiler changed)", "CC (compiler changed)",
                "LINK bin/tool (compiler changed)", "LINK lib/libdemo.so (compiler changed)"), progress().stream()
                        .filter(l -> !l.contains(" STRIP "))
                        .map(l -> l.substring(l.indexOf(']') + 2).replaceAll("^CC .* \\(", "CC (")).sorted().toList());
    }

    /** The same toolchain after a compiler upgrade (gcc 12.2.0 -> 12.3.0), the programs at the same paths. */
    private static Toolchain upgraded(Toolchain toolchain) {
        Map<Language, Compiler> compilers = new EnumMap<>(Language.class);
        toolchain.compilers().forEach((language, compiler) -> compilers.put(language, new Compiler(language,
                compiler.tool(), new CompilerId(compiler.id().id(), "12.3.0", compiler.id().targetTriple(),
                        compiler.id().sysroot()))));
        return new Toolchain(toolchain.machine(), toolchain.target(), compilers, toolchain.ar(), toolchain.ranlib(),
                toolchain.strip(), toolchain.objcopy(), toolchain.ld());
    }
}
