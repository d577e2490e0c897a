package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real links with MinGW-w64: a DLL with its import library and an executable using it, stripped with the unstripped
 * files kept as debug files, run under wine (the DLL is found beside the executable, in bin/).
 */
class NativeLinkerMingwTest {

    private static final String TRIPLE = "x86_64-w64-mingw32";

    @TempDir
    Path directory;

    @Test
    void linksADllAndAnExecutableThatRunsUnderWine() throws Exception {
        CrossProject project = new CrossProject(directory, TestSetups.WINDOWS_X64, TRIPLE)
                .source("demo", "demo.c", "__declspec(dllexport) int demo_add(int a, int b) { return a + b; }\n")
                .source("tool", "main.c", "#include <stdio.h>\n__declspec(dllimport) int demo_add(int, int);\n"
                        + "int main(void) { printf(\"sum=%d\\n\", demo_add(40, 2)); return 0; }\n");
        NativeTarget demo = project.target("demo", TargetKind.SHARED_LIBRARY);
        NativeTarget tool = project.target("tool", TargetKind.EXECUTABLE, "demo");
        project.compile(List.of(demo, tool));

        LinkResult result = project.link(List.of(demo, tool), true);

        assertEquals(List.of(project.file("bin/demo.dll"), project.file("bin/tool.exe")),
                result.outputs().stream().map(LinkedOutput::file).toList());
        assertTrue(Files.isRegularFile(project.file("lib/libdemo.dll.a")), "import library");
        assertEquals(Optional.of(project.file("debug/demo.dll.debug")), result.outputs().get(0).debugFile());
        assertEquals("lib/libdemo.dll.a", result.outputs().get(0).facts().get("import_library"));
        assertEquals(List.of("[1/2] LINK bin/demo.dll", "[1/2] STRIP bin/demo.dll"), project.lines.subList(0, 2));
        assertTrue(project.lines.get(2).startsWith("demo.dll: PE32+ x86_64 DLL"), project.lines.get(2));
        assertTrue(project.lines.get(2).endsWith(", stripped (debug/demo.dll.debug)"), project.lines.get(2));
        // The toolchain's DLLs first, then the project's, wherever the project is: GNU ld orders imports by the import
        // libraries' paths, and the link names the project's relative to the layout (a /tmp path sorts before /usr).
        assertTrue(project.lines.get(5).contains("imports KERNEL32.dll, msvcrt.dll, demo.dll"), project.lines.get(5));

        Map<?, ?> dll = (Map<?, ?>) result.outputs().get(0).facts().get("binary");
        assertEquals(true, dll.get("stripped"));
        assertEquals("demo.dll.debug", dll.get("debuglink"));
        String objdump = CrossProject.tool(TRIPLE + "-objdump", "-h",
                project.file("debug/demo.dll.debug").toString());
        assertTrue(objdump.contains(".debug_info"), "the debug file is the unstripped DLL:\n" + objdump);

        String wine = CrossProject.require("wine").toString();
        String output = CrossProject.run(Map.of("WINEDEBUG", "-all"), wine, project.file("bin/tool.exe").toString());
        assertEquals("sum=42", output.strip());

        assertEquals(0, project.link(List.of(demo, tool), true).linked());
    }
}
