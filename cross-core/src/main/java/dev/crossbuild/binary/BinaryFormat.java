package dev.crossbuild.binary;

/** The object file formats this package reads. */
public enum BinaryFormat {
    ELF("ELF"),
    PE("PE"),
    MACH_O("Mach-O");

    private final String displayName;

    BinaryFormat(String displayName) {
        this.displayName = displayName;
    }

    /** {@code ELF}, {@code PE}, {@code Mach-O}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
