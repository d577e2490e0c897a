package dev.crossbuild.toolchain;

import static dev.crossbuild.toolchain.CrossFiles.aarch64;
import static dev.crossbuild.toolchain.CrossFiles.cross;
import static dev.crossbuild.toolchain.CrossFiles.hostMachine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor with fake toolchains, one missing piece at a time; each scenario asserts the exact remedy, and that
 * what follows from a missing piece points at it instead of adding its own errors.
 */
class DoctorTest {

    private static final String ARM64_BINARIES = "[binaries]\n"
            + "c = 'aarch64-linux-gnu-gcc'\n"
            + "cpp = 'aarch64-linux-gnu-g++'\n"
            + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']\n";

    @TempDir
    Path tmp;

    private FakeToolchain fake;

    @BeforeEach
    void setUp() {
        fake = new FakeToolchain(tmp);
    }

    private Diagnosis diagnose(CrossEnvironment environment, DoctorRequest request) {
        return new Doctor(ProcessRunner.system(), fake.environment()).diagnose(environment, request);
    }

    private static DoctorRequest request(Language... languages) {
        return new DoctorRequest(Set.of(languages), true, Set.of());
    }

    private String bin(String name) {
        return fake.bin().resolve(name).toString();
    }

    /** A complete Debian aarch64 cross toolchain, C and C++, with qemu. */
    private void arm64Toolchain(FakeToolchain.Gcc gcc, FakeToolchain.Gcc gxx) {
        fake.gcc(gcc);
        fake.gcc(gxx);
        fake.binutils("aarch64-linux-gnu");
        fake.program("qemu-aarch64");
    }

