package dev.crossbuild.machine;

import java.util.Locale;
import java.util.Optional;

/** Byte order of a machine, spelled as Meson spells it ({@code little}, {@code big}). */
public enum Endian {
    LITTLE,
    BIG;

    /** The Meson spelling: {@code little} or {@code big}. */
    public String mesonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses Meson's exact spelling; anything else (even {@code BIG}) is empty, as Meson only knows these two. */
    public static Optional<Endian> parse(String text) {
        return switch (text) {
            case "little" -> Optional.of(LITTLE);
            case "big" -> Optional.of(BIG);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return mesonName();
    }
}
