package dev.crossbuild.machine;

import java.util.Set;

/** Meson's {@code system} values (docs table of HEAD) and derived per-system facts. */
public final class OperatingSystems {

    private static final Set<String> KNOWN = Set.of(
            "android", "cygwin", "darwin", "dragonfly", "emscripten", "freebsd", "gnu", "haiku", "linux", "netbsd",
            "openbsd", "windows", "sunos", "os/2", "fuchsia", "aix");

    private OperatingSystems() {
    }

    /** Every system of Meson's documentation table; others are accepted with a warning. */
    public static Set<String> known() {
        return KNOWN;
    }

    public static boolean isKnown(String system) {
        return KNOWN.contains(system);
    }

    /**
     * Executable suffix without the dot, as Meson's {@code exe_suffix}: {@code exe} for windows, cygwin and os/2,
     * else empty. {@link FileNaming#executable} applies it.
     */
    public static String executableSuffix(String system) {
        return switch (system) {
            case "windows", "cygwin", "os/2" -> "exe";
            default -> "";
        };
    }

    /** Object file suffix without the dot: {@code obj} on windows, else {@code o}. */
    public static String objectSuffix(String system) {
        return "windows".equals(system) ? "obj" : "o";
    }
}
