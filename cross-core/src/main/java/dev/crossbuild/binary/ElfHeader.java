package dev.crossbuild.binary;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The identification and header fields of an ELF file that describe the machine it was built for. {@code flags}
 * is {@code e_flags}, whose meaning is per machine: ARM keeps its EABI version and float ABI there, RISC-V and
 * LoongArch their float ABI.
 */
public record ElfHeader(boolean is64Bit, Endianness endianness, int osAbi, ElfType type, ElfMachine machine,
        long flags) {

    static final int EM_ARM = 40;
    static final int EM_RISCV = 243;
    static final int EM_LOONGARCH = 258;

    /** 32 or 64. */
    public int bits() {
        return is64Bit ? 64 : 32;
    }

    /** readelf's short name of {@code EI_OSABI}: {@code SYSV} (the usual value on Linux), {@code GNU}, {@code FreeBSD}, ... */
    public String osAbiName() {
        return switch (osAbi) {
            case 0 -> "SYSV";
            case 1 -> "HPUX";
            case 2 -> "NetBSD";
            case 3 -> "GNU";
            case 6 -> "Solaris";
            case 9 -> "FreeBSD";
            case 12 -> "OpenBSD";
            case 64 -> "ARM EABI";
            case 97 -> "ARM";
            case 255 -> "Standalone";
            default -> "OSABI " + osAbi;
        };
    }

    /**
     * The float ABI recorded in {@code e_flags}: {@code hard} / {@code soft} for ARM ({@code EF_ARM_ABI_FLOAT_HARD}
     * 0x400, {@code EF_ARM_ABI_FLOAT_SOFT} 0x200); {@code soft} / {@code single} / {@code double} / {@code quad} for
     * RISC-V and LoongArch. Empty for other machines and for ARM files that record neither.
     */
    public Optional<String> floatAbi() {
        return switch (machine.number()) {
            case EM_ARM -> (flags & 0x400) != 0 ? Optional.of("hard")
                    : (flags & 0x200) != 0 ? Optional.of("soft") : Optional.empty();
            case EM_RISCV -> Optional.of(List.of("soft", "single", "double", "quad").get((int) (flags >> 1) & 3));
            case EM_LOONGARCH -> (flags & 7) >= 1 && (flags & 7) <= 3
                    ? Optional.of(List.of("soft", "single", "double").get((int) (flags & 7) - 1))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** ARM's EABI version ({@code EF_ARM_EABIMASK}, 5 for current toolchains); empty for other machines. */
    public OptionalInt armEabiVersion() {
        return machine.number() == EM_ARM ? OptionalInt.of((int) (flags >>> 24) & 0xff) : OptionalInt.empty();
    }

    /** Reads and checks {@code e_ident} and the header; {@code source} may have either byte order. */
    static ElfHeader read(ByteSource source) throws BinaryFormatException {
        source.check(0, 16, "ELF identification (e_ident)");
        int elfClass = source.u8(4, "EI_CLASS");
        if (elfClass != 1 && elfClass != 2) {
            throw source.error("EI_CLASS is " + elfClass + ", expected 1 (32-bit) or 2 (64-bit)");
        }
        int data = source.u8(5, "EI_DATA");
        if (data != 1 && data != 2) {
            throw source.error("EI_DATA is " + data + ", expected 1 (little-endian) or 2 (big-endian)");
        }
        boolean is64 = elfClass == 2;
        ByteSource in = source.withOrder(data == 1 ? Endianness.LITTLE : Endianness.BIG);
        in.check(0, is64 ? 64 : 52, "ELF header");
        int machine = in.u16(18, "e_machine");
        return new ElfHeader(is64, in.order(), in.u8(7, "EI_OSABI"), ElfType.of(in.u16(16, "e_type")),
                ElfMachine.of(machine, is64), in.u32(is64 ? 48 : 36, "e_flags"));
    }
}
