package dev.crossbuild.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianPackagesTest {

    private static final Machine AMD64 = CrossFiles.BUILD;

    private static DebianPackages on(Machine build, String system, String family, String cpu, Endian endian) {
        return DebianPackages.forMachine(Machine.of(system, family, cpu, endian), build);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "linux, aarch64, aarch64, LITTLE, gcc-aarch64-linux-gnu, g++-aarch64-linux-gnu, binutils-aarch64-linux-gnu, libc6-dev-arm64-cross",
            "linux, arm, armv7, LITTLE, gcc-arm-linux-gnueabihf, g++-arm-linux-gnueabihf, binutils-arm-linux-gnueabihf, libc6-dev-armhf-cross",
            "linux, riscv64, riscv64, LITTLE, gcc-riscv64-linux-gnu, g++-riscv64-linux-gnu, binutils-riscv64-linux-gnu, libc6-dev-riscv64-cross",
            "linux, ppc64, ppc64le, LITTLE, gcc-powerpc64le-linux-gnu, g++-powerpc64le-linux-gnu, binutils-powerpc64le-linux-gnu, libc6-dev-ppc64el-cross",
            "linux, s390x, s390x, BIG, gcc-s390x-linux-gnu, g++-s390x-linux-gnu, binutils-s390x-linux-gnu, libc6-dev-s390x-cross",
            "linux, x86_64, x86_64, LITTLE, gcc, g++, binutils, libc6-dev",
            "windows, x86_64, x86_64, LITTLE, gcc-mingw-w64-x86-64, g++-mingw-w64-x86-64, binutils-mingw-w64-x86-64, mingw-w64-x86-64-dev",
            "windows, x86, i686, LITTLE, gcc-mingw-w64-i686, g++-mingw-w64-i686, binutils-mingw-w64-i686, mingw-w64-i686-dev",
    })
    void packagesOfEachMachineOnAnAmd64BuildMachine(String system, String family, String cpu, Endian endian,
            String gcc, String gxx, String binutils, String libc) {
        DebianPackages packages = on(AMD64, system, family, cpu, endian);
        assertEquals(Optional.of(gcc), packages.compiler(Language.C));
        assertEquals(Optional.of(gxx), packages.compiler(Language.CPP));
        assertEquals(Optional.of(binutils), packages.binutils());
        assertEquals(Optional.of(libc), packages.libcDev());
    }

    @Test
    void amd64IsACrossTargetOnAnArm64BuildMachine() {
        Machine arm64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
        DebianPackages packages = on(arm64, "linux", "x86_64", "x86_64", Endian.LITTLE);
        assertEquals(Optional.of("sudo apt-get install gcc-x86-64-linux-gnu libc6-dev-amd64-cross"),
                packages.installCompiler(Language.C));
    }

    @Test
    void zlibCommandsFollowTheMachine() {
        assertEquals(Optional.of("let cross fetch it into a private sysroot: <sysrootPackages><package>zlib1g-dev"
                + "</package></sysrootPackages> in the cross-maven-plugin's configuration (or -Dcross.sysrootPackages="
                + "zlib1g-dev, or [properties] sysroot_packages = ['zlib1g-dev'] in the cross file); or, with Debian "
                + "multiarch: sudo dpkg --add-architecture arm64 && sudo apt-get update && sudo apt-get install "
                + "zlib1g-dev:arm64"), on(AMD64, "linux", "aarch64", "aarch64", Endian.LITTLE).installZlib());
        assertEquals(Optional.of("sudo apt-get install zlib1g-dev"),
                on(AMD64, "linux", "x86_64", "x86_64", Endian.LITTLE).installZlib());
        assertEquals(Optional.of("sudo apt-get install libz-mingw-w64-dev"),
                on(AMD64, "windows", "x86_64", "x86_64", Endian.LITTLE).installZlib());
    }

    @Test
    void nothingWithoutAptOrWithoutADebianPort() {
        Machine mac = Machine.of("darwin", "aarch64", "arm64", Endian.LITTLE);
        assertEquals(Optional.empty(), on(mac, "linux", "aarch64", "aarch64", Endian.LITTLE).compiler(Language.C));
        assertEquals(Optional.empty(), on(mac, "linux", "aarch64", "aarch64", Endian.LITTLE).forProgram("qemu-aarch64"));
        assertEquals(Optional.empty(), on(AMD64, "darwin", "aarch64", "arm64", Endian.LITTLE).compiler(Language.C));
        assertEquals(Optional.empty(), on(AMD64, "windows", "aarch64", "aarch64", Endian.LITTLE).binutils());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "qemu-aarch64, qemu-user",
            "/usr/bin/qemu-riscv64, qemu-user",
            "wine, wine",
            "clang, clang",
            "clang++-14, clang-14",
            "ld.lld, lld",
            "llvm-strip, llvm",
            "llvm-objcopy-15, llvm-15",
            "aarch64-linux-gnu-gcc, gcc-aarch64-linux-gnu",
            "aarch64-linux-gnu-gcc-12, gcc-aarch64-linux-gnu",
            "arm-linux-gnueabihf-g++, g++-arm-linux-gnueabihf",
            "riscv64-linux-gnu-objcopy, binutils-riscv64-linux-gnu",
            "x86_64-w64-mingw32-gcc-posix, gcc-mingw-w64-x86-64",
            "x86_64-w64-mingw32-strip, binutils-mingw-w64-x86-64",
            "x86_64-linux-gnu-gcc, gcc",
            "x86_64-linux-gnu-ar, binutils",
            "gcc, gcc",
            "c++, g++",
            "strip, binutils",
    })
    void programsAreMappedToTheirPackage(String program, String expected) {
        assertEquals(Optional.of(expected), on(AMD64, "linux", "aarch64", "aarch64", Endian.LITTLE).forProgram(program));
    }

    @Test
    void aNonDebianTripletHasNoPackage() {
        DebianPackages packages = on(AMD64, "linux", "aarch64", "aarch64", Endian.LITTLE);
        assertEquals(Optional.empty(), packages.forProgram("aarch64-unknown-linux-gnu-gcc"));
        assertEquals(Optional.empty(), packages.forProgram("my-cc"));
    }
}
