package dev.crossbuild.machine;

import java.util.Optional;

/**
 * Can the build machine run binaries made for the host machine without a wrapper? Meson HEAD's
 * {@code machine_info_can_run} (spec 4.6), minus its Rosetta rule: that one asks the running system
 * ({@code pgrep oahd}), and a pure rule cannot. Endianness, {@code cpu}, {@code kernel} and libc are never
 * compared, as in Meson; a cross file sets {@code needs_exe_wrapper} when that is not enough.
 */
public final class CanRun {

    private CanRun() {
    }

    public static boolean canRun(Machine build, Machine host) {
        if (!host.system().equals(build.system())) {
            return false;
        }
        // Only a subsystem the host states counts (Meson 1.11.x also compared an unset one: a regression).
        if (host.subsystem().isPresent() && !host.subsystem().equals(Optional.of(buildSubsystem(build)))) {
            return false;
        }
        String buildFamily = build.cpuFamily();
        String hostFamily = host.cpuFamily();
        return hostFamily.equals(buildFamily)
                || buildFamily.equals("x86_64") && hostFamily.equals("x86")
                || buildFamily.equals("mips64") && hostFamily.equals("mips");
    }

    /** The build machine's subsystem as Meson derives it when detection left it unset: macos on darwin, else the system. */
    private static String buildSubsystem(Machine build) {
        return build.subsystem().orElse(build.system().equals("darwin") ? "macos" : build.system());
    }
}
