package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real links with the Debian armhf cross toolchain: a C++ static library linked into a C shared library (which then
 * links with the C++ driver), an executable using the shared library, run under qemu-arm.
 */
class NativeLinkerArmhfTest {

    private static final String TRIPLE = "arm-linux-gnueabihf";

    @TempDir
    Path directory;

    @Test
    void aCppStaticLibraryMakesItsDependentsLinkWithTheCppDriver() throws Exception {
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARMHF, TRIPLE)
                .source("words", "words.cpp", "#include <string>\n"
                        + "extern \"C\" int words_length(const char *text) { return (int) std::string(text).size(); }\n")
                .source("demo", "demo.c", "int words_length(const char *);\n"
                        + "int demo_measure(const char *text) { return 2 * words_length(text); }\n")
                .source("tool", "main.c", "#include <stdio.h>\nint demo_measure(const char *);\n"
                        + "int main(void) { printf(\"measure=%d\\n\", demo_measure(\"armhf\")); return 0; }\n");
        NativeTarget words = project.target("words", TargetKind.STATIC_LIBRARY);
        NativeTarget demo = project.target("demo", TargetKind.SHARED_LIBRARY, "words");
        NativeTarget tool = project.target("tool", TargetKind.EXECUTABLE, "demo");
        project.compile(List.of(words, demo, tool));

        LinkResult result = project.link(List.of(tool, demo, words), true);

        assertEquals(List.of("words", "demo", "tool"), result.outputs().stream().map(o -> o.target().name()).toList());
        assertEquals(List.of("[1/3] LINK lib/libwords.a",
                "libwords.a: ar archive of 1 member (ELF 32-bit little-endian arm relocatable object)"),
                project.lines.subList(0, 2));
        Map<String, Object> archive = result.outputs().get(0).facts();
        assertEquals(false, archive.get("stripped"));
        assertEquals(null, archive.get("debug_file"));
        Map<?, ?> demoBinary = (Map<?, ?>) result.outputs().get(1).facts().get("binary");
        assertEquals("hard", demoBinary.get("float_abi"));
        assertTrue(((List<?>) demoBinary.get("needed")).contains("libstdc++.so.6"), demoBinary.toString());

        String qemu = CrossProject.require("qemu-arm").toString();
        assertEquals("measure=10\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/" + TRIPLE,
                project.file("bin/tool").toString()));
    }
}
