package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import dev.crossbuild.toolchain.Toolchain;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SetupStates made by hand for the test goal's tests: machines, a GNU toolchain, binaries, properties. */
final class Setups {

    static final Machine BUILD = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);
    static final Machine X86 = Machine.of("linux", "x86", "i686", Endian.LITTLE);
    static final Machine ARM64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
    static final Machine RISCV64 = Machine.of("linux", "riscv64", "riscv64", Endian.LITTLE);
    static final Machine WINDOWS = Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE);
    static final Machine DARWIN = Machine.of("darwin", "aarch64", "arm64", Endian.LITTLE);

    private Setups() {
    }

    /**
     * A setup for {@code host} whose compilers are {@code <prefix>gcc}/{@code g++} (plus {@code ar}, {@code strip},
     * {@code objcopy}), with {@code needs_exe_wrapper} as given and the binaries and properties given.
     */
    static SetupState of(Machine host, String prefix, String triple, boolean needsExeWrapper,
            Map<String, List<String>> binaries, Map<String, Object> properties) {
        Map<Language, Compiler> compilers = new EnumMap<>(Language.class);
        CompilerId id = new CompilerId("gcc", "12.2.0", triple, Optional.empty());
        compilers.put(Language.C, new Compiler(Language.C, new Tool("c", List.of(prefix + "gcc"), "test"), id));
        compilers.put(Language.CPP, new Compiler(Language.CPP, new Tool("cpp", List.of(prefix + "g++"), "test"), id));
        Toolchain toolchain = new Toolchain(MachineRole.HOST, host, compilers, tool("ar", prefix), Optional.empty(),
                tool("strip", prefix), tool("objcopy", prefix), Optional.empty());
        boolean canRun = !needsExeWrapper || binaries.containsKey("exe_wrapper");
        return new SetupState(Path.of("/p/target/cross/test-classifier/setup.json"), "test-classifier", BUILD, host,
                toolchain, Map.of(), properties, new LinkedHashMap<>(binaries), canRun, needsExeWrapper);
    }

    /** A setup that needs an exe_wrapper for {@code host}, with these binaries. */
    static SetupState foreign(Machine host, Map<String, List<String>> binaries) {
        return of(host, "/usr/bin/x-", "x", true, binaries, Map.of());
    }

    /** The real Debian cross toolchain {@code <triple>-gcc}; skips here, fails in CI, when it is not installed. */
    static SetupState real(Machine host, String triple, boolean needsExeWrapper, Map<String, List<String>> binaries) {
        Path gcc = require(triple + "-gcc");
        return of(host, gcc.getParent().resolve(triple + "-").toString(), triple, needsExeWrapper, binaries, Map.of());
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

    private static Optional<Tool> tool(String name, String prefix) {
        return Optional.of(new Tool(name, List.of(prefix + name), "test"));
    }
}
