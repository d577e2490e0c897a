package dev.crossbuild.machine;


/**
 * The executable format of a host machine's outputs, which decides names, SONAME / import library / install name,
 * rpath and how debug information is split off.
 */
public enum OutputFormat {
    ELF, PE, MACH_O;

    /** PE for windows and cygwin, Mach-O for darwin, ELF for every other system (linux, android, the BSDs ...). */
    public static OutputFormat of(Machine host) {
        return of(host.system());
    }

    /** The format of a Meson {@code system}'s outputs. */
    public static OutputFormat of(String system) {
        return switch (system) {
            case "windows", "cygwin" -> PE;
            case "darwin" -> MACH_O;
            default -> ELF;
        };
    }
}
