package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.DevLibrary;
import dev.crossbuild.nativebuild.NativeDependency;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native, through the exe_wrapper, or not at all: Meson's rules, with fake wrappers on a PATH of our own. */
class TestLaunchersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private Path bin;
    private Path module;
    private BuildLayout layout;
    private final Map<String, String> variables = new HashMap<>();

    @BeforeEach
    void paths() throws IOException {
        bin = Files.createDirectories(directory.resolve("bin"));
        module = Files.createDirectories(directory.resolve("module"));
        layout = new BuildLayout(module.resolve("target/cross/c"));
        variables.put("PATH", bin.toString());
    }

    private Path program(String name) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private TestLauncher decide(SetupState setup, List<Path> runtime) throws NativeTestException {
        return TestLaunchers.decide(setup, layout, module, HostEnvironment.of(variables, Map.of("os.name", "Linux"),
                module), runtime, TIMEOUT);
    }

    private TestLauncher decide(SetupState setup) throws NativeTestException {
        return decide(setup, List.of());
    }

    @Test
    void hostProgramsThatRunHereRunDirectlyWithTheModuleLibrariesOnTheLibraryPath() throws Exception {
        SetupState setup = Setups.of(Setups.X86, "/usr/bin/i686-linux-gnu-", "i686-linux-gnu", false,
                Map.of("exe_wrapper", List.of("qemu-i386")), Map.of());
        variables.put("LD_LIBRARY_PATH", "/opt/x/lib");

        TestLauncher launcher = decide(setup);

        assertEquals(TestLauncher.Mode.NATIVE, launcher.mode());
        assertEquals("natively", launcher.description());
        Command command = launcher.command(Path.of("/t/bin/test_a"), TIMEOUT);
        assertEquals(List.of("/t/bin/test_a"), command.argv());
        assertEquals(Optional.of(module), command.workingDirectory());
        assertEquals(Map.of("LD_LIBRARY_PATH", layout.lib() + ":/opt/x/lib"), command.environment());
        assertEquals(TIMEOUT, command.timeout());
        assertEquals(Optional.empty(), launcher.preparation());
    }

    @Test
    void aForeignHostRunsThroughTheExeWrapperFoundOnPath() throws Exception {
        Path qemu = program("qemu-aarch64");
        SetupState setup = Setups.foreign(Setups.ARM64,
                Map.of("exe_wrapper", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")));

        TestLauncher launcher = decide(setup);

        assertEquals(TestLauncher.Mode.EXE_WRAPPER, launcher.mode());
        assertEquals("through " + qemu + " -L /usr/aarch64-linux-gnu", launcher.description());
        Command command = launcher.command(Path.of("/t/bin/test_a"), TIMEOUT);
        assertEquals(List.of(qemu.toString(), "-L", "/usr/aarch64-linux-gnu", "/t/bin/test_a"), command.argv());
        // qemu-user hands its environment to the emulated program, so the guest's loader sees LD_LIBRARY_PATH.
        assertEquals(Map.of("LD_LIBRARY_PATH", layout.lib().toString()), command.environment());
    }

    @Test
    void aQemuWrapperWithoutPrefixGetsTheSysRoot() throws Exception {
        Path qemu = program("qemu-riscv64");
        SetupState setup = Setups.of(Setups.RISCV64, "/usr/bin/x-", "x", true,
                Map.of("exe_wrapper", List.of("qemu-riscv64", "-cpu", "rv64")), Map.of("sys_root", "/srv/riscv-root"));

        assertEquals(List.of(qemu.toString(), "-L", "/srv/riscv-root", "-cpu", "rv64", "p"),
                decide(setup).command(Path.of("p"), TIMEOUT).argv());

        variables.put("QEMU_LD_PREFIX", "/elsewhere");
        assertEquals(List.of(qemu.toString(), "-cpu", "rv64", "p"), decide(setup).command(Path.of("p"), TIMEOUT).argv());
    }

    @Test
    void aQemuWrapperWithItsOwnPrefixKeepsIt() throws Exception {
        Path qemu = program("qemu-aarch64");
        SetupState setup = Setups.of(Setups.ARM64, "/usr/bin/x-", "x", true,
                Map.of("exe_wrapper", List.of("qemu-aarch64", "-L", "/")), Map.of("sys_root", "/srv/root"));
        assertEquals(List.of(qemu.toString(), "-L", "/", "p"), decide(setup).command(Path.of("p"), TIMEOUT).argv());
    }

    @Test
    void aSysrootOfLibrariesPutsItsLibraryFoldersOnTheEmulatedProgramsLibraryPath() throws Exception {
        Path qemu = program("qemu-aarch64");
        Path root = directory.resolve("sysroot");
        Path usrLib = Files.createDirectories(root.resolve("usr/lib/aarch64-linux-gnu"));
        Path lib = Files.createDirectories(root.resolve("lib/aarch64-linux-gnu"));
        SetupState setup = Setups.of(Setups.ARM64, "/usr/bin/x-", "x", true,
                Map.of("exe_wrapper", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")),
                Map.of("sys_root", root.toString()));

        Command command = decide(setup).command(Path.of("p"), TIMEOUT);

        assertEquals(List.of(qemu.toString(), "-L", "/usr/aarch64-linux-gnu", "p"), command.argv(),
                "the toolchain's loader and libc stay");
        assertEquals(Map.of("LD_LIBRARY_PATH", layout.lib() + ":" + usrLib + ":" + lib), command.environment());

        // A sysroot with its own dynamic loader is a whole system (musl's): it is qemu's prefix, not a library path.
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("lib/ld-musl-aarch64.so.1"), "");
        assertEquals(Map.of("LD_LIBRARY_PATH", layout.lib().toString()),
                decide(setup).command(Path.of("p"), TIMEOUT).environment());
    }

    @Test
    void noExeWrapperMeansNotRunWithTheReasonAndTheWrapperToAdd() throws Exception {
        TestLauncher launcher = decide(Setups.foreign(Setups.ARM64, Map.of()));

        assertEquals(TestLauncher.Mode.NOT_RUN, launcher.mode());
        assertEquals(Optional.of("linux/aarch64 programs cannot run on this linux/x86_64 machine, and the cross file "
                + "sets no [binaries] exe_wrapper"), launcher.reason());
        assertEquals(Optional.of("add exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] to [binaries] of "
                + "the cross file (sudo apt-get install qemu-user)"), launcher.remedy());
        assertThrows(IllegalStateException.class, () -> launcher.command(Path.of("p"), TIMEOUT));
    }

    @Test
    void needsExeWrapperTrueWithoutWrapperIsNotRunEvenForARunnableHost() throws Exception {
        TestLauncher launcher = decide(Setups.of(Setups.X86, "/usr/bin/x-", "x", true, Map.of(), Map.of()));
        assertEquals(TestLauncher.Mode.NOT_RUN, launcher.mode());
        assertEquals(Optional.of("[properties] needs_exe_wrapper = true says linux/x86 programs need a wrapper on this "
                + "linux/x86_64 machine, and the cross file sets no [binaries] exe_wrapper"), launcher.reason());
    }

    @Test
    void windowsOnAnotherCpuIsNotOfferedWine() throws Exception {
        TestLauncher launcher = decide(Setups.foreign(Machine.of("windows", "aarch64", "aarch64", Endian.LITTLE),
                Map.of()));
        assertEquals(Optional.of("Wine runs only Windows programs for this machine's CPU (x86_64 and x86), not "
                + "windows/aarch64 ones: run the native tests on a windows/aarch64 machine, or set [binaries] "
                + "exe_wrapper of the cross file to a program that runs windows/aarch64 programs on this machine (an "
                + "emulator or simulator)"), launcher.remedy());
        assertEquals(Optional.of("add exe_wrapper = ['env', 'WINEDEBUG=-all', 'wine'] to [binaries] of the cross file "
                + "(sudo apt-get install wine)"), decide(Setups.foreign(Setups.WINDOWS, Map.of())).remedy());
    }

    @Test
    void aHostWithoutAKnownWrapperGetsAGeneralRemedy() throws Exception {
        TestLauncher launcher = decide(Setups.foreign(Setups.DARWIN, Map.of()));
        assertEquals(Optional.of("set [binaries] exe_wrapper of the cross file to a program that runs darwin/aarch64 "
                + "programs on this machine (an emulator or simulator)"), launcher.remedy());
    }

    @Test
    void anExeWrapperThatIsNotInstalledIsAnErrorNamingItAndItsPackage() {
        SetupState setup = Setups.foreign(Setups.ARM64,
                Map.of("exe_wrapper", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")));
        NativeTestException e = assertThrows(NativeTestException.class, () -> decide(setup));
        assertEquals("[binaries] exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] runs qemu-aarch64, "
                + "which is not installed (not found on PATH), so the native tests cannot run. Install it: sudo "
                + "apt-get install qemu-user; or correct exe_wrapper in the cross file; -DskipTests builds the tests "
                + "without running them.", e.getMessage());
    }

    @Test
    void anEnvWrapperIsCheckedForTheProgramItRuns() throws Exception {
        program("env");
        SetupState setup = Setups.foreign(Setups.WINDOWS, Map.of("exe_wrapper", List.of("env", "WINEDEBUG=-all", "wine")));
        NativeTestException e = assertThrows(NativeTestException.class, () -> decide(setup));
        assertTrue(e.getMessage().startsWith("[binaries] exe_wrapper = ['env', 'WINEDEBUG=-all', 'wine'] runs wine, "
                + "which is not installed (not found on PATH), so the native tests cannot run. Install it: sudo "
                + "apt-get install wine;"), e.getMessage());
    }

    @Test
    void windowsProgramsUnderWineGetWinepathWinedebugAndAPrefixUnderTarget() throws Exception {
        Path env = program("env");
        program("wine");
        Path runtime = Files.createDirectories(directory.resolve("gcc/12-posix"));
        SetupState setup = Setups.foreign(Setups.WINDOWS, Map.of("exe_wrapper", List.of("env", "WINEDEBUG=-all", "wine")));

        TestLauncher launcher = decide(setup, List.of(runtime));

        Path prefix = layout.root().resolve("test/wine-prefix");
        Map<String, String> expected = Map.of("WINEPATH", layout.bin() + ";" + layout.lib() + ";" + runtime,
                "WINEDEBUG", "-all", "WINEPREFIX", prefix.toString());
        Command command = launcher.command(Path.of("/t/bin/test_a.exe"), TIMEOUT);
        assertEquals(List.of(env.toString(), "WINEDEBUG=-all", "wine", "/t/bin/test_a.exe"), command.argv());
        assertEquals(expected, command.environment());
        // A new prefix is made once, before the tests run in parallel.
        Command preparation = launcher.preparation().orElseThrow();
        assertEquals(List.of(env.toString(), "WINEDEBUG=-all", "wine", "wineboot", "--init"), preparation.argv());
        assertEquals(expected, preparation.environment());

        Files.createDirectories(prefix);
        Files.writeString(prefix.resolve(".update-timestamp"), "");
        assertEquals(Optional.empty(), decide(setup, List.of(runtime)).preparation());
    }

    @Test
    void theUsersWinePrefixAndWinedebugAndWinepathAreKept() throws Exception {
        Path wine = program("wine64");
        Path prefix = Files.createDirectories(directory.resolve("my-prefix"));
        Files.writeString(prefix.resolve(".update-timestamp"), "");
        variables.put("WINEPREFIX", prefix.toString());
        variables.put("WINEDEBUG", "err+module");
        variables.put("WINEPATH", "C:\\extra");
        SetupState setup = Setups.foreign(Setups.WINDOWS, Map.of("exe_wrapper", List.of("wine64")));

        TestLauncher launcher = decide(setup);

        assertEquals(List.of(wine.toString(), "t.exe"), launcher.command(Path.of("t.exe"), TIMEOUT).argv());
        assertEquals(Map.of("WINEPATH", layout.bin() + ";" + layout.lib() + ";C:\\extra"), launcher.environment());
        assertEquals(Optional.empty(), launcher.preparation());
    }

    @Test
    void windowsProgramsRunningNativelyFindTheModuleDllsOnPath() throws Exception {
        SetupState setup = Setups.of(Setups.WINDOWS, "x", "x", false, Map.of(), Map.of());
        assertEquals(Map.of("PATH", layout.bin() + ";" + layout.lib() + ";" + bin), decide(setup).environment());
    }

    @Test
    void darwinProgramsGetDyldLibraryPath() throws Exception {
        SetupState setup = Setups.of(Setups.DARWIN, "x", "x", false, Map.of(), Map.of());
        assertEquals(Map.of("DYLD_LIBRARY_PATH", layout.lib().toString()), decide(setup).environment());
    }

    @Test
    void theNativeDependenciesSharedLibrariesAreOnTheEmulatedProgramsLibraryPathAfterTheModules() throws Exception {
        Path deps = layout.root().resolve("deps/codec");
        NativeDependency codec = new NativeDependency("com.example:codec:1.0", "the local repository", deps,
                "0".repeat(64), false, List.of(new DevLibrary("codec", TargetKind.SHARED_LIBRARY,
                        "lib/libcodec.so.1", "libcodec.so.1", List.of(), Optional.empty(), "codec")));
        program("qemu-aarch64");
        SetupState setup = Setups.foreign(Setups.ARM64, Map.of("exe_wrapper", List.of("qemu-aarch64")))
                .withNativeDependencies(List.of(codec));

        TestLauncher launcher = decide(setup);

        assertEquals(TestLauncher.Mode.EXE_WRAPPER, launcher.mode());
        assertEquals(layout.lib() + ":" + deps.resolve("lib"), launcher.environment().get("LD_LIBRARY_PATH"));
    }
}
