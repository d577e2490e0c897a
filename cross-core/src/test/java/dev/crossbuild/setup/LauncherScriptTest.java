package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherScriptTest {

    @TempDir
    Path dir;

    @Test
    void everyWordIsSingleQuotedAndQuotesAreEscaped() {
        String text = LauncherScript.text(List.of("qemu-aarch64", "-L", "/opt/my prefix", "/opt/it's \"here\"/bin/java"));

        assertTrue(text.startsWith("#!/bin/sh\n"), text);
        assertTrue(text.endsWith("\nexec 'qemu-aarch64' '-L' '/opt/my prefix' '/opt/it'\\''s \"here\"/bin/java' \"$@\"\n"), text);
    }

    @Test
    void theCommentsHoldNoValue() {
        String text = LauncherScript.text(List.of("x\nrm -rf /", "/j"));

        List<String> lines = text.lines().toList();
        assertEquals("exec 'x", lines.get(lines.size() - 2), "the line break stays inside the quoted word");
        assertTrue(lines.stream().filter(l -> l.startsWith("#")).noneMatch(l -> l.contains("rm")), text);
    }

    @Test
    void theShellHandsEveryWordThroughUnchanged() throws Exception {
        // printf stands in for qemu: each fixed word and each argument Surefire passes must arrive byte for byte.
        List<String> words = List.of("/usr/bin/printf", "<%s>\\n", "a b", "it's", "$HOME", "`id`", "\"q\"", "back\\slash", "*",
                "line\nbreak", "");
        Path launcher = dir.resolve("with space/jvm/bin/java");
        LauncherScript.write(launcher, words);

        assertTrue(Files.isExecutable(launcher));
        ProcessResult result = ProcessRunner.system().run(Command.of(launcher.toString(), "arg one", "$(id)", "'"));

        assertEquals(0, result.exitCode(), result.stderr());
        List<String> expected = new ArrayList<>(words.subList(2, words.size()));
        expected.addAll(List.of("arg one", "$(id)", "'"));
        StringBuilder out = new StringBuilder();
        expected.forEach(w -> out.append('<').append(w).append(">\n"));
        assertEquals(out.toString(), result.stdout());
    }

    @Test
    void rewritingTheSameLauncherKeepsItExecutable() throws Exception {
        Path launcher = dir.resolve("jvm/bin/java");
        LauncherScript.write(launcher, List.of("qemu-aarch64", "/j/bin/java"));
        LauncherScript.write(launcher, List.of("qemu-aarch64", "-L", "/", "/j/bin/java"));

        assertTrue(Files.isExecutable(launcher));
        assertTrue(Files.readString(launcher).contains("exec 'qemu-aarch64' '-L' '/' '/j/bin/java' \"$@\""));
    }

    @Test
    void aNulCannotBeQuoted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LauncherScript.quote("a\0b"));
        assertEquals("a shell word cannot hold a NUL character: a?b", e.getMessage());
    }
}
