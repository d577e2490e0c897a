package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Two real shared libraries compiled with the machine's {@code gcc}: {@code lib<dep>.so} and {@code lib<demo>.so}
 * linked against it. Each has a constructor that, when the environment variable {@value #MARKERS} names a file,
 * appends {@code <name> <pid>} to it; demo's line also has the value it got from a call into dep (42).
 */
final class TestLibraries {

    static final String MARKERS = "CROSS_RUNTIME_TEST_MARKERS";

    private TestLibraries() {
    }

    /** Skips the test when there is no gcc, unless the environment variable CI is set: then it fails. */
    static void requireGcc() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        boolean gcc = linux && onPath("gcc");
        if (!gcc && System.getenv("CI") != null) {
            fail(linux ? "CI is set but gcc is not on PATH" : "CI is set but this test needs Linux and gcc");
        }
        Assumptions.assumeTrue(gcc, "needs gcc on Linux (set CI to make its absence a failure)");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                if (Files.isExecutable(new File(folder, program).toPath())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Compiles both libraries into {@code folder}, each with a soname equal to its file name. */
    static void compile(Path folder, String dep, String demo) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path depSource = folder.resolve(dep + ".c");
        Files.write(depSource, (marker()
                + "int " + dep + "_value(void) { return 42; }\n"
                + "__attribute__((constructor)) static void loaded(void) { mark(\"" + dep + "\", 0); }\n")
                .getBytes(StandardCharsets.UTF_8));
        Path demoSource = folder.resolve(demo + ".c");
        Files.write(demoSource, (marker()
                + "int " + dep + "_value(void);\n"
                + "__attribute__((constructor)) static void loaded(void) { mark(\"" + demo + "\", "
                + dep + "_value()); }\n").getBytes(StandardCharsets.UTF_8));
        gcc(folder, "-shared", "-fPIC", "-o", "lib" + dep + ".so", "-Wl,-soname,lib" + dep + ".so",
                depSource.toString());
        gcc(folder, "-shared", "-fPIC", "-o", "lib" + demo + ".so", "-Wl,-soname,lib" + demo + ".so",
                demoSource.toString(), "-L" + folder, "-l" + dep);
    }

    private static String marker() {
        return "#include <fcntl.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n"
                + "static void mark(const char *name, int value) {\n"
                + "  const char *path = getenv(\"" + MARKERS + "\");\n"
                + "  if (!path) return;\n"
                + "  char line[128];\n"
                + "  int n = snprintf(line, sizeof line, \"%s %ld %d\\n\", name, (long) getpid(), value);\n"
                + "  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);\n"
                + "  if (fd >= 0) { if (write(fd, line, n) != n) {} close(fd); }\n"
                + "}\n";
    }

    private static void gcc(Path folder, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<String>();
        command.add("gcc");
        command.addAll(Arrays.asList(arguments));
        Path log = folder.resolve("gcc.log");
        Process gcc = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!gcc.waitFor(60, TimeUnit.SECONDS)) {
            gcc.destroyForcibly();
            fail("gcc did not finish within 60 s: " + command);
        }
        assertEquals(0, gcc.exitValue(), command + "\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
    }
}
