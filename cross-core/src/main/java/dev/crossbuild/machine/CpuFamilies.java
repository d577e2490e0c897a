package dev.crossbuild.machine;

import java.util.Set;

/**
 * Meson's {@code cpu_family} table (HEAD's {@code known_cpu_families}) and its 64-bit subset
 * ({@code CPU_FAMILIES_64_BIT}). Meson never encodes endianness in the family: {@code ppc64} + little, not
 * {@code ppc64le}.
 */
public final class CpuFamilies {

    private static final Set<String> KNOWN = Set.of(
            "aarch64", "alpha", "arc", "arm", "avr", "c2000", "c6000", "csky", "dspic", "e2k", "ft32", "ia64",
            "loongarch64", "m68k", "microblaze", "mips", "mips64", "msp430", "parisc", "pic24", "pic32", "ppc",
            "ppc64", "riscv32", "riscv64", "rl78", "rx", "s390", "s390x", "sh4", "sparc", "sparc64", "sw_64",
            "wasm32", "wasm64", "x86", "x86_64", "tricore");

    private static final Set<String> SIXTY_FOUR_BIT = Set.of(
            "aarch64", "alpha", "ia64", "loongarch64", "mips64", "ppc64", "riscv64", "s390x", "sparc64", "sw_64",
            "wasm64", "x86_64");

    private CpuFamilies() {
    }

    /** Every family Meson knows; others are accepted with a warning. */
    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String family) {
        return KNOWN.contains(family);
    }

    public static boolean is64Bit(String family) {
        return SIXTY_FOUR_BIT.contains(family);
    }
}
