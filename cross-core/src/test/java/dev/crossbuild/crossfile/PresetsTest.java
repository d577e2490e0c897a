package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bundled preset loads cleanly and describes the machine its name promises. */
class PresetsTest {

    private static final Machine X86_64_LINUX = new Machine("linux", "x86_64", "x86_64", Endian.LITTLE,
            Optional.of("linux"), Optional.of("linux"));

    @TempDir
    Path tmp;

    /** Loads the preset as a user naming it would, with no Meson data directories that could shadow it. */
    private CrossEnvironment load(String preset) throws CrossFileException {
        HostEnvironment empty = HostEnvironment.of(
                Map.of("HOME", tmp.toString(), "XDG_DATA_HOME", tmp.resolve("xdg").toString(),
                        "XDG_DATA_DIRS", tmp.resolve("xdg-dirs").toString()),
                Map.of("os.name", "Linux"), tmp);
        MachineFileSource source = new CrossFileLocator(empty).locate(preset, MachineFileKind.CROSS, List.of());
        assertEquals("preset:" + preset, source.name());
        return CrossEnvironment.load(List.of(source), List.of(), X86_64_LINUX, MachineFileContext.none());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // preset, system, cpu_family, cpu, endian, kernel, subsystem, classifier, runs natively on x86_64 Linux
            "linux-arm64.ini, linux, aarch64, aarch64, little, linux, linux, linux-aarch_64, false",
            "linux-arm64-clang.ini, linux, aarch64, aarch64, little, linux, linux, linux-aarch_64, false",
            "linux-armhf.ini, linux, arm, armv7, little, linux, linux, linux-arm_32, false",
            "linux-riscv64.ini, linux, riscv64, riscv64, little, linux, linux, linux-riscv64, false",
            "linux-ppc64le.ini, linux, ppc64, ppc64le, little, linux, linux, linux-ppcle_64, false",
            "linux-s390x.ini, linux, s390x, s390x, big, linux, linux, linux-s390_64, false",
            "linux-x64.ini, linux, x86_64, x86_64, little, linux, linux, linux-x86_64, true",
            "windows-x64.ini, windows, x86_64, x86_64, little, nt, windows, windows-x86_64, false",
    })
    void describesItsHostMachine(String preset, String system, String cpuFamily, String cpu, String endian,
            String kernel, String subsystem, String classifier, boolean runsHere) throws CrossFileException {
        CrossEnvironment environment = load(preset);

        Machine host = environment.machines().host();
        assertEquals(new Machine(system, cpuFamily, cpu, Endian.parse(endian).orElseThrow(), Optional.of(kernel),
                Optional.of(subsystem)), host);
        assertEquals(host, environment.machines().target());
        assertEquals(classifier, Aliases.classifier(host));
        assertTrue(environment.isCrossBuild());
        assertEquals(List.of(), environment.warnings());
        assertEquals(!runsHere, environment.needsExeWrapper());
        assertTrue(environment.canRunHostBinaries(), "natively or through the exe_wrapper");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"linux-arm64.ini", "linux-arm64-clang.ini", "linux-armhf.ini", "linux-riscv64.ini",
            "linux-ppc64le.ini", "linux-s390x.ini", "linux-x64.ini", "windows-x64.ini"})
    void namesEveryToolAWrapperAndPkgConfigUnderBothKeys(String preset) throws CrossFileException {
        MachineConfig host = load(preset).host();
        BinaryTable binaries = host.binaries();

        for (String tool : List.of("c", "cpp", "ar", "ranlib", "strip", "objcopy", "nm")) {
            assertTrue(binaries.argv(tool).isPresent(), tool + " missing");
        }
        assertTrue(binaries.exeWrapper().isPresent(), "exe_wrapper missing");
        assertEquals(Optional.of(List.of("pkg-config")), binaries.argv(BinaryTable.PKG_CONFIG));
        assertEquals(binaries.argv(BinaryTable.PKG_CONFIG), binaries.argv(BinaryTable.PKGCONFIG_OLD));
        assertTrue(host.properties().get("pkg_config_libdir") instanceof Value.Array, host.properties().toString());
        assertFalse(host.properties().containsKey("sys_root"), "sys_root would become PKG_CONFIG_SYSROOT_DIR");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "linux-arm64.ini, qemu-aarch64", "linux-armhf.ini, qemu-arm", "linux-riscv64.ini, qemu-riscv64",
            "linux-ppc64le.ini, qemu-ppc64le", "linux-s390x.ini, qemu-s390x", "linux-x64.ini, qemu-x86_64"})
    void linuxPresetsUseTheDebianTripletEverywhere(String preset, String qemu) throws CrossFileException {
        CrossEnvironment environment = load(preset);
        Machine host = environment.machines().host();
        String triplet = Aliases.gnuTriplet(host).orElseThrow();
        BinaryTable binaries = environment.host().binaries();

        assertEquals(Optional.of(List.of(triplet + "-gcc")), binaries.argv("c"));
        assertEquals(Optional.of(List.of(triplet + "-g++")), binaries.argv("cpp"));
        for (String tool : List.of("ar", "ranlib", "strip", "objcopy", "nm")) {
            assertEquals(Optional.of(List.of(triplet + "-" + tool)), binaries.argv(tool), tool);
        }
        assertEquals(Optional.of(List.of(qemu, "-L", "/usr/" + triplet)), binaries.exeWrapper());
        assertEquals(new Value.Array(List.of(
                        new Value.Str("/usr/lib/" + Aliases.debianMultiarch(host).orElseThrow() + "/pkgconfig"),
                        new Value.Str("/usr/share/pkgconfig"))),
                environment.host().properties().get("pkg_config_libdir"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // preset, cpu_family, classifier, runs natively on x86_64 Linux, sysroot packages
            "linux-arm64-musl.ini, aarch64, linux-aarch_64-musl, false, musl-dev",
            "linux-x64-musl.ini, x86_64, linux-x86_64-musl, true, ''"})
    void muslPresetsNameTheirMachinesMuslClassifierAndSysroot(String preset, String cpuFamily, String classifier,
            boolean runsHere, String sysrootPackages) throws CrossFileException {
        CrossEnvironment environment = load(preset);

        assertEquals(new Machine("linux", cpuFamily, cpuFamily, Endian.LITTLE, Optional.of("linux"),
                Optional.of("linux")), environment.machines().host());
        assertTrue(environment.hostMusl());
        assertEquals(classifier, environment.hostClassifier());
        assertEquals(List.of(), environment.warnings());
        assertEquals(!runsHere, environment.needsExeWrapper());
        assertTrue(environment.canRunHostBinaries());
        assertEquals(sysrootPackages.isEmpty() ? List.of() : List.of(sysrootPackages),
                CrossProperties.strings(environment.host().properties(), CrossProperties.SYSROOT_PACKAGES));
        assertFalse(environment.host().binaries().argv("cpp").isPresent(), "C only: Debian has no musl libstdc++");
        assertFalse(environment.host().properties().containsKey("sys_root"), "the sysroot layer sets it");
    }

    @Test
    void theArm64MuslPresetIsClangForMuslWithLldAndQemuWithoutAPrefix() throws CrossFileException {
        CrossEnvironment environment = load("linux-arm64-musl.ini");
        BinaryTable binaries = environment.host().binaries();

        assertEquals(Optional.of(List.of("clang", "--target=aarch64-linux-musl")), binaries.argv("c"));
        assertEquals(Optional.of(List.of("qemu-aarch64")), binaries.exeWrapper());
        assertEquals(new Value.Array(List.of(new Value.Str("-fuse-ld=lld"), new Value.Str("-static-libgcc"))),
                environment.host().builtInOptions().get("c_link_args"));
        assertEquals(Optional.of(List.of("musl-gcc")), load("linux-x64-musl.ini").host().binaries().argv("c"));
    }

    @Test
    void theArm64ClangPresetIsClangAndLldForDebiansCrossLibcWithoutASysroot() throws CrossFileException {
        CrossEnvironment environment = load("linux-arm64-clang.ini");
        BinaryTable binaries = environment.host().binaries();

        assertEquals(Optional.of(List.of("clang", "--target=aarch64-linux-gnu")), binaries.argv("c"));
        assertEquals(Optional.of(List.of("clang++", "--target=aarch64-linux-gnu")), binaries.argv("cpp"));
        for (String tool : List.of("ar", "ranlib", "strip", "objcopy", "nm")) {
            assertEquals(Optional.of(List.of("llvm-" + tool)), binaries.argv(tool), tool);
        }
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")), binaries.exeWrapper());
        Value lld = new Value.Array(List.of(new Value.Str("-fuse-ld=lld")));
        assertEquals(lld, environment.host().builtInOptions().get("c_link_args"));
        assertEquals(lld, environment.host().builtInOptions().get("cpp_link_args"));
        assertFalse(environment.hostMusl());
        assertEquals("linux-aarch_64", environment.hostClassifier(), "the same machine as linux-arm64.ini's");
    }

    @Test
    void aMachineFileWithAnUnknownCLibraryIsRefusedAtItsLine() {
        CrossFileException e = org.junit.jupiter.api.Assertions.assertThrows(CrossFileException.class,
                () -> CrossEnvironment.load(List.of(MachineFileSource.of("m.ini",
                        "[properties]\nlibc = 'uclibc'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        List.of(), X86_64_LINUX, MachineFileContext.none()));
        assertEquals("m.ini:2: [properties] libc must be 'glibc' or 'musl', found string 'uclibc'; it names the host "
                + "machine's C library (musl outputs get the classifier linux-<arch>-musl)", e.getMessage());
        CrossFileException packages = org.junit.jupiter.api.Assertions.assertThrows(CrossFileException.class,
                () -> CrossEnvironment.load(List.of(MachineFileSource.of("m.ini",
                        "[properties]\nsysroot_packages = ['zlib1g-dev', ' ']\n".getBytes(
                                java.nio.charset.StandardCharsets.UTF_8))), List.of(), X86_64_LINUX,
                        MachineFileContext.none()));
        assertTrue(packages.getMessage().startsWith("m.ini:2: [properties] sysroot_packages must be a string or an "
                + "array of non-empty strings, found an array holding an empty string"), packages.getMessage());
    }

    @Test
    void windowsPresetUsesThePosixThreadCompilersWindresAndWine() throws CrossFileException {
        BinaryTable binaries = load("windows-x64.ini").host().binaries();

        assertEquals(Optional.of(List.of("x86_64-w64-mingw32-gcc-posix")), binaries.argv("c"));
        assertEquals(Optional.of(List.of("x86_64-w64-mingw32-g++-posix")), binaries.argv("cpp"));
        assertEquals(Optional.of(List.of("x86_64-w64-mingw32-windres")), binaries.argv("windres"));
        assertEquals(Optional.of(List.of("env", "WINEDEBUG=-all", "wine")), binaries.exeWrapper());
    }

    @Test
    void theIndexListsEveryPresetFile() throws IOException, URISyntaxException {
        Path folder = Path.of(PresetsTest.class.getResource("/dev/crossbuild/presets/index.txt").toURI()).getParent();
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".ini") && !name.startsWith("test-only"))
                    .sorted()
                    .collect(Collectors.toList());
        }

        assertEquals(files, CrossFileLocator.presetNames().stream().sorted().collect(Collectors.toList()));
    }
}
