package dev.crossbuild.machine;

import java.util.Locale;

/** Meson's three machines: where the build runs, where its outputs run, and what produced tools target. */
public enum MachineRole {
    BUILD,
    HOST,
    TARGET;

    /** Lower-case name as used in Meson and in our JSON ({@code build}, {@code host}, {@code target}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
