package dev.crossbuild.machine;

import java.util.Objects;

/**
 * An operating system and CPU family in Meson's canonical spelling ({@code linux}/{@code aarch64},
 * {@code windows}/{@code x86_64}, {@code darwin}/{@code aarch64}). Every other naming scheme (GNU triplets, Debian
 * architectures, Java {@code os.arch}, os-maven-plugin classifiers, .NET RIDs) is an alias of one of these; see
 * {@link Aliases}.
 */
public record Platform(String system, String cpuFamily) {

    public Platform {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(cpuFamily, "cpuFamily");
    }

    /** The platform of a machine: its system and CPU family, nothing else. */
    public static Platform of(Machine machine) {
        return new Platform(machine.system(), machine.cpuFamily());
    }

    /** {@code linux/aarch64}. */
    @Override
    public String toString() {
        return system + "/" + cpuFamily;
    }
}
