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

    // equals and hashCode written out: a record's generated ones are bootstrapped through invokedynamic on first
    // use, which costs milliseconds in the fresh JVM of every build (Aliases' tables hash a hundred platforms).
    @Override
    public boolean equals(Object other) {
        return other instanceof Platform that && system.equals(that.system) && cpuFamily.equals(that.cpuFamily);
    }

    @Override
    public int hashCode() {
        return 31 * system.hashCode() + cpuFamily.hashCode();
    }

    /** {@code linux/aarch64}. */
    @Override
    public String toString() {
        return system + "/" + cpuFamily;
    }
}
