package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.json.JsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real links with the Debian aarch64 cross toolchain, run under qemu-aarch64. */
class NativeLinkerAarch64Test {

    private static final String TRIPLE = "aarch64-linux-gnu";

    @TempDir
    Path directory;

    private CrossProject project;
    private NativeTarget demo;
    private NativeTarget tool;

    @BeforeEach
    void project() throws Exception {
        project = new CrossProject(directory, TestSetups.LINUX_ARM64, TRIPLE)
                .source("demo", "demo.c", "int demo_add(int a, int b) { return a + b; }\n"
                        + "const char *demo_name(void) { return \"demo\"; }\n")
                .source("tool", "main.c", "#include <stdio.h>\nint demo_add(int, int);\nconst char *demo_name(void);\n"
                        + "int main(void) { printf(\"%s %d\\n\", demo_name(), demo_add(40, 2)); return 0; }\n");
        demo = project.target("demo", TargetKind.SHARED_LIBRARY);
        tool = project.target("tool", TargetKind.EXECUTABLE, "demo");
        project.compile(List.of(demo, tool));
    }

    private static String readelf(String... args) throws Exception {
        return CrossProject.tool(TRIPLE + "-readelf", args);
    }

    @Test
    void linksStripsAndRunsTheExecutableThroughItsRpath() throws Exception {
        LinkResult result = project.link(List.of(demo, tool), true);

        assertEquals(2, result.linked());
        assertEquals(0, result.upToDate());
        Path library = project.file("lib/libdemo.so");
        Path executable = project.file("bin/tool");
        assertEquals(List.of(library, executable), result.outputs().stream().map(LinkedOutput::file).toList());
        assertEquals(Optional.of(project.file("debug/libdemo.so.debug")), result.outputs().get(0).debugFile());
        assertFalse(Files.exists(project.file("tmp/demo")), "temporary folder left behind");
        assertFalse(Files.exists(project.file("tmp/tool")), "temporary folder left behind");

        List<String> lines = project.lines;
        assertEquals("[1/2] LINK lib/libdemo.so", lines.get(0));
        assertEquals("[1/2] STRIP lib/libdemo.so", lines.get(1));
        assertTrue(lines.get(2).startsWith("libdemo.so: ELF 64-bit little-endian aarch64 shared object, SONAME "
                + "libdemo.so"), lines.get(2));
        assertTrue(lines.get(2).endsWith(", stripped (debug/libdemo.so.debug)"), lines.get(2));
        assertEquals("[2/2] LINK bin/tool", lines.get(3));
        assertEquals("[2/2] STRIP bin/tool", lines.get(4));
        assertTrue(lines.get(5).matches("tool: ELF 64-bit little-endian aarch64 pie executable, needs libdemo\\.so, "
                + "libc\\.so\\.6, GLIBC_2\\.\\d+, runpath \\$ORIGIN/\\.\\./lib, stripped \\(debug/tool\\.debug\\)"),
                lines.get(5));
        assertEquals("linked 2 of 2 outputs (0 up to date)", lines.get(6));
        assertEquals(7, lines.size(), lines.toString());

        // SONAME, rpath, debuglink and no symbol table in the outputs; debug information in the debug files.
        String dynamic = readelf("-d", library.toString());
        assertTrue(dynamic.contains("Library soname: [libdemo.so]"), dynamic);
        assertTrue(readelf("-d", executable.toString()).contains("Library runpath: [$ORIGIN/../lib]"));
        for (Path output : List.of(library, executable)) {
            String sections = readelf("-S", "-W", output.toString());
            assertTrue(sections.contains(".gnu_debuglink"), sections);
            assertFalse(sections.contains(".symtab"), sections);
            assertFalse(sections.contains(".debug_info"), sections);
            String link = readelf("--string-dump=.gnu_debuglink", output.toString());
            assertTrue(link.contains(output.getFileName() + ".debug"), link);
            String debugSections = readelf("-S", "-W", project.file("debug/" + output.getFileName() + ".debug").toString());
            assertTrue(debugSections.contains(".debug_info"), debugSections);
        }

        String qemu = CrossProject.require("qemu-aarch64").toString();
        assertEquals("demo 42\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/" + TRIPLE, executable.toString()));
    }

    @Test
    void aSecondLinkOfUnchangedInputsDoesNothingAndLogsOnlyTheSummary() throws Exception {
        project.link(List.of(demo, tool), true);
        Path outputsJson = project.layout.outputsJson();
        FileTime written = Files.getLastModifiedTime(outputsJson);
        FileTime linked = Files.getLastModifiedTime(project.file("bin/tool"));

        LinkResult again = project.link(List.of(demo, tool), true);

        assertEquals(0, again.linked());
        assertEquals(2, again.upToDate());
        assertEquals(List.of("linked 0 of 2 outputs (2 up to date)"), project.lines);
        assertEquals(linked, Files.getLastModifiedTime(project.file("bin/tool")));
        assertEquals(written, Files.getLastModifiedTime(outputsJson));
        assertEquals(2, again.outputs().size());
        assertEquals("lib/libdemo.so", again.outputs().get(0).facts().get("file"));
    }

    @Test
    void anUnchangedOutputKeepsItsEntryWithoutBeingReadAgain() throws Exception {
        project.link(List.of(demo, tool), true);
        // A marker no hash of the file can produce: if the no-op link read and hashed the output, it would be gone.
        Path outputsJson = project.layout.outputsJson();
        String real = sha256(project.file("bin/tool"));
        Files.writeString(outputsJson, Files.readString(outputsJson).replace(real, "0".repeat(64)));

        LinkResult again = project.link(List.of(demo, tool), true);

        assertEquals(0, again.linked());
        assertEquals("0".repeat(64), again.outputs().get(1).facts().get("sha256"));
        assertTrue(Files.readString(outputsJson).contains("0".repeat(64)));
    }

    @Test
    void anOutputChangedByHandIsLinkedAgainAndDescribedAnew() throws Exception {
        project.link(List.of(demo, tool), true);
        Path executable = project.file("bin/tool");
        Files.write(executable, new byte[] {0}, StandardOpenOption.APPEND);

        LinkResult again = project.link(List.of(demo, tool), true);

        assertEquals(1, again.linked());
        assertEquals("[1/1] LINK bin/tool", project.lines.get(0));
        Map<?, ?> entry = again.outputs().get(1).facts();
        assertEquals(sha256(executable), entry.get("sha256"));
        assertEquals(Files.size(executable), entry.get("size"));
        assertEquals(List.of("linked 0 of 2 outputs (2 up to date)"), linkAgain());
    }

    private List<String> linkAgain() throws Exception {
        project.link(List.of(demo, tool), true);
        return project.lines;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theAttachedJarsHoldTheRealOutputsAndDebugFiles() throws Exception {
        LinkResult result = project.link(List.of(demo, tool), true);
        Path jar = directory.resolve("demo-linux-aarch_64.jar");
        Path debugJar = directory.resolve("demo-linux-aarch_64-debug.jar");

        NativeJar.write(jar, "linux-aarch_64", result.outputs(), false);
        NativeJar.write(debugJar, "linux-aarch_64", result.outputs(), true);

        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "META-INF/native/", "META-INF/native/linux-aarch_64/",
                    "META-INF/native/classifiers.txt", "META-INF/native/linux-aarch_64/index.tsv",
                    "META-INF/native/linux-aarch_64/libdemo.so", "META-INF/native/linux-aarch_64/tool"),
                    java.util.Collections.list(file.entries()).stream().map(java.util.zip.ZipEntry::getName).toList());
            assertEquals(Files.size(project.file("lib/libdemo.so")),
                    file.getEntry("META-INF/native/linux-aarch_64/libdemo.so").getSize());
        }
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(debugJar.toFile())) {
            assertEquals(List.of("META-INF/native/linux-aarch_64/libdemo.so.debug",
                    "META-INF/native/linux-aarch_64/tool.debug"),
                    java.util.Collections.list(file.entries()).stream().map(java.util.zip.ZipEntry::getName)
                            .filter(name -> name.endsWith(".debug")).toList());
        }
    }

    @Test
    void aChangedLibraryObjectRelinksTheLibraryAndTheExecutableThatLinksIt() throws Exception {
        project.link(List.of(demo, tool), true);
        Path object = project.file("obj/library/demo/demo.c.o");
        Files.setLastModifiedTime(object, FileTime.fromMillis(Files.getLastModifiedTime(object).toMillis() + 5000));

        LinkResult again = project.link(List.of(demo, tool), true);

        assertEquals(2, again.linked());
        assertEquals("[1/2] LINK lib/libdemo.so", project.lines.get(0));
        assertEquals("[2/2] LINK bin/tool", project.lines.get(3));
    }

    @Test
    void aChangedExecutableObjectRelinksOnlyTheExecutable() throws Exception {
        project.link(List.of(demo, tool), true);
        Path object = project.file("obj/executable/tool/main.c.o");
        Files.setLastModifiedTime(object, FileTime.fromMillis(Files.getLastModifiedTime(object).toMillis() + 5000));

        LinkResult again = project.link(List.of(demo, tool), true);

        assertEquals(1, again.linked());
        assertEquals("[1/1] LINK bin/tool", project.lines.get(0));
        assertEquals("linked 1 of 2 outputs (1 up to date)", project.lines.get(project.lines.size() - 1));
    }

    @Test
    void turningStripOffRelinksWithoutDebugFiles() throws Exception {
        project.link(List.of(demo, tool), true);

        LinkResult unstripped = project.link(List.of(demo, tool), false);

        assertEquals(2, unstripped.linked());
        assertEquals(Optional.empty(), unstripped.outputs().get(0).debugFile());
        assertFalse(Files.exists(project.file("debug/libdemo.so.debug")), "stale debug file left behind");
        assertTrue(project.lines.get(1).endsWith(", not stripped"), project.lines.get(1));
        assertTrue(readelf("-S", "-W", project.file("lib/libdemo.so").toString()).contains(".symtab"));
    }

    @Test
    void outputsJsonDescribesEveryOutputSortedByFile() throws Exception {
        project.link(List.of(demo, tool), true);

        Map<String, Object> json = JsonReader.parseObject(Files.readString(project.layout.outputsJson()));

        assertEquals("test-classifier", json.get("classifier"));
        assertEquals(Map.of("system", "linux", "cpu_family", "aarch64", "cpu", "aarch64", "endian", "little"),
                json.get("host"));
        List<?> outputs = (List<?>) json.get("outputs");
        Map<?, ?> executable = (Map<?, ?>) outputs.get(0);
        Map<?, ?> library = (Map<?, ?>) outputs.get(1);
        assertEquals("bin/tool", executable.get("file"));
        assertEquals("lib/libdemo.so", library.get("file"));
        assertEquals("demo", library.get("target"));
        assertEquals("shared_library", library.get("kind"));
        assertEquals(Files.size(project.file("lib/libdemo.so")), library.get("size"));
        assertTrue(((String) library.get("sha256")).matches("[0-9a-f]{64}"));
        assertEquals(true, library.get("stripped"));
        assertEquals("debug/libdemo.so.debug", library.get("debug_file"));
        Map<?, ?> binary = (Map<?, ?>) library.get("binary");
        assertEquals("aarch64", binary.get("cpu_family"));
        assertEquals(64L, binary.get("bits"));
        assertEquals("little", binary.get("endian"));
        assertEquals("libdemo.so", binary.get("soname"));
        assertEquals("libdemo.so.debug", binary.get("debuglink"));
        assertEquals(true, binary.get("verified"));
        assertFalse(binary.containsKey("path"));
        Map<?, ?> toolBinary = (Map<?, ?>) executable.get("binary");
        assertEquals(List.of("libdemo.so", "libc.so.6"), toolBinary.get("needed"));
        assertEquals("$ORIGIN/../lib", toolBinary.get("runpath"));
        assertTrue(String.valueOf(toolBinary.get("max_glibc")).matches("2\\.\\d+"), String.valueOf(toolBinary));
    }

    @Test
    void aFailedLinkLeavesNoOutputAndNamesTheUndefinedSymbol() throws Exception {
        project.link(List.of(demo, tool), true);
        project.source("tool", "main.c", "int missing_function(void);\nint main(void) { return missing_function(); }\n");
        project.compile(List.of(tool));

        LinkException e = assertThrows(LinkException.class, () -> project.link(List.of(demo, tool), true));

        assertTrue(e.getMessage().startsWith("Linking bin/tool failed (exit code 1):\n"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined reference to `missing_function'"), e.getMessage());
        assertEquals(Optional.of("tool"), e.target());
        assertFalse(Files.exists(project.file("bin/tool")), "the previous output of a failed link is removed");
        assertFalse(Files.exists(project.file("debug/tool.debug")));
        assertFalse(Files.exists(project.file("tmp/tool")));
        assertTrue(Files.exists(project.file("lib/libdemo.so")));
    }

    @Test
    void anInterruptedLinkLeavesNoOutput() throws Exception {
        dev.crossbuild.exec.ProcessRunner interrupting = command -> {
            dev.crossbuild.exec.ProcessResult result = dev.crossbuild.exec.ProcessRunner.system().run(command);
            if (command.argv().contains("--strip-unneeded")) {
                throw new java.io.InterruptedIOException("interrupted");
            }
            return result;
        };
        NativeLinker linker = new NativeLinker(interrupting, BuildListener.silent());

        assertThrows(java.io.InterruptedIOException.class,
                () -> linker.link(new LinkRequest(project.layout, project.setup, List.of(demo, tool), true)));

        assertFalse(Files.exists(project.file("lib/libdemo.so")));
        assertFalse(Files.exists(project.file("debug/libdemo.so.debug")));
        assertFalse(Files.exists(project.file("tmp/demo")));
        assertEquals(1, project.link(List.of(demo), true).linked(), "the next build links it");
    }

    @Test
    void aMissingObjectAsksForTheCompileGoal() throws Exception {
        Files.delete(project.file("obj/executable/tool/main.c.o"));

        LinkException e = assertThrows(LinkException.class, () -> project.link(List.of(demo, tool), true));

        assertEquals("<executable> tool: the object obj/executable/tool/main.c.o of " + directory.resolve("src/tool/main.c")
                + " is missing; run the compile goal first (it runs in the compile phase, e.g. mvn package).",
                e.getMessage());
    }
}