    private static Finding finding(Diagnosis diagnosis, String id) {
        return diagnosis.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + diagnosis.render()));
    }

    private static List<String> ids(Diagnosis diagnosis) {
        return diagnosis.findings().stream().map(Finding::id).toList();
    }

    private static List<String> roots(Diagnosis diagnosis) {
        return diagnosis.findings().stream().filter(f -> f.blocking() && f.causedBy().isEmpty())
                .map(Finding::id).toList();
    }

    @Test
    void aCompleteToolchainIsReadyAndEveryPieceIsListedInRootCauseOrder() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + aarch64()), request(Language.C, Language.CPP));

        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
        assertEquals(List.of("compiler.c", "compiler.cpp", "crt-objects", "libc", "libgcc", "libstdc++", "link.c",
                "link.cpp", "tool.ar", "tool.strip", "tool.objcopy", "exe-wrapper"), ids(diagnosis));
        assertEquals("[OK]      C compiler: " + bin("aarch64-linux-gnu-gcc") + " (gcc 12.2.0, aarch64-linux-gnu)",
                diagnosis.render().get(0));
        assertEquals("[OK]      exe_wrapper: qemu-aarch64 -L /usr/aarch64-linux-gnu (" + bin("qemu-aarch64") + ")",
                diagnosis.render().get(11));
        assertEquals("Ready to build.", diagnosis.render().get(12));
    }

    @Test
    void missingCompilerIsOneRootCauseAndNothingThatNeedsItIsChecked() {
        fake.program("qemu-aarch64");
        Diagnosis diagnosis = diagnose(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\n"
                + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']\n" + aarch64()), request(Language.C));

        assertFalse(diagnosis.ready());
        assertEquals(List.of("compiler.c"), roots(diagnosis));
        assertEquals(List.of("compiler.c", "tool.ar", "tool.strip", "tool.objcopy", "exe-wrapper"), ids(diagnosis));
        assertEquals(Optional.of("sudo apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or correct "
                + "[binaries] c at test.ini:2"), finding(diagnosis, "compiler.c").remedy());
        assertEquals("[MISSING] archiver (ar): no ar for linux/aarch64 (aarch64, little endian): none of "
                + "aarch64-linux-gnu-ar, llvm-ar is on PATH (follows from: C compiler)", diagnosis.render().get(1));
        assertEquals("Not ready: 4 blocking problems from 1 root cause; fix the ones with a remedy (->).",
                diagnosis.render().get(5));
    }

    @Test
    void compilerForTheWrongMachineStopsTheChecksThatNeedIt() {
        fake.gcc(new FakeToolchain.Gcc("gcc", "x86_64-linux-gnu"));
        fake.binutils("aarch64-linux-gnu");
        fake.program("qemu-aarch64");
        Diagnosis diagnosis = diagnose(cross("[binaries]\nc = 'gcc'\n"
                + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']\n" + aarch64()), request(Language.C));

        assertEquals(List.of("compiler.c"), roots(diagnosis));
        assertEquals(List.of("compiler.c", "tool.ar", "tool.strip", "tool.objcopy", "exe-wrapper"), ids(diagnosis));
        assertEquals(Optional.of("set c in [binaries] at test.ini:2 to a C compiler for aarch64-linux-gnu, e.g. c = "
                + "'aarch64-linux-gnu-gcc' (sudo apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross)"),
                finding(diagnosis, "compiler.c").remedy());
    }

    @Test
    void missingCrtObjectsNameTheCrossLibcPackageAndTheLinkFailureFollowsFromThem() {
        // armhf gcc installed with --no-install-recommends: the cross libc is not there (env-probe section 2).
        fake.gcc(new FakeToolchain.Gcc("arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf")
                .without("Scrt1.o", "crti.o", "libc.so"));
        fake.binutils("arm-linux-gnueabihf");
        fake.program("qemu-arm");
        Diagnosis diagnosis = diagnose(cross("[binaries]\nc = 'arm-linux-gnueabihf-gcc'\n"
                + "exe_wrapper = ['qemu-arm', '-L', '/usr/arm-linux-gnueabihf']\n"
                + hostMachine("linux", "arm", "armv7", "little")), request(Language.C));

        assertEquals(List.of("crt-objects"), roots(diagnosis));
        assertEquals(Finding.missing("crt-objects", "C runtime start files for linux/arm", "arm-linux-gnueabihf-gcc "
                + "does not find Scrt1.o, crti.o (-print-file-name); linking would fail with 'cannot find Scrt1.o'",
                Optional.of("sudo apt-get install libc6-dev-armhf-cross")), finding(diagnosis, "crt-objects"));
        assertEquals(Optional.of("crt-objects"), finding(diagnosis, "libc").causedBy());
        Finding link = finding(diagnosis, "link.c");
        assertEquals(Optional.of("crt-objects"), link.causedBy());
        assertEquals(Optional.empty(), link.remedy());
        assertEquals("'" + bin("arm-linux-gnueabihf-gcc") + " cross_link_probe.c -o ...' failed with exit code 1: "
                + "/usr/lib/gcc-cross/arm-linux-gnueabihf/12/../../../../arm-linux-gnueabihf/bin/ld: cannot find "
                + "Scrt1.o: No such file or directory", link.detail());
    }

    @Test
    void theTestLinkRunsWhereTheRunnerRunsTheBuildAndNamesItsFilesInFull() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        List<Command> ran = new ArrayList<>();
        ProcessRunner recording = command -> {
            ran.add(command);
            return ProcessRunner.system().run(command);
        };

        Diagnosis diagnosis = new Doctor(recording, fake.environment())
                .diagnose(cross(ARM64_BINARIES + aarch64()), request(Language.C));

        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
        Command link = ran.stream().filter(c -> c.argv().contains("-o")).findFirst().orElseThrow();
        // No folder of its own: the goal's runner runs it in the module, where a relative -L or -I of the machine
        // file means what it means to the build's compiles and links.
        assertEquals(Optional.empty(), link.workingDirectory());
        Path source = Path.of(link.argv().get(link.argv().indexOf("-o") - 1));
        assertTrue(source.isAbsolute(), source.toString());
        assertEquals("cross_link_probe.c", source.getFileName().toString());
        assertEquals(source.resolveSibling("cross_link_probe").toString(),
                link.argv().get(link.argv().indexOf("-o") + 1));
    }

    @Test
    void missingLibstdcxxNamesTheCrossGxxPackage() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu")
                        .without("libstdc++.so", "libstdc++.a"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + aarch64()), request(Language.C, Language.CPP));

        assertEquals(List.of("libstdc++"), roots(diagnosis));
        assertEquals("[MISSING] C++ standard library for linux/aarch64: aarch64-linux-gnu-g++ does not find "
                + "libstdc++.so or libstdc++.a (-print-file-name); linking C++ would fail with 'cannot find -lstdc++' "
                + "-> sudo apt-get install g++-aarch64-linux-gnu", diagnosis.render().get(5));
        assertEquals(Finding.Status.OK, finding(diagnosis, "link.c").status());
        Finding link = finding(diagnosis, "link.cpp");
        assertEquals(Optional.of("libstdc++"), link.causedBy());
        assertTrue(link.detail().endsWith("cannot find -lstdc++: No such file or directory"), link.detail());
        assertTrue(diagnosis.render().get(7).endsWith("(follows from: C++ standard library for linux/aarch64)"),
                diagnosis.render().get(7));
    }

    @Test
    void missingTargetStripBlocksAStrippingBuildAndSaysHowToTurnStrippingOff() {
        fake.gcc(new FakeToolchain.Gcc("riscv64-linux-gnu-gcc", "riscv64-linux-gnu"));
        fake.binutils("riscv64-linux-gnu", "strip");
        fake.program("strip"); // the build machine's: must not be taken for riscv64 files
        fake.program("qemu-riscv64");
        CrossEnvironment environment = cross("[binaries]\nc = 'riscv64-linux-gnu-gcc'\n"
                + "exe_wrapper = ['qemu-riscv64', '-L', '/usr/riscv64-linux-gnu']\n"
                + hostMachine("linux", "riscv64", "riscv64", "little"));
        String remedy = "sudo apt-get install binutils-riscv64-linux-gnu, or set strip in [binaries] of test.ini; or "
                + "do not strip: -Dcross.strip=false (<strip>false</strip> in the plugin's configuration; the build "
                + "machine's strip cannot handle files for linux/riscv64)";

        Diagnosis stripping = diagnose(environment, request(Language.C));
        assertEquals(new Finding("tool.strip", Finding.Status.MISSING, "strip", "no strip for linux/riscv64 (riscv64, "
                + "little endian): none of riscv64-linux-gnu-strip is on PATH", Optional.of(remedy), true,
                Optional.empty()), finding(stripping, "tool.strip"));
        assertEquals(List.of("tool.strip"), roots(stripping));

        Diagnosis notStripping = diagnose(environment, new DoctorRequest(Set.of(Language.C), false, Set.of()));
        assertTrue(notStripping.ready(), String.join("\n", notStripping.render()));
        Finding strip = finding(notStripping, "tool.strip");
        assertEquals(Finding.Status.WARNING, strip.status());
        assertEquals(Optional.of(remedy), strip.remedy());
    }

    @Test
    void unresolvableExeWrapperIsMissingButOnlyTestsNeedIt() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        fake.bin().resolve("qemu-aarch64").toFile().delete();
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + aarch64()), request(Language.C));

        assertEquals(new Finding("exe-wrapper", Finding.Status.MISSING, "exe_wrapper", "qemu-aarch64 (test.ini:4 "
                + "[binaries] exe_wrapper) was not found on PATH; native tests cannot run", Optional.of("sudo apt-get "
                + "install qemu-user, or correct [binaries] exe_wrapper at test.ini:4"), false, Optional.empty()),
                finding(diagnosis, "exe-wrapper"));
        assertTrue(diagnosis.ready());
    }

    @Test
    void anExeWrapperThatIsNeededButNotSetIsSuggested() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\n" + aarch64()),
                request(Language.C));

        assertEquals(Finding.warning("exe-wrapper", "exe_wrapper", "linux/aarch64 programs cannot run on this "
                + "linux/x86_64 machine and [binaries] exe_wrapper is not set: native tests will be skipped",
                Optional.of("set exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] in [binaries] of "
                        + "test.ini (sudo apt-get install qemu-user)")), finding(diagnosis, "exe-wrapper"));
    }

    @Test
    void wineBehindEnvIsTheProgramCheckedForWindows() {
        fake.gcc(new FakeToolchain.Gcc("x86_64-w64-mingw32-gcc-posix", "x86_64-w64-mingw32")
                .with("crt2.o", "dllcrt2.o", "libmsvcrt.a"));
        fake.binutils("x86_64-w64-mingw32");
        fake.program("env");
        Diagnosis diagnosis = diagnose(cross("[binaries]\nexe_wrapper = ['env', 'WINEDEBUG=-all', 'wine']\n"
                + hostMachine("windows", "x86_64", "x86_64", "little")), request(Language.C));

        assertEquals(Optional.of("sudo apt-get install wine, or correct [binaries] exe_wrapper at test.ini:2"),
                finding(diagnosis, "exe-wrapper").remedy());
        assertEquals(Finding.Status.OK, finding(diagnosis, "crt-objects").status());
    }

    @Test
    void wineIsSuggestedOnlyForWindowsProgramsOfThisMachinesCpu() {
        fake.gcc(new FakeToolchain.Gcc("x86_64-w64-mingw32-gcc-posix", "x86_64-w64-mingw32")
                .with("crt2.o", "dllcrt2.o", "libmsvcrt.a"));
        fake.binutils("x86_64-w64-mingw32");
        Diagnosis x64 = diagnose(cross(hostMachine("windows", "x86_64", "x86_64", "little")), request(Language.C));
        assertEquals(Optional.of("set exe_wrapper = ['env', 'WINEDEBUG=-all', 'wine'] in [binaries] of test.ini "
                + "(sudo apt-get install wine)"), finding(x64, "exe-wrapper").remedy());

        // Wine runs programs, it emulates no CPU: not a windows/aarch64 program on this x86_64 machine.
        fake.gcc(new FakeToolchain.Gcc("aarch64-w64-mingw32-gcc", "aarch64-w64-mingw32"));
        Diagnosis arm64 = diagnose(cross("[binaries]\nc = 'aarch64-w64-mingw32-gcc'\n"
                + hostMachine("windows", "aarch64", "aarch64", "little")), request(Language.C));
        assertEquals(Finding.warning("exe-wrapper", "exe_wrapper", "windows/aarch64 programs cannot run on this "
                + "linux/x86_64 machine and [binaries] exe_wrapper is not set: native tests will be skipped",
                Optional.of("Wine runs only Windows programs for this machine's CPU (x86_64 and x86), not "
                        + "windows/aarch64 ones: run the native tests on a windows/aarch64 machine, or set exe_wrapper "
                        + "in [binaries] of test.ini to a program that runs windows/aarch64 programs here")),
                finding(arm64, "exe-wrapper"));
    }

    @Test
    void withACustomCLibraryABareMetalToolchainNeedsNoStartFilesLibcOrLibgcc() {
        // Debian's gcc-arm-none-eabi without newlib: no start files, no C library.
        fake.gcc(new FakeToolchain.Gcc("arm-none-eabi-gcc", "arm-none-eabi")
                .without("Scrt1.o", "crti.o", "libc.so", "libstdc++.so", "libstdc++.a"));
        fake.binutils("arm-none-eabi");
        fake.program("qemu-arm");
        String binaries = "[binaries]\nc = 'arm-none-eabi-gcc'\nexe_wrapper = 'qemu-arm'\n";
        String host = hostMachine("none", "arm", "arm7tdmi", "little");

        Diagnosis plain = diagnose(cross(binaries + host), request(Language.C));
        assertFalse(plain.ready(), "without c_stdlib the test link needs a C library");
        assertEquals(Finding.Status.ERROR, finding(plain, "link.c").status());

        Diagnosis custom = diagnose(cross(binaries + "[properties]\nc_stdlib = ['tinyc', 'tinyc_dep']\n" + host),
                request(Language.C));
        assertTrue(custom.ready(), String.join("\n", custom.render()));
        assertEquals(Finding.ok("libc", "C standard library for none/arm", "the module's <library> tinyc (test.ini:5 "
                + "[properties] c_stdlib): host targets are compiled against its headers (-nostdinc) and linked with it "
                + "(-nostdlib), so the toolchain's start files and C library are not needed"), finding(custom, "libc"));
        assertEquals(Finding.Status.OK, finding(custom, "libgcc").status());
        assertFalse(ids(custom).contains("crt-objects"));
        assertTrue(finding(custom, "link.c").detail().contains("-nostdinc -nostdlib cross_link_probe.c"),
                finding(custom, "link.c").detail());
        assertEquals(Finding.Status.OK, finding(custom, "compiler.c").status(), "arm-none-eabi is none/arm");
    }

    @Test
    void zlibForAForeignArchitectureOffersAPrivateSysrootThenMultiarch() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + aarch64()),
                new DoctorRequest(Set.of(Language.C), true, Set.of("zlib")));

        assertEquals(Finding.missing("zlib", "zlib for linux/aarch64", "zlib.h compiles, but aarch64-linux-gnu-gcc "
                + "finds no libz.so / libz.a; linking with -lz would fail", Optional.of("let cross fetch it into a "
                + "private sysroot: <sysrootPackages><package>zlib1g-dev</package></sysrootPackages> in the "
                + "cross-maven-plugin's configuration (or -Dcross.sysrootPackages=zlib1g-dev, or [properties] "
                + "sysroot_packages = ['zlib1g-dev'] in the cross file); or, with Debian multiarch: sudo dpkg "
                + "--add-architecture arm64 && sudo apt-get update && sudo apt-get install zlib1g-dev:arm64")),
                finding(diagnosis, "zlib"));
    }

    @Test
    void zlibFoundWhenHeaderAndLibraryAre() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu").with("libz.so"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + aarch64()),
                new DoctorRequest(Set.of(Language.C), true, Set.of("zlib")));

        assertEquals(Finding.Status.OK, finding(diagnosis, "zlib").status(), String.join("\n", diagnosis.render()));
    }

    @Test
    void zlibInALibraryFolderOfTheLinkArgumentsIsFoundAsTheLinkerFindsIt() throws Exception {
        // A private sysroot's layer: -L <sysroot>/usr/lib/aarch64-linux-gnu, where -print-file-name does not look.
        Path folder = Files.createDirectories(tmp.resolve("sysroot/usr/lib/aarch64-linux-gnu"));
        Files.writeString(folder.resolve("libz.so"), "");
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + "[built-in options]\nc_link_args = ['-L" + folder
                + "']\n" + aarch64()), new DoctorRequest(Set.of(Language.C), true, Set.of("zlib")));

        assertEquals(Finding.ok("zlib", "zlib for linux/aarch64", "zlib.h, " + folder.resolve("libz.so")),
                finding(diagnosis, "zlib"));
    }

    @Test
    void aRelativeLibraryFolderIsReadFromTheFolderTheCompilerRunsIn() throws Exception {
        // -Lthird_party/lib in a machine file: the build's links run in the module's folder, and so do the probes.
        Path module = Files.createDirectories(tmp.resolve("module"));
        Path folder = Files.createDirectories(module.resolve("third_party/lib"));
        Files.writeString(folder.resolve("libz.so"), "");
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        CrossEnvironment environment = cross(ARM64_BINARIES + "[built-in options]\nc_link_args = "
                + "['-Lthird_party/lib']\n" + aarch64());
        DoctorRequest zlib = new DoctorRequest(Set.of(Language.C), true, Set.of("zlib"));

        Diagnosis inModule = new Doctor(ProcessRunner.in(ProcessRunner.system(), module), fake.environment())
                .diagnose(environment, zlib);

        assertEquals(Finding.ok("zlib", "zlib for linux/aarch64", "zlib.h, " + folder.resolve("libz.so")),
                finding(inModule, "zlib"));
        assertEquals(Finding.Status.MISSING, finding(diagnose(environment, zlib), "zlib").status(),
                "a runner without a folder cannot place it");
    }

    @Test
    void darwinFromLinuxIsExplainedInsteadOfFailingInALink() {
        Diagnosis diagnosis = diagnose(cross(hostMachine("darwin", "aarch64", "arm64", "little")), request(Language.C));

        assertEquals(List.of("cross-os"), roots(diagnosis));
        Finding crossOs = diagnosis.findings().get(0);
        assertEquals("building for darwin/aarch64 from linux/x86_64 needs Apple's SDK (headers, libSystem, the ld64 "
                + "linker), which no Linux or Windows distribution packages; like .NET Native AOT, which does not "
                + "support cross-OS builds, cross cannot set this up", crossOs.detail());
        assertEquals(Optional.of("build on a macOS machine (e.g. a macOS CI runner), or install an osxcross toolchain "
                + "and set c and cpp in [binaries] and sys_root in [properties] of test.ini"), crossOs.remedy());
        assertEquals(Optional.of("cross-os"), finding(diagnosis, "compiler.c").causedBy());
    }

    @Test
    void lldAskedForButNotInstalledIsTheLinkersRootCause() {
        fake.clang("clang");
        fake.program("llvm-ar");
        fake.program("llvm-strip");
        fake.program("llvm-objcopy");
        fake.program("qemu-aarch64");
        // The Debian cross libc as clang finds it through the gcc installation:
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross("[binaries]\nc = ['clang', '--target=aarch64-linux-gnu', '-fuse-ld=lld']\n"
                + "exe_wrapper = ['qemu-aarch64', '-L', '/']\n" + aarch64()), request(Language.C));

        assertEquals(Finding.missing("link.c", "C linker", "-fuse-ld=lld asks for ld.lld, which is not on PATH",
                Optional.of("sudo apt-get install lld")), finding(diagnosis, "link.c"));
    }

    @Test
    void aSysRootThatIsNoDirectoryIsAnErrorAtItsLine() {
        arm64Toolchain(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"),
                new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Diagnosis diagnosis = diagnose(cross(ARM64_BINARIES + "[properties]\nsys_root = '" + tmp.resolve("nowhere")
                + "'\n" + aarch64()), request(Language.C));

        assertEquals(Finding.error("sys-root", "sys_root", tmp.resolve("nowhere") + " (test.ini:6 [properties] "
                + "sys_root) is not a directory", Optional.of("correct or remove sys_root at test.ini:6")),
                finding(diagnosis, "sys-root"));
        assertEquals(List.of("sys-root"), roots(diagnosis));
    }

    @Test
    void jsonCarriesReadinessAndEveryFinding() {
        Diagnosis diagnosis = new Diagnosis(List.of(Finding.ok("compiler.c", "C compiler", "gcc"),
                Finding.missing("libc", "C library", "not found", Optional.of("sudo apt-get install x"))));

        Map<String, Object> json = diagnosis.toJson();
        assertEquals(false, json.get("ready"));
        assertEquals(List.of(Map.of("id", "compiler.c", "status", "OK", "subject", "C compiler", "detail", "gcc",
                "remedy", Optional.empty(), "blocking", false, "caused_by", Optional.empty()),
                Map.of("id", "libc", "status", "MISSING", "subject", "C library", "detail", "not found",
                        "remedy", Optional.of("sudo apt-get install x"), "blocking", true, "caused_by",
                        Optional.empty())), json.get("findings"));
    }
}
