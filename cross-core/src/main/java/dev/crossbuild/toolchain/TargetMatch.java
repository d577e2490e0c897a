package dev.crossbuild.toolchain;

import dev.crossbuild.machine.AliasMatch;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.util.Optional;

/**
 * Whether a compiler's target triple stands for a machine: same system, CPU family and byte order, read through
 * {@link Aliases} ({@code aarch64-unknown-linux-gnu} and {@code aarch64-linux-gnu} are both linux/aarch64 little
 * endian; {@code x86_64-w64-mingw32} is windows/x86_64).
 */
final class TargetMatch {

    enum Verdict { MATCH, MISMATCH, UNKNOWN }

    private TargetMatch() {
    }

    static Verdict check(String triple, Machine machine) {
        Optional<AliasMatch> match = Aliases.lookup(triple);
        if (match.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        boolean same = match.get().platform().system().equals(machine.system())
                && match.get().platform().cpuFamily().equals(machine.cpuFamily())
                && match.get().endian() == machine.endian();
        return same ? Verdict.MATCH : Verdict.MISMATCH;
    }

    /** {@code linux/x86_64, little endian}: how a triple reads, for messages; the triple itself when unknown. */
    static String describe(String triple) {
        return Aliases.lookup(triple)
                .map(m -> m.platform() + ", " + m.endian().mesonName() + " endian")
                .orElse(triple);
    }

    /**
     * {@code linux/aarch64}; the byte order is added where the family has both and this is not the usual one:
     * {@code linux/ppc64 (little endian)}.
     */
    static String platform(Machine machine) {
        String platform = machine.system() + "/" + machine.cpuFamily();
        Optional<AliasMatch> usual = Aliases.lookup(machine.cpuFamily());
        boolean unusual = usual.isPresent() && usual.get().endian() != machine.endian();
        return unusual ? platform + " (" + machine.endian().mesonName() + " endian)" : platform;
    }

    /** {@code linux/aarch64 (aarch64, little endian)}. */
    static String describe(Machine machine) {
        return machine.system() + "/" + machine.cpuFamily() + " (" + machine.cpu() + ", "
                + machine.endian().mesonName() + " endian)";
    }
}
