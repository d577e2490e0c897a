package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.testing.JavaProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile killed part-way (kill -9: no finally runs) leaves a state that lists what it finished, so the next build
 * compiles only the rest.
 */
class CompileResumeTest {

    @TempDir
    Path project;

    static BuildLayout layout(Path project) {
        return new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
    }

    @Test
    void aKilledCompileResumesWhereItStopped() throws Exception {
        RealToolchains.require("aarch64-linux-gnu-gcc");
        // Largest first with one job: s1 .. s6 in that order.
        for (int i = 1; i <= 6; i++) {
            Files.createDirectories(project.resolve("src/main/c"));
            Files.writeString(project.resolve("src/main/c/s" + i + ".c"),
                    "/*" + "x".repeat(1000 * (7 - i)) + "*/\nint s" + i + "(void) { return " + i + "; }\n");
        }
        // A launcher (named as one, so the fingerprints leave it out) compiles s1-s3, then, on s4, waits past a
        // periodic save and kills the build's JVM.
        Path launcher = project.resolve("bin/ccache");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\ncase \"$*\" in *s4.c*) sleep 3; kill -9 $PPID; exit 1;; esac\n"
                + "exec \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Process killed = JavaProcesses.start(InterruptedCompileMain.class, project.resolve("killed.log"),
                project.toString(), launcher.toString());
        assertTrue(killed.waitFor(60, TimeUnit.SECONDS), "the killed build ended");
        assertEquals(137, killed.exitValue(), Files.readString(project.resolve("killed.log")));

        RecordingListener listener = new RecordingListener();
        listener.explains = true;
        NativeTarget target = NativeTarget.of("demo", TargetKind.STATIC_LIBRARY, List.of(project.resolve("src/main/c")));
        CompileResult resumed = new NativeCompiler(ProcessRunner.system(), listener).compile(new CompileRequest(
                layout(project), RealToolchains.aarch64(), List.of(target), List.of(), Optional.empty(), 1, project));

        assertEquals(List.of("[1/3] CC src/main/c/s4.c (not built before)", "[2/3] CC src/main/c/s5.c (not built "
                + "before)", "[3/3] CC src/main/c/s6.c (not built before)", "compiled 3 of 6 sources (3 up to date)"),
                listener.info);
        assertEquals(new CompileResult(6, 3, 3), resumed);
    }
}
