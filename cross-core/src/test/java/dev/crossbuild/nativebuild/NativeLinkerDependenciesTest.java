package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void aNativeDependencysLibraryUnpackedAnewIsLinkedAgain() throws Exception {
        // Another module's static library, as setup unpacks it into deps/: the link line stays the same when it changes.
        Path deps = directory.resolve("target/cross/test-classifier/deps/codec");
        Path archive = deps.resolve("lib/libcodec.a");
        Files.createDirectories(archive.getParent());
        Path pkgConfig = directory.resolve("host-pkg-config");
        Files.writeString(pkgConfig, "#!/bin/sh\n[ \"$1\" = --libs ] && echo '-L" + archive.getParent()
                + " -lcodec'\nexit 0\n");
        Files.setPosixFilePermissions(pkgConfig, PosixFilePermissions.fromString("rwxr-xr-x"));
        NativeDependency codec = new NativeDependency("com.example:codec:1.0", "the reactor (module codec)", deps,
                "0".repeat(64), false, List.of(new DevLibrary("codec", TargetKind.STATIC_LIBRARY, "lib/libcodec.a",
                        "libcodec.a", List.of(), Optional.empty(), "codec")));
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, "aarch64-linux-gnu")
                .binary("pkg-config", List.of(pkgConfig.toString()))
                .source("tool", "main.c", "#include <stdio.h>\nint codec_value(void);\n"
                        + "int main(void) { printf(\"%d\\n\", codec_value()); return 0; }\n");
        project.setup = project.setup.withNativeDependencies(List.of(codec));
        NativeTarget tool = NativeTarget.builder("tool", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(directory.resolve("src/tool"))).dependencies(List.of("codec >= 1.0")).build();
        project.compile(List.of(tool));
        String qemu = CrossProject.require("qemu-aarch64").toString();
        Path executable = project.file("bin/tool");

        codecArchive(archive, 1);
        assertEquals(1, project.link(List.of(tool), false).linked());
        assertEquals("1\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/aarch64-linux-gnu", executable.toString()));
        assertEquals(0, project.link(List.of(tool), false).linked(), "nothing changed");

        codecArchive(archive, 2);
        assertEquals(1, project.link(List.of(tool), false).linked(), "the dependency's library changed");
        assertEquals("2\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/aarch64-linux-gnu", executable.toString()));
    }

    /** {@code libcodec.a} whose {@code codec_value()} returns {@code value}, with a later time than any before. */
    private void codecArchive(Path archive, int value) throws Exception {
        Path source = directory.resolve("codec.c");
        Path object = directory.resolve("codec.o");
        Files.writeString(source, "int codec_value(void) { return " + value + "; }\n");
        CrossProject.tool("aarch64-linux-gnu-gcc", "-c", source.toString(), "-o", object.toString());
        Files.deleteIfExists(archive);
        CrossProject.tool("aarch64-linux-gnu-ar", "rcs", archive.toString(), object.toString());
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() + value * 10_000L));
    }
}
