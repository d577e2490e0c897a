package dev.crossbuild.nativebuild;

import dev.crossbuild.binary.ExpectedMachine;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Toolchain;
import java.util.Optional;

/** What the outputs must be, in the binary package's terms: the host machine, plus the ARM float ABI of its toolchain. */
final class HostExpectation {

    private HostExpectation() {
    }

    static ExpectedMachine of(Machine host, Toolchain toolchain) {
        return new ExpectedMachine(host.cpuFamily(), host.is64Bit(), host.endian() == Endian.BIG, host.system(),
                armFloatAbi(host, toolchain));
    }

    /**
     * Meson's machine has no float ABI, but the toolchain's triple fixes it: {@code arm-linux-gnueabihf} builds
     * hard-float, {@code arm-linux-gnueabi} soft-float; anything else is not checked.
     */
    private static Optional<String> armFloatAbi(Machine host, Toolchain toolchain) {
        if (!host.cpuFamily().equals("arm")) {
            return Optional.empty();
        }
        Optional<String> triple = toolchain.compilers().values().stream().findFirst().map(Compiler::id)
                .map(id -> id.targetTriple());
        if (triple.isEmpty()) {
            return Optional.empty();
        }
        String t = triple.get();
        if (t.endsWith("eabihf")) {
            return Optional.of("hard");
        }
        return t.endsWith("eabi") ? Optional.of("soft") : Optional.empty();
    }
}
