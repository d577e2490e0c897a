package dev.crossbuild.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AliasesTest {

    @ParameterizedTest(name = "{0} -> {1}/{2} {3}")
    @CsvSource({
            // GNU triplets as Debian/Ubuntu cross toolchains, mingw-w64 and Apple spell them
            "aarch64-linux-gnu, linux, aarch64, little",
            "arm-linux-gnueabihf, linux, arm, little",
            "arm-linux-gnueabi, linux, arm, little",
            "riscv64-linux-gnu, linux, riscv64, little",
            "powerpc64le-linux-gnu, linux, ppc64, little",
            "powerpc64-linux-gnu, linux, ppc64, big",
            "s390x-linux-gnu, linux, s390x, big",
            "x86_64-linux-gnu, linux, x86_64, little",
            "i686-linux-gnu, linux, x86, little",
            "i386-linux-gnu, linux, x86, little",
            "mips64el-linux-gnuabi64, linux, mips64, little",
            "x86_64-linux-musl, linux, x86_64, little",
            "x86_64-w64-mingw32, windows, x86_64, little",
            "i686-w64-mingw32, windows, x86, little",
            "aarch64-apple-darwin, darwin, aarch64, little",
            "x86_64-apple-darwin, darwin, x86_64, little",
            "arm64-apple-macos11, darwin, aarch64, little",
            "aarch64-linux-android, android, aarch64, little",
            "armv7a-linux-androideabi, android, arm, little",
            // vendor forms (Rust, autoconf)
            "aarch64-unknown-linux-gnu, linux, aarch64, little",
            "armv7-unknown-linux-gnueabihf, linux, arm, little",
            "riscv64gc-unknown-linux-gnu, linux, riscv64, little",
            "x86_64-pc-linux-gnu, linux, x86_64, little",
            "x86_64-pc-windows-msvc, windows, x86_64, little",
            "x86_64-pc-windows-gnu, windows, x86_64, little",
            "x86_64-unknown-freebsd, freebsd, x86_64, little",
            "aarch64_be-linux-gnu, linux, aarch64, big",
            // vcpkg triplets read the same way
            "x64-linux, linux, x86_64, little",
            "arm64-osx, darwin, aarch64, little",
            // Debian architectures: Linux ports
            "arm64, linux, aarch64, little",
            "armhf, linux, arm, little",
            "armel, linux, arm, little",
            "riscv64, linux, riscv64, little",
            "ppc64el, linux, ppc64, little",
            "s390x, linux, s390x, big",
            "amd64, linux, x86_64, little",
            "i386, linux, x86, little",
            "mips64el, linux, mips64, little",
            "loong64, linux, loongarch64, little",
            // Java os.arch
            "x86_64, linux, x86_64, little",
            "aarch64, linux, aarch64, little",
            "arm, linux, arm, little",
            "ppc64le, linux, ppc64, little",
            "ppc64, linux, ppc64, big",
            "x86, linux, x86, little",
            "sparcv9, linux, sparc64, big",
            // Java-style <os>-<os.arch> pairs, JNA's resource prefixes
            "linux-amd64, linux, x86_64, little",
            "windows-amd64, windows, x86_64, little",
            "linux-x86-64, linux, x86_64, little",
            "win32-x86-64, windows, x86_64, little",
            "darwin-aarch64, darwin, aarch64, little",
            "linux-armhf, linux, arm, little",
            // os-maven-plugin classifiers
            "linux-aarch_64, linux, aarch64, little",
            "linux-x86_64, linux, x86_64, little",
            "linux-x86_32, linux, x86, little",
            "linux-arm_32, linux, arm, little",
            "linux-riscv64, linux, riscv64, little",
            "linux-ppcle_64, linux, ppc64, little",
            "linux-ppc_64, linux, ppc64, big",
            "linux-s390_64, linux, s390x, big",
            "linux-loongarch_64, linux, loongarch64, little",
            "windows-x86_64, windows, x86_64, little",
            "osx-aarch_64, darwin, aarch64, little",
            "osx-x86_64, darwin, x86_64, little",
            "os400-ppc_64, aix, ppc64, big",
            // .NET RIDs
            "linux-arm64, linux, aarch64, little",
            "linux-x64, linux, x86_64, little",
            "linux-arm, linux, arm, little",
            "linux-ppc64le, linux, ppc64, little",
            "win-x64, windows, x86_64, little",
            "win-x86, windows, x86, little",
            "win-arm64, windows, aarch64, little",
            "osx-arm64, darwin, aarch64, little",
            "linux-musl-x64, linux, x86_64, little",
            "linux-musl-arm64, linux, aarch64, little",
            "linux-bionic-arm64, android, aarch64, little",
            "android-arm64, android, aarch64, little",
            "freebsd-x64, freebsd, x86_64, little",
            // Meson's own names, any case, surrounding blanks ignored
            "linux-mips64, linux, mips64, big",
            "FreeBSD-AArch64, freebsd, aarch64, little",
            "'  Linux-ARM64 ', linux, aarch64, little",
            // bare-metal toolchains (Meson's system 'none'), and this project's classifier for them
            "arm-none-eabi, none, arm, little",
            "armeb-none-eabi, none, arm, big",
            "aarch64-none-elf, none, aarch64, little",
            "riscv64-unknown-elf, none, riscv64, little",
            "arm-none-eabihf, none, arm, little",
            "none-arm_32, none, arm, little",
            // Arm's GNU toolchain for Linux says 'none' as its vendor
            "arm-none-linux-gnueabihf, linux, arm, little",
            "aarch64-none-linux-gnu, linux, aarch64, little",
    })
    void resolvesEveryNamingScheme(String alias, String system, String cpuFamily, String endian) {
        AliasMatch expected = new AliasMatch(new Platform(system, cpuFamily), Endian.parse(endian).orElseThrow());

        assertEquals(Optional.of(expected), Aliases.lookup(alias));
        assertEquals(Optional.of(expected.platform()), Aliases.resolve(alias));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "-", "linux", "linux-", "-arm64", "aarch", "linux-arm65", "linux-musl", "plan9-x86_64",
            "aarch64-unknown-unknown", "x86_64-foo-bar-baz",
            "windows-armhf-x"})
    void rejectsNamesThatSayNoPlatform(String alias) {
        assertEquals(Optional.empty(), Aliases.lookup(alias));
        assertEquals(Optional.empty(), Aliases.resolve(alias));
    }

    static Stream<Arguments> machines() {
        return Stream.of(
                // system, family, cpu, endian, classifier, GNU triplet, Debian arch, multiarch
                Arguments.of("linux", "x86_64", "x86_64", "little", "linux-x86_64", "x86_64-linux-gnu", "amd64",
                        "x86_64-linux-gnu"),
                Arguments.of("linux", "aarch64", "cortex-a53", "little", "linux-aarch_64", "aarch64-linux-gnu",
                        "arm64", "aarch64-linux-gnu"),
                Arguments.of("linux", "arm", "armv7", "little", "linux-arm_32", "arm-linux-gnueabihf", "armhf",
                        "arm-linux-gnueabihf"),
                Arguments.of("linux", "arm", "armv5te", "little", "linux-arm_32", "arm-linux-gnueabi", "armel",
                        "arm-linux-gnueabi"),
                Arguments.of("linux", "riscv64", "riscv64", "little", "linux-riscv64", "riscv64-linux-gnu", "riscv64",
                        "riscv64-linux-gnu"),
                Arguments.of("linux", "ppc64", "ppc64le", "little", "linux-ppcle_64", "powerpc64le-linux-gnu",
                        "ppc64el", "powerpc64le-linux-gnu"),
                Arguments.of("linux", "ppc64", "ppc64", "big", "linux-ppc_64", "powerpc64-linux-gnu", "ppc64",
                        "powerpc64-linux-gnu"),
                Arguments.of("linux", "s390x", "s390x", "big", "linux-s390_64", "s390x-linux-gnu", "s390x",
                        "s390x-linux-gnu"),
                Arguments.of("linux", "x86", "i686", "little", "linux-x86_32", "i686-linux-gnu", "i386",
                        "i386-linux-gnu"),
                Arguments.of("linux", "mips64", "mips64", "little", "linux-mipsel_64", "mips64el-linux-gnuabi64",
                        "mips64el", "mips64el-linux-gnuabi64"),
                Arguments.of("linux", "loongarch64", "loongarch64", "little", "linux-loongarch_64",
                        "loongarch64-linux-gnu", "loong64", "loongarch64-linux-gnu"),
                Arguments.of("windows", "x86_64", "x86_64", "little", "windows-x86_64", "x86_64-w64-mingw32", null,
                        null),
                Arguments.of("windows", "x86", "i686", "little", "windows-x86_32", "i686-w64-mingw32", null, null),
                Arguments.of("darwin", "aarch64", "aarch64", "little", "osx-aarch_64", "aarch64-apple-darwin", null,
                        null),
                Arguments.of("darwin", "x86_64", "x86_64", "little", "osx-x86_64", "x86_64-apple-darwin", null, null),
                Arguments.of("freebsd", "x86_64", "x86_64", "little", "freebsd-x86_64", "x86_64-unknown-freebsd",
                        null, null),
                Arguments.of("android", "aarch64", "aarch64", "little", "android-aarch_64", "aarch64-linux-android",
                        null, null),
                // families os-maven-plugin has no name for keep Meson's, sanitised
                Arguments.of("linux", "wasm32", "wasm32", "little", "linux-wasm32", null, null, null),
                Arguments.of("emscripten", "wasm32", "wasm32", "little", "emscripten-wasm32", null, null, null),
                Arguments.of("os/2", "x86", "i686", "little", "os_2-x86_32", null, null, null),
                Arguments.of("bare metal", "Cortex M4!", "cortex-m4", "little", "bare_metal-cortex_m4_", null, null,
                        null));
    }

    @ParameterizedTest(name = "{0}/{1} {3} -> {4}")
    @MethodSource("machines")
    void namesMachinesInEachScheme(String system, String cpuFamily, String cpu, String endian, String classifier,
            String gnuTriplet, String debianArch, String multiarch) {
        Machine machine = Machine.of(system, cpuFamily, cpu, Endian.parse(endian).orElseThrow());

        assertEquals(classifier, Aliases.classifier(machine));
        assertEquals(Optional.ofNullable(gnuTriplet), Aliases.gnuTriplet(machine));
        assertEquals(Optional.ofNullable(debianArch), Aliases.debianArch(machine));
        assertEquals(Optional.ofNullable(multiarch), Aliases.debianMultiarch(machine));
    }

    @ParameterizedTest(name = "{0}/{1} {3}")
    @MethodSource("machines")
    void everyNameWrittenForAKnownPlatformReadsBackAsThatPlatform(String system, String cpuFamily, String cpu,
            String endian) {
        Machine machine = Machine.of(system, cpuFamily, cpu, Endian.parse(endian).orElseThrow());
        AliasMatch expected = new AliasMatch(Platform.of(machine), machine.endian());
        if (!OperatingSystems.isKnown(system) || !CpuFamilies.isKnown(cpuFamily)) {
            return; // sanitised names of unknown systems are not meant to be read back
        }

        assertEquals(Optional.of(expected), Aliases.lookup(Aliases.classifier(machine)), "classifier");
        Aliases.gnuTriplet(machine).ifPresent(
                name -> assertEquals(Optional.of(expected), Aliases.lookup(name), "GNU triplet " + name));
        Aliases.debianMultiarch(machine).ifPresent(
                name -> assertEquals(Optional.of(expected), Aliases.lookup(name), "multiarch " + name));
        if (system.equals("linux")) {
            Aliases.debianArch(machine).ifPresent(
                    name -> assertEquals(Optional.of(expected), Aliases.lookup(name), "Debian arch " + name));
        }
    }

    @Test
    void aBareMetalMachineIsNamedAfterSystemNone() {
        Machine cortexM3 = Machine.of("none", "arm", "cortex-m3", Endian.LITTLE);
        assertEquals("none-arm_32", Aliases.classifier(cortexM3));
        assertEquals("none-arm_32", Aliases.classifier(cortexM3, true), "musl names only Linux machines");
        assertEquals(Optional.empty(), Aliases.gnuTriplet(cortexM3));
        assertEquals(Optional.empty(), Aliases.debianArch(cortexM3));
    }

    @Test
    void classifiersOfEveryMesonSystemReadBack() {
        Set<String> systems = new java.util.TreeSet<>(OperatingSystems.known());
        systems.add("none"); // bare metal
        for (String system : systems) {
            for (String family : new String[] {"x86_64", "x86", "aarch64", "arm", "riscv64", "ppc64", "s390x"}) {
                for (Endian endian : Endian.values()) {
                    Machine machine = Machine.of(system, family, family, endian);
                    Optional<AliasMatch> read = Aliases.lookup(Aliases.classifier(machine));
                    Endian expectedEndian = family.equals("ppc64") ? endian : read.map(AliasMatch::endian).orElseThrow();

                    assertEquals(Optional.of(new AliasMatch(Platform.of(machine), expectedEndian)), read,
                            Aliases.classifier(machine));
                }
            }
        }
    }

    @Test
    void muslMachinesGetTheMuslClassifiersTheRuntimeLooksForAndReadThemBack() {
        Machine arm64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
        Machine x64 = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);

        assertEquals("linux-aarch_64-musl", Aliases.classifier(arm64, true));
        assertEquals("linux-x86_64-musl", Aliases.classifier(x64, true));
        assertEquals("linux-aarch_64", Aliases.classifier(arm64, false));
        assertEquals("windows-x86_64", Aliases.classifier(Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE), true),
                "musl is a Linux C library");
        assertEquals(Optional.of(new Platform("linux", "aarch64")), Aliases.resolve("linux-aarch_64-musl"));
        assertEquals(Optional.of(new Platform("linux", "x86_64")), Aliases.resolve("linux-x86_64-musl"));
        assertEquals(Optional.of(new AliasMatch(new Platform("linux", "ppc64"), Endian.LITTLE)),
                Aliases.lookup("linux-ppcle_64-musl"));
        assertEquals(Optional.empty(), Aliases.resolve("windows-x86_64-musl"));
        assertEquals(Optional.of("aarch64-linux-musl"), Aliases.debianMultiarch(arm64, true));
        assertEquals(Optional.of("arm-linux-musleabihf"),
                Aliases.debianMultiarch(Machine.of("linux", "arm", "armv7", Endian.LITTLE), true));
        assertEquals(Optional.of("aarch64-linux-gnu"), Aliases.debianMultiarch(arm64, false));
    }

    @Test
    void bigEndianMachinesOfLittleEndianOnlyTripletsHaveNoTriplet() {
        assertEquals(Optional.empty(),
                Aliases.gnuTriplet(Machine.of("windows", "x86_64", "x86_64", Endian.BIG)));
    }

    @Test
    void platformPrintsAsSystemSlashFamily() {
        assertEquals("linux/aarch64", new Platform("linux", "aarch64").toString());
        assertEquals(new Platform("windows", "x86"), Platform.of(Machine.of("windows", "x86", "i686", Endian.LITTLE)));
    }
}
