package dev.crossbuild.binary;

import java.util.List;
import java.util.Optional;

/**
 * One Mach-O image: a thin file, or one architecture of a universal file. {@code loadDylibs} are the install names
 * of {@code LC_LOAD_DYLIB} (and its weak, re-export, lazy and upward variants), {@code idDylib} is a dylib's own
 * {@code LC_ID_DYLIB}, {@code exportedSymbols} are the external defined symbols of {@code LC_SYMTAB} with the
 * C leading underscore removed ({@code _Java_dev_demo_Native_add} is {@code Java_dev_demo_Native_add}).
 */
public record MachOImage(int cpuType, int cpuSubtype, boolean is64Bit, Endianness endianness, int fileType,
        List<String> loadDylibs, Optional<String> idDylib, List<String> rpaths, Optional<String> uuid,
        List<String> exportedSymbols) {

    static final int CPU_ARCH_ABI64 = 0x01000000;
    static final int CPU_ARCH_ABI64_32 = 0x02000000;

    public MachOImage {
        loadDylibs = List.copyOf(loadDylibs);
        rpaths = List.copyOf(rpaths);
        exportedSymbols = List.copyOf(exportedSymbols);
    }

    /** Apple's architecture name: {@code arm64}, {@code x86_64}, {@code i386}, {@code arm}, {@code ppc}, ... */
    public String cpuName() {
        return switch (cpuType) {
            case 7 -> "i386";
            case 7 | CPU_ARCH_ABI64 -> "x86_64";
            case 12 -> "arm";
            case 12 | CPU_ARCH_ABI64 -> "arm64";
            case 12 | CPU_ARCH_ABI64_32 -> "arm64_32";
            case 18 -> "ppc";
            case 18 | CPU_ARCH_ABI64 -> "ppc64";
            default -> String.format("cputype 0x%x", cpuType);
        };
    }

    /** Meson's {@code cpu_family}: arm64 is {@code aarch64}, i386 is {@code x86}. */
    public Optional<String> cpuFamily() {
        return switch (cpuType) {
            case 7 -> Optional.of("x86");
            case 7 | CPU_ARCH_ABI64 -> Optional.of("x86_64");
            case 12 -> Optional.of("arm");
            case 12 | CPU_ARCH_ABI64, 12 | CPU_ARCH_ABI64_32 -> Optional.of("aarch64");
            case 18 -> Optional.of("ppc");
            case 18 | CPU_ARCH_ABI64 -> Optional.of("ppc64");
            default -> Optional.empty();
        };
    }

    /** {@code object}, {@code executable}, {@code dylib}, {@code bundle}, {@code dSYM companion}, ... */
    public String fileTypeName() {
        return switch (fileType) {
            case 1 -> "object";
            case 2 -> "executable";
            case 6 -> "dylib";
            case 7 -> "dynamic linker";
            case 8 -> "bundle";
            case 9 -> "dylib stub";
            case 10 -> "dSYM companion";
            case 11 -> "kext bundle";
            default -> "filetype " + fileType;
        };
    }

    /** {@code Mach-O 64-bit arm64 dylib}. */
    public String describe() {
        return "Mach-O " + (is64Bit ? "64" : "32") + "-bit " + cpuName() + " " + fileTypeName();
    }
}
