package dev.crossbuild.machine;

import java.util.Objects;
import java.util.Optional;

/**
 * One machine as Meson describes it: {@code [host_machine]} / {@code [target_machine]} of a cross file, or the
 * detected build machine. {@code system} and {@code cpuFamily} are kept as strings because Meson accepts values
 * outside its tables (with a warning); {@link CpuFamilies} and {@link OperatingSystems} know the tables.
 */
public record Machine(
        String system,
        String cpuFamily,
        String cpu,
        Endian endian,
        Optional<String> kernel,
        Optional<String> subsystem) {

    public Machine {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(cpuFamily, "cpuFamily");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(endian, "endian");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(subsystem, "subsystem");
    }

    /** A machine without kernel and subsystem. */
    public static Machine of(String system, String cpuFamily, String cpu, Endian endian) {
        return new Machine(system, cpuFamily, cpu, endian, Optional.empty(), Optional.empty());
    }

    /** True when the CPU family is one of Meson's 64-bit families. */
    public boolean is64Bit() {
        return CpuFamilies.is64Bit(cpuFamily);
    }

    /** {@code linux/aarch64 (cortex-a53, little)}: short form for logs and messages. */
    @Override
    public String toString() {
        return system + "/" + cpuFamily + " (" + cpu + ", " + endian.mesonName() + ")";
    }
}
