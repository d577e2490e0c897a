package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pkg-config dependencies on the link line: a static library's dependencies go to the targets it is linked into. The
 * host pkg-config is a script here that answers {@code -lm} for the package {@code mathlib}; without it the
 * executable's link fails on {@code sqrt}.
 */
class NativeLinkerDependenciesTest {

    @TempDir
    Path directory;

    @Test
    void aStaticLibrarysPkgConfigLibsAreLinkedIntoItsDependents() throws Exception {
        Path pkgConfig = directory.resolve("host-pkg-config");
        Files.writeString(pkgConfig, "#!/bin/sh\n"
                + "[ \"$1 $2\" = \"--cflags mathlib\" ] && exit 0\n"
                + "[ \"$1 $2\" = \"--libs mathlib\" ] && echo '-lm' && exit 0\nexit 1\n");
        Files.setPosixFilePermissions(pkgConfig, PosixFilePermissions.fromString("rwxr-xr-x"));
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, "aarch64-linux-gnu")
                .binary("pkg-config", List.of(pkgConfig.toString()))
                .source("roots", "roots.c", "#include <math.h>\n"
                        + "double roots_of(volatile double x) { return sqrt(x); }\n")
                .source("tool", "main.c", "#include <stdio.h>\ndouble roots_of(double);\n"
                        + "int main(void) { printf(\"%.1f\\n\", roots_of(2.25)); return 0; }\n");
        NativeTarget roots = NativeTarget.builder("roots", TargetKind.STATIC_LIBRARY)
                .sourceDirectories(List.of(directory.resolve("src/roots"))).dependencies(List.of("mathlib")).build();
        NativeTarget tool = project.target("tool", TargetKind.EXECUTABLE, "roots");
        project.compile(List.of(roots, tool));

        LinkResult result = project.link(List.of(roots, tool), false);

        assertEquals(2, result.linked());
        Map<?, ?> binary = (Map<?, ?>) result.outputs().get(1).facts().get("binary");
        assertEquals(List.of("libm.so.6", "libc.so.6"), binary.get("needed"));
        String qemu = CrossProject.require("qemu-aarch64").toString();
        assertEquals("1.5\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/aarch64-linux-gnu",
                project.file("bin/tool").toString()));
    }
}
