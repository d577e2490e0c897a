package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Setups with the real cross compilers of this machine, built by hand (detection is tested elsewhere). A missing
 * compiler skips the test on a developer machine and fails it in CI ({@code CI} set).
 */
final class RealToolchains {

    private RealToolchains() {
    }

    static SetupState aarch64(Map<String, Object> properties, Map<String, List<String>> binaries, String... launcher) {
        return SetupStates.of(SetupStates.ARM64, List.of(
                compiler(Language.C, "aarch64-linux-gnu-gcc", "aarch64-linux-gnu", launcher),
                compiler(Language.CPP, "aarch64-linux-gnu-g++", "aarch64-linux-gnu", launcher)),
                Map.of(), properties, binaries);
    }

    static SetupState aarch64() {
        return aarch64(Map.of(), Map.of());
    }

    static SetupState mingw() {
        return SetupStates.of(SetupStates.WINDOWS, List.of(
                compiler(Language.C, "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32"),
                compiler(Language.CPP, "x86_64-w64-mingw32-g++", "x86_64-w64-mingw32")), Map.of(), Map.of(), Map.of());
    }

    static Compiler compiler(Language language, String program, String triple, String... launcher) {
        List<String> argv = new ArrayList<>(List.of(launcher));
        argv.add(require(program).toString());
        return new Compiler(language, new Tool(language.binaryKey(), argv, "test"),
                new CompilerId("gcc", "12", triple, Optional.empty()));
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
}
