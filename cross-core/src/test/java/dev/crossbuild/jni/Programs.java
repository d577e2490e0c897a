package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real compilers and binutils of this machine for the JNI tests. A missing program skips the test on a developer
 * machine and fails it in CI ({@code CI} set), where scripts/install-toolchains.sh ran.
 */
final class Programs {

    private Programs() {
    }

    static Path require(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, program);
            if (candidate != null && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            fail(program + " is not on PATH; CI must install it (scripts/install-toolchains.sh)");
        }
        assumeTrue(false, program + " is not installed here");
        throw new AssertionError("unreachable");
    }

    /** Runs {@code program args...} and asserts that it succeeded; returns its standard output. */
    static String run(String program, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(require(program).toString());
        argv.addAll(args);
        ProcessResult result = ProcessRunner.system().run(Command.of(argv));
        assertTrue(result.succeeded(), () -> String.join(" ", argv) + " failed:\n" + result.stdout() + result.stderr());
        return result.stdout();
    }
}
