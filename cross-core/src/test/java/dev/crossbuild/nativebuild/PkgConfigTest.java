package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pkg-config for the host machine, with a fake pkg-config script that logs the environment it saw. */
class PkgConfigTest {

    private static final Map<String, Object> LIBDIR = Map.of("pkg_config_libdir",
            List.of("/usr/lib/aarch64-linux-gnu/pkgconfig", "/usr/share/pkgconfig"));

    @TempDir
    Path dir;

    private Path fake;
    private Path log;

    @BeforeEach
    void fakePkgConfig() throws IOException {
        log = dir.resolve("log");
        fake = dir.resolve("fake-pkg-config");
        Files.writeString(fake, "#!/bin/sh\n"
                + "{ echo \"LIBDIR=${PKG_CONFIG_LIBDIR-unset} SYSROOT=${PKG_CONFIG_SYSROOT_DIR-unset} "
                + "PATH=${PKG_CONFIG_PATH-unset} ARGS=$*\"; } >> '" + log + "'\n"
                + "case \"$*\" in\n"
                + "  *missing*) echo \"Package missing was not found in the pkg-config search path.\" >&2; exit 1;;\n"
                + "  --cflags*) printf '%s\\n' '-I/opt/my\\ dir/include -DX=\"a b\" -pthread';;\n"
                + "  --libs*) echo '-L/opt/lib -lz';;\n"
                + "esac\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private PkgConfig pkgConfig(Map<String, Object> properties) {
        return new PkgConfig(ProcessRunner.system(), SetupStates.of(SetupStates.ARM64, properties,
                Map.of("pkg-config", List.of(fake.toString()))));
    }

    private List<String> logged() throws IOException {
        return Files.readAllLines(log);
    }

    @Test
    void cflagsAndLibsComeFromTheHostsPkgConfigWithItsLibdirAndNoBuildMachinePath() throws Exception {
        PkgConfig pkgConfig = pkgConfig(LIBDIR);

        assertEquals(List.of("-I/opt/my dir/include", "-DX=a b", "-pthread"), pkgConfig.cflags(List.of("zlib")));
        assertEquals(List.of("-L/opt/lib", "-lz"), pkgConfig.libs(List.of("zlib", "libpng")));

        assertEquals(List.of(
                "LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig SYSROOT=unset PATH= ARGS=--cflags zlib",
                "LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig SYSROOT=unset PATH= ARGS=--libs zlib libpng"),
                logged());
    }

    @Test
    void sysRootBecomesPkgConfigSysrootDir() throws Exception {
        pkgConfig(Map.of("pkg_config_libdir", "/sysroot/usr/lib/pkgconfig", "sys_root", "/sysroot"))
                .cflags(List.of("zlib"));

        assertEquals(List.of("LIBDIR=/sysroot/usr/lib/pkgconfig SYSROOT=/sysroot PATH= ARGS=--cflags zlib"), logged());
    }

    @Test
    void answersAreAskedOnce() throws Exception {
        PkgConfig pkgConfig = pkgConfig(LIBDIR);
        pkgConfig.cflags(List.of("zlib"));
        pkgConfig.cflags(List.of("zlib"));
        assertEquals(1, logged().size());
        assertEquals(List.of(), pkgConfig.cflags(List.of()));
        assertEquals(1, logged().size());
    }

    @Test
    void aMissingPackageNamesItTheCommandAndTheMultiarchRemedy() throws Exception {
        DependencyException e = assertThrows(DependencyException.class,
                () -> pkgConfig(LIBDIR).cflags(List.of("zlib", "missing")));

        assertEquals("pkg-config found no package 'missing' for the host machine (linux aarch64): "
                + "PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig PKG_CONFIG_PATH= "
                + fake + " --cflags zlib missing exited with 1:\n"
                + "Package missing was not found in the pkg-config search path.\n"
                + "Let cross fetch it into a private sysroot: <sysrootPackages><package>libmissing-dev</package>"
                + "</sysrootPackages> (-Dcross.sysrootPackages=libmissing-dev); or install it: sudo dpkg "
                + "--add-architecture arm64 && sudo apt-get update && sudo apt-get install libmissing-dev:arm64 (or add the folder holding missing.pc to pkg_config_libdir in [properties] "
                + "of the cross file).", e.getMessage());
        assertEquals(List.of("missing"), e.packages());
        assertEquals(fake.toString(), e.command().get(2));
    }

    @Test
    void aVersionedRequirementIsInstalledByItsPackageName() {
        DependencyException e = assertThrows(DependencyException.class,
                () -> pkgConfig(LIBDIR).cflags(List.of("missing >= 2")));

        assertEquals(List.of("missing >= 2"), e.packages());
        assertEquals("pkg-config found no package 'missing >= 2' for the host machine (linux aarch64): "
                + "PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig PKG_CONFIG_PATH= "
                + fake + " --cflags missing >= 2 exited with 1:\n"
                + "Package missing was not found in the pkg-config search path.\n"
                + "Let cross fetch it into a private sysroot: <sysrootPackages><package>libmissing-dev</package>"
                + "</sysrootPackages> (-Dcross.sysrootPackages=libmissing-dev); or install it: sudo dpkg "
                + "--add-architecture arm64 && sudo apt-get update && sudo apt-get install libmissing-dev:arm64 (or "
                + "add the folder holding missing.pc to pkg_config_libdir in [properties] of the cross file).",
                e.getMessage());
    }

    @Test
    void aCrossBuildWithoutPkgConfigNeverFallsBackToTheBuildMachines() {
        PkgConfig pkgConfig = new PkgConfig(ProcessRunner.system(), SetupStates.of(SetupStates.ARM64, LIBDIR, Map.of()));

        DependencyException e = assertThrows(DependencyException.class, () -> pkgConfig.cflags(List.of("zlib")));

        assertEquals("no pkg-config for the host machine (linux aarch64) to find zlib: the cross file's [binaries] "
                + "has no pkg-config entry, and the build machine's own pkg-config would report the build machine's "
                + "libraries\nAdd pkg-config = 'pkg-config' to [binaries] and pkg_config_libdir = "
                + "['/usr/lib/aarch64-linux-gnu/pkgconfig', '/usr/share/pkgconfig'] to [properties] of the cross file.",
                e.getMessage());
    }

    @Test
    void aCrossBuildWithThePlainPkgConfigNeedsALibdir() {
        PkgConfig pkgConfig = new PkgConfig(ProcessRunner.system(), SetupStates.of(SetupStates.ARM64, Map.of(),
                Map.of("pkgconfig", List.of("pkg-config"))));

        DependencyException e = assertThrows(DependencyException.class, () -> pkgConfig.cflags(List.of("zlib")));

        assertEquals("pkg-config for the host machine (linux aarch64) is the build machine's pkg-config without "
                + "pkg_config_libdir, so it would report the build machine's libraries for zlib\n"
                + "Add pkg_config_libdir = ['/usr/lib/aarch64-linux-gnu/pkgconfig', '/usr/share/pkgconfig'] to "
                + "[properties] of the cross file, or name the host's own pkg-config in [binaries] "
                + "(e.g. aarch64-linux-gnu-pkg-config).", e.getMessage());
    }

    @Test
    void aNativeBuildMayUseThePkgConfigOnPath() throws Exception {
        PkgConfig pkgConfig = new PkgConfig(ProcessRunner.system(),
                SetupStates.of(SetupStates.BUILD, Map.of(), Map.of("pkg-config", List.of(fake.toString()))));

        pkgConfig.cflags(List.of("zlib"));

        assertEquals(List.of("LIBDIR=unset SYSROOT=unset PATH=unset ARGS=--cflags zlib"), logged());
    }

    @Test
    void remediesNameTheDevPackageForTheHost() {
        assertEquals("sudo apt-get install zlib1g-dev",
                DevPackages.installCommand("zlib", SetupStates.BUILD, SetupStates.BUILD).orElseThrow());
        assertEquals("sudo dpkg --add-architecture arm64 && sudo apt-get update && sudo apt-get install libssl-dev:arm64",
                DevPackages.installCommand("openssl", SetupStates.ARM64, SetupStates.BUILD).orElseThrow());
        assertEquals("sudo apt-get install libz-mingw-w64-dev",
                DevPackages.installCommand("zlib", SetupStates.WINDOWS, SetupStates.BUILD).orElseThrow());
        assertEquals(true, DevPackages.installCommand("libpng", SetupStates.WINDOWS, SetupStates.BUILD).isEmpty());
        assertEquals("libpng-dev", DevPackages.devPackage("libpng"));
        assertEquals("libfoo-dev", DevPackages.devPackage("foo"));
        assertEquals("libbar-dev", DevPackages.devPackage("bar >= 2"));
        assertEquals("zlib1g-dev", DevPackages.devPackage("zlib>=1.2.11"));
        assertEquals("libbar-dev", DevPackages.devPackage(" bar != 3 "));
        assertEquals("bar", DevPackages.moduleName("bar < 2"));
        assertEquals("sudo apt-get install libz-mingw-w64-dev",
                DevPackages.installCommand("zlib >= 1.2", SetupStates.WINDOWS, SetupStates.BUILD).orElseThrow());
    }

    /** A native dependency unpacked in {@code folder}, with one shared library {@code codec}. */
    static NativeDependency codec(Path folder) {
        return new NativeDependency("com.example:codec:1.0", "the reactor (module codec)", folder, "0".repeat(64), true,
                List.of(new DevLibrary("codec", TargetKind.SHARED_LIBRARY, "lib/libcodec.so.1.2.0", "libcodec.so.1",
                        List.of(new OutputNames.Alias("libcodec.so", "libcodec.so.1.2.0")), Optional.empty(),
                        "codec")));
    }

    @Test
    void nativeDependenciesComeFirstOnThePathAndKeepTheirOwnPathsUnderASysroot() throws Exception {
        Path deps = dir.resolve("target/cross/linux-aarch_64/deps/codec");
        // pkg-config puts PKG_CONFIG_SYSROOT_DIR in front of every -I and -L path, a dependency's too.
        Files.writeString(fake, "#!/bin/sh\n"
                + "{ echo \"PATH=${PKG_CONFIG_PATH-unset} ARGS=$*\"; } >> '" + log + "'\n"
                + "echo \"-I$PKG_CONFIG_SYSROOT_DIR" + deps + "/include -I$PKG_CONFIG_SYSROOT_DIR/usr/include\"\n");
        PkgConfig pkgConfig = new PkgConfig(ProcessRunner.system(), SetupStates.of(SetupStates.ARM64,
                Map.of("pkg_config_libdir", "/sysroot/usr/lib/pkgconfig", "sys_root", "/sysroot/"),
                Map.of("pkg-config", List.of(fake.toString()))).withNativeDependencies(List.of(codec(deps))));

        assertEquals(List.of("-I" + deps + "/include", "-I/sysroot//usr/include"), pkgConfig.cflags(List.of("codec")));
        assertEquals(List.of("PATH=" + deps.resolve("lib/pkgconfig") + " ARGS=--cflags codec"), logged());
    }

    @Test
    void aNativeDependencysLibraryIsFoundByItsRequirementWithOrWithoutAVersion() {
        Path deps = dir.resolve("target/cross/linux-aarch_64/deps/codec");
        SetupState setup = SetupStates.of(SetupStates.ARM64, Map.of(), Map.of())
                .withNativeDependencies(List.of(codec(deps)));
        for (String requirement : List.of("codec", "codec >= 1.0", "codec=1.2")) {
            assertEquals(true, setup.providesSharedLibrary(requirement), requirement);
            assertEquals(List.of(deps.resolve("lib/libcodec.so.1.2.0")),
                    setup.nativeDependencyFiles(List.of(requirement, "zlib")), requirement);
        }
        assertEquals(false, setup.providesSharedLibrary("codecs"));
        assertEquals(List.of(), setup.nativeDependencyFiles(List.of("zlib")));
    }
}
