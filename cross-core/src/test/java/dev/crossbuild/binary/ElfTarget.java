package dev.crossbuild.binary;

import java.util.Optional;

/**
 * A Debian cross toolchain the ELF tests build with, and what its output must be: written down here, not taken
 * from the reader under test.
 */
enum ElfTarget {
    AARCH64("aarch64-linux-gnu", "aarch64", 183, true, Endianness.LITTLE),
    ARMHF("arm-linux-gnueabihf", "arm", 40, false, Endianness.LITTLE),
    RISCV64("riscv64-linux-gnu", "riscv64", 243, true, Endianness.LITTLE),
    PPC64LE("powerpc64le-linux-gnu", "ppc64", 21, true, Endianness.LITTLE),
    S390X("s390x-linux-gnu", "s390x", 22, true, Endianness.BIG),
    X86_64("x86_64-linux-gnu", "x86_64", 62, true, Endianness.LITTLE);

    final String triple;
    final String cpuFamily;
    final int elfMachine;
    final boolean is64Bit;
    final Endianness endianness;

    ElfTarget(String triple, String cpuFamily, int elfMachine, boolean is64Bit, Endianness endianness) {
        this.triple = triple;
        this.cpuFamily = cpuFamily;
        this.elfMachine = elfMachine;
        this.is64Bit = is64Bit;
        this.endianness = endianness;
    }

    String tool(String name) {
        return triple + "-" + name;
    }

    boolean installed() {
        return NativeTools.onPath(tool("gcc")) && NativeTools.onPath(tool("readelf"))
                && NativeTools.onPath(tool("objcopy")) && NativeTools.onPath(tool("strip"));
    }

    ExpectedMachine expected() {
        return new ExpectedMachine(cpuFamily, is64Bit, endianness == Endianness.BIG, "linux",
                this == ARMHF ? Optional.of("hard") : Optional.empty());
    }
}
