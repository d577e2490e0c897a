package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SetupState records built by hand, for tests that need no detection. */
final class SetupStates {

    static final Machine BUILD = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);
    static final Machine ARM64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
    static final Machine WINDOWS = Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE);

    private SetupStates() {
    }

    static SetupState of(Machine host, List<Compiler> compilers, Map<String, Object> builtInOptions,
                         Map<String, Object> properties, Map<String, List<String>> binaries) {
        Map<Language, Compiler> byLanguage = new EnumMap<>(Language.class);
        compilers.forEach(c -> byLanguage.put(c.language(), c));
        Toolchain toolchain = new Toolchain(MachineRole.HOST, host, byLanguage, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return new SetupState(Path.of("/nonexistent/setup.json"), "test", BUILD, host, toolchain, builtInOptions,
                properties, binaries, host.equals(BUILD), false);
    }

    /** A setup with only machines, properties and binaries (no compilers). */
    static SetupState of(Machine host, Map<String, Object> properties, Map<String, List<String>> binaries) {
        return of(host, List.of(), Map.of(), properties, binaries);
    }
}
