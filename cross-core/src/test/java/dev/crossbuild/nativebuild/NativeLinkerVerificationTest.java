package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification with real outputs of the wrong machine: the build machine's x86_64 gcc standing in for the toolchain
 * of an aarch64 host. Nothing of a rejected output is kept.
 */
class NativeLinkerVerificationTest {

    private static final String REMEDY = "The output was not kept. Check the compiler named in the cross file's "
            + "[binaries] and the flags of this target (c_args, c_link_args, <compilerArgs>, <linkerArgs>), then run "
            + "mvn clean and build again.";

    @TempDir
    Path directory;

    private CrossProject wrongCompiler() throws Exception {
        return new CrossProject(directory, TestSetups.LINUX_ARM64, "aarch64-linux-gnu", "/usr/bin/x86_64-linux-gnu-")
                .source("demo", "demo.c", "int demo_add(int a, int b) { return a + b; }\n");
    }

    @Test
    void anX86SharedLibraryForAnAarch64HostIsRejected() throws Exception {
        CrossProject project = wrongCompiler();
        NativeTarget demo = project.target("demo", TargetKind.SHARED_LIBRARY);
        project.compile(List.of(demo));

        VerificationException e = assertThrows(VerificationException.class, () -> project.link(List.of(demo), true));

        assertEquals(List.of("libdemo.so is an ELF 64-bit little-endian x86_64 shared object, but the host machine is "
                + "linux/aarch64 (64-bit little-endian): expected cpu family aarch64, found x86_64"), e.problems());
        assertEquals(String.join("\n", e.problems()) + "\n" + REMEDY, e.getMessage());
        assertEquals(project.file("lib/libdemo.so"), e.file());
        assertFalse(Files.exists(project.file("lib/libdemo.so")));
        assertFalse(Files.exists(project.file("debug/libdemo.so.debug")));
        assertFalse(Files.exists(project.file("tmp/demo")));
    }

    @Test
    void anArchiveOfX86ObjectsForAnAarch64HostIsRejectedMemberByMember() throws Exception {
        CrossProject project = wrongCompiler();
        NativeTarget demo = project.target("demo", TargetKind.STATIC_LIBRARY);
        project.compile(List.of(demo));

        VerificationException e = assertThrows(VerificationException.class, () -> project.link(List.of(demo), true));

        assertEquals(List.of("libdemo.a(demo.c.o) is an ELF 64-bit little-endian x86_64 relocatable object, but the host machine "
                + "is linux/aarch64 (64-bit little-endian): expected cpu family aarch64, found x86_64"), e.problems());
        assertFalse(Files.exists(project.file("lib/libdemo.a")));
    }
}
