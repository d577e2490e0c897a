package dev.crossbuild.binary;

import java.util.Map;
import java.util.Optional;

/**
 * An ELF {@code e_machine}: its number, its {@code EM_*} name, and the Meson {@code cpu_family} it means for a
 * file of the given class (several machines serve both word sizes: {@code EM_MIPS} is {@code mips} or
 * {@code mips64}, {@code EM_RISCV} is {@code riscv32} or {@code riscv64}, {@code EM_S390} is {@code s390} or
 * {@code s390x}). Empty when Meson has no family for it.
 */
public record ElfMachine(int number, String name, Optional<String> cpuFamily) {

    private record Known(String name, String family32, String family64) {
    }

    private static final Map<Integer, Known> KNOWN = Map.ofEntries(
            Map.entry(2, new Known("EM_SPARC", "sparc", "sparc")),
            Map.entry(3, new Known("EM_386", "x86", "x86")),
            Map.entry(4, new Known("EM_68K", "m68k", "m68k")),
            Map.entry(8, new Known("EM_MIPS", "mips", "mips64")),
            Map.entry(10, new Known("EM_MIPS_RS3_LE", "mips", "mips64")),
            Map.entry(15, new Known("EM_PARISC", "parisc", "parisc")),
            Map.entry(18, new Known("EM_SPARC32PLUS", "sparc", "sparc")),
            Map.entry(20, new Known("EM_PPC", "ppc", "ppc")),
            Map.entry(21, new Known("EM_PPC64", "ppc64", "ppc64")),
            Map.entry(22, new Known("EM_S390", "s390", "s390x")),
            Map.entry(40, new Known("EM_ARM", "arm", "arm")),
            Map.entry(42, new Known("EM_SH", "sh4", "sh4")),
            Map.entry(43, new Known("EM_SPARCV9", "sparc64", "sparc64")),
            Map.entry(44, new Known("EM_TRICORE", "tricore", "tricore")),
            Map.entry(45, new Known("EM_ARC", "arc", "arc")),
            Map.entry(50, new Known("EM_IA_64", "ia64", "ia64")),
            // x32 (ELFCLASS32 + EM_X86_64) is still Meson's x86_64 family; the class check tells them apart.
            Map.entry(62, new Known("EM_X86_64", "x86_64", "x86_64")),
            Map.entry(83, new Known("EM_AVR", "avr", "avr")),
            Map.entry(93, new Known("EM_ARC_COMPACT", "arc", "arc")),
            Map.entry(105, new Known("EM_MSP430", "msp430", "msp430")),
            Map.entry(140, new Known("EM_TI_C6000", "c6000", "c6000")),
            Map.entry(173, new Known("EM_RX", "rx", "rx")),
            Map.entry(175, new Known("EM_MCST_ELBRUS", "e2k", "e2k")),
            Map.entry(183, new Known("EM_AARCH64", "aarch64", "aarch64")),
            Map.entry(189, new Known("EM_MICROBLAZE", "microblaze", "microblaze")),
            Map.entry(195, new Known("EM_ARC_COMPACT2", "arc", "arc")),
            Map.entry(197, new Known("EM_RL78", "rl78", "rl78")),
            Map.entry(222, new Known("EM_FT32", "ft32", "ft32")),
            Map.entry(243, new Known("EM_RISCV", "riscv32", "riscv64")),
            Map.entry(247, new Known("EM_BPF", null, null)),
            Map.entry(252, new Known("EM_CSKY", "csky", "csky")),
            Map.entry(258, new Known("EM_LOONGARCH", null, "loongarch64")),
            Map.entry(0x9026, new Known("EM_ALPHA", "alpha", "alpha")));

    /** The machine for {@code e_machine} in a file of the given class. */
    public static ElfMachine of(int number, boolean is64Bit) {
        Known known = KNOWN.get(number);
        if (known == null) {
            return new ElfMachine(number, "EM_" + number, Optional.empty());
        }
        return new ElfMachine(number, known.name(), Optional.ofNullable(is64Bit ? known.family64() : known.family32()));
    }

    /** The cpu family, or {@code EM_<name>} for machines Meson does not know, for messages. */
    public String displayName() {
        return cpuFamily.orElse(name);
    }
}
