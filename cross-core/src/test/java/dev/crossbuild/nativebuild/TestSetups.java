package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made {@link SetupState}s for link tests: machines, toolchains with fixed program paths, options. */
final class TestSetups {

    static final Machine BUILD = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);
    static final Machine LINUX_ARM64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
    static final Machine LINUX_ARMHF = Machine.of("linux", "arm", "armv7", Endian.LITTLE);
    static final Machine WINDOWS_X64 = Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE);
    static final Machine DARWIN_ARM64 = Machine.of("darwin", "aarch64", "arm64", Endian.LITTLE);

    private TestSetups() {
    }

    /** A GNU toolchain whose programs are {@code /usr/bin/<prefix>gcc}, {@code g++}, {@code ar}, {@code strip}, {@code objcopy}. */
    static Toolchain gnu(Machine host, String triple) {
        return gnu(host, triple, "/usr/bin/" + triple + "-", true);
    }

    /** The same with every program under {@code prefix} (absolute), binutils only when {@code binutils}. */
    static Toolchain gnu(Machine host, String triple, String prefix, boolean binutils) {
        Map<Language, Compiler> compilers = new EnumMap<>(Language.class);
        CompilerId id = new CompilerId("gcc", "12.2.0", triple, Optional.empty());
        compilers.put(Language.C, new Compiler(Language.C, new Tool("c", List.of(prefix + "gcc"), "test"), id));
        compilers.put(Language.CPP, new Compiler(Language.CPP, new Tool("cpp", List.of(prefix + "g++"), "test"), id));
        return new Toolchain(MachineRole.HOST, host, compilers, tool(binutils, "ar", prefix), Optional.empty(),
                tool(binutils, "strip", prefix), tool(binutils, "objcopy", prefix), Optional.empty());
    }

    static SetupState setup(Path root, Machine host, Toolchain toolchain, Map<String, Object> builtInOptions) {
        return new SetupState(root.resolve("setup.json"), "test-classifier", BUILD, host, toolchain, builtInOptions,
                Map.of(), Map.of(), false, true);
    }

    private static Optional<Tool> tool(boolean present, String name, String prefix) {
        return present ? Optional.of(new Tool(name, List.of(prefix + name), "test")) : Optional.empty();
    }
}
