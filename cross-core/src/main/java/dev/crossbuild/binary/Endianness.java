package dev.crossbuild.binary;

import java.util.Locale;

/** Byte order of a binary, spelled as Meson spells a machine's {@code endian} ({@code little}, {@code big}). */
public enum Endianness {
    LITTLE,
    BIG;

    /** {@code little} or {@code big}. */
    public String mesonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return mesonName() + "-endian";
    }
}
