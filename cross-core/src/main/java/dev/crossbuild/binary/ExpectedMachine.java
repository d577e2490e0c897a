package dev.crossbuild.binary;

import java.util.Objects;
import java.util.Optional;

/**
 * The machine a binary must be for, in plain values so that this package stays a leaf: the caller maps Meson's
 * host machine to it ({@code cpuFamily} and {@code system} as Meson spells them, {@code is64Bit} from Meson's
 * 64-bit families, {@code bigEndian} from {@code endian}). {@code armFloatAbi} is {@code hard} or {@code soft}
 * when the target ABI fixes it (Debian {@code armhf} is {@code hard}); empty when it is not checked.
 */
public record ExpectedMachine(String cpuFamily, boolean is64Bit, boolean bigEndian, String system,
        Optional<String> armFloatAbi) {

    public ExpectedMachine {
        Objects.requireNonNull(cpuFamily, "cpuFamily");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(armFloatAbi, "armFloatAbi");
    }

    public Endianness endianness() {
        return bigEndian ? Endianness.BIG : Endianness.LITTLE;
    }

    /**
     * The format this system's loader takes: PE for windows and cygwin, Mach-O for darwin and Apple's other
     * systems, ELF for Linux, Android, the BSDs, Hurd, Haiku, Solaris and Fuchsia. Empty for systems without a
     * fixed format (bare metal, emscripten, os/2, aix), which are then not checked for format.
     */
    public Optional<BinaryFormat> format() {
        return switch (system) {
            case "windows", "cygwin" -> Optional.of(BinaryFormat.PE);
            case "darwin", "ios", "tvos", "watchos", "visionos" -> Optional.of(BinaryFormat.MACH_O);
            case "linux", "android", "freebsd", "netbsd", "openbsd", "dragonfly", "gnu", "haiku", "sunos", "fuchsia" ->
                    Optional.of(BinaryFormat.ELF);
            default -> Optional.empty();
        };
    }

    /** {@code linux/aarch64 (64-bit little-endian)}, with {@code , hard-float} when the float ABI is fixed. */
    @Override
    public String toString() {
        return system + "/" + cpuFamily + " (" + (is64Bit ? 64 : 32) + "-bit " + endianness()
                + armFloatAbi.map(abi -> ", " + abi + "-float").orElse("") + ")";
    }
}
