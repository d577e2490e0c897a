package dev.crossbuild.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real compilers of this machine for tests, built by hand (detection is tested elsewhere). A missing compiler skips
 * the test on a developer machine and fails it in CI ({@code CI} set), where scripts/install-toolchains.sh ran.
 */
public final class RealCompilers {

    private RealCompilers() {
    }

    public static Compiler gcc(String program, String triple) {
        return new Compiler(Language.C, new Tool(program, List.of(require(program).toString()), "test"),
                new CompilerId("gcc", "test", triple, Optional.empty()));
    }

    public static Compiler gxx(String program, String triple) {
        return new Compiler(Language.CPP, new Tool(program, List.of(require(program).toString()), "test"),
                new CompilerId("gcc", "test", triple, Optional.empty()));
    }

    public static Compiler clang(String triple) {
        return new Compiler(Language.C, new Tool("clang", List.of(require("clang").toString(), "--target=" + triple),
                "test"), new CompilerId("clang", "test", triple, Optional.empty()));
    }

    public static Path require(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if (System.getenv("CI") != null) {
            fail(program + " is not on PATH; CI must install it (scripts/install-toolchains.sh)");
        }
        assumeTrue(false, program + " is not installed here");
        throw new AssertionError("unreachable");
    }

    /** The system runner, recording every command it runs. */
    public static final class Recording implements ProcessRunner {
        public final List<List<String>> commands = new ArrayList<>();
        public final AtomicInteger count = new AtomicInteger();

        @Override
        public ProcessResult run(Command command) throws IOException {
            commands.add(command.argv());
            count.incrementAndGet();
            return ProcessRunner.system().run(command);
        }
    }
}
