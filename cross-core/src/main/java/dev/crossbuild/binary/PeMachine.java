package dev.crossbuild.binary;

import java.util.Map;
import java.util.Optional;

/** A COFF/PE {@code Machine} field: its number, its {@code IMAGE_FILE_MACHINE_*} short name, and Meson's cpu family. */
public record PeMachine(int number, String name, Optional<String> cpuFamily) {

    private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            Map.entry(0x14c, new String[] {"I386", "x86"}),
            Map.entry(0x8664, new String[] {"AMD64", "x86_64"}),
            Map.entry(0xaa64, new String[] {"ARM64", "aarch64"}),
            // ARM64EC code runs on Windows on Arm (and interoperates with x64 code); its family is aarch64.
            Map.entry(0xa641, new String[] {"ARM64EC", "aarch64"}),
            Map.entry(0x1c0, new String[] {"ARM", "arm"}),
            Map.entry(0x1c2, new String[] {"THUMB", "arm"}),
            Map.entry(0x1c4, new String[] {"ARMNT", "arm"}),
            Map.entry(0x200, new String[] {"IA64", "ia64"}),
            Map.entry(0x5032, new String[] {"RISCV32", "riscv32"}),
            Map.entry(0x5064, new String[] {"RISCV64", "riscv64"}),
            Map.entry(0x6264, new String[] {"LOONGARCH64", "loongarch64"}));

    public static PeMachine of(int number) {
        String[] known = KNOWN.get(number);
        return known == null
                ? new PeMachine(number, String.format("0x%x", number), Optional.empty())
                : new PeMachine(number, known[0], Optional.of(known[1]));
    }

    /** The cpu family, or the machine's name when Meson has no family for it. */
    public String displayName() {
        return cpuFamily.orElse(name);
    }
}
