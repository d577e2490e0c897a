package dev.crossbuild.toolchain;

import static dev.crossbuild.toolchain.CrossFiles.aarch64;
import static dev.crossbuild.toolchain.CrossFiles.cross;
import static dev.crossbuild.toolchain.CrossFiles.hostMachine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection with fake toolchains (scripts answering as the real ones do), driven through the real ProcessRunner. */
class DetectionTest {

    @TempDir
    Path tmp;

    private FakeToolchain fake;

    @BeforeEach
    void setUp() {
        fake = new FakeToolchain(tmp);
    }

    private Detection detect(CrossEnvironment environment, Language... languages) {
        return new ToolchainDetector(ProcessRunner.system(), fake.environment())
                .detect(environment, MachineRole.HOST, Set.of(languages));
    }

    private String bin(String name) {
        return fake.bin().resolve(name).toString();
    }

    private static Finding finding(Detection detection, String id) {
        return detection.finding(id).orElseThrow(() -> new AssertionError("no finding " + id + " in "
                + detection.findings()));
    }

    @Test
    void compilerNamedInBinariesIsResolvedOnPathIdentifiedAndConfirmed() {
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        fake.binutils("aarch64-linux-gnu");
        Detection detection = detect(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\n" + aarch64()), Language.C);

        Compiler compiler = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals(new Tool("c", List.of(bin("aarch64-linux-gnu-gcc")), "test.ini:2 [binaries] c"), compiler.tool());
        assertEquals(new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.of(Path.of("/"))), compiler.id());
        assertEquals(Finding.ok("compiler.c", "C compiler", bin("aarch64-linux-gnu-gcc")
                + " (gcc 12.2.0, aarch64-linux-gnu)"), finding(detection, "compiler.c"));
        Toolchain toolchain = detection.toolchain().get();
        assertEquals(Optional.of(new Tool("ar", List.of(bin("aarch64-linux-gnu-ar")),
                "convention: aarch64-linux-gnu-ar")), toolchain.ar());
        assertEquals(bin("aarch64-linux-gnu-strip"), toolchain.strip().orElseThrow().program());
        assertEquals(bin("aarch64-linux-gnu-objcopy"), toolchain.objcopy().orElseThrow().program());
        assertEquals(bin("aarch64-linux-gnu-ranlib"), toolchain.ranlib().orElseThrow().program());
        assertEquals(bin("aarch64-linux-gnu-ld"), toolchain.ld().orElseThrow().program());
        assertFalse(detection.blocking());
    }

    @Test
    void aLauncherStaysFirstAndTheCompilerAfterItIsWhatIsProbed() {
        fake.program("ccache"); // prints nothing: probing through it could not identify anything
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = ['ccache', 'aarch64-linux-gnu-gcc', '-O2']\n"
                + aarch64()), Language.C);

        Compiler compiler = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc"), "-O2"), compiler.argv());
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc"), "-O2"), compiler.argvWithoutLauncher());
        assertEquals("gcc", compiler.id().id());
    }

    @Test
    void aCacheThenADistributorAreBothLaunchers() {
        fake.program("ccache");
        fake.program("distcc");
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = ['ccache', 'distcc', 'aarch64-linux-gnu-gcc']\n"
                + aarch64()), Language.C);

        Compiler compiler = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals(List.of(bin("ccache"), bin("distcc")), compiler.launcher());
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), compiler.argv());
        assertEquals(java.util.Map.of("CCACHE_PREFIX", bin("distcc")), compiler.environment());
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), compiler.argvWithoutLauncher());
    }

    @Test
    void sccacheCannotHandItsMissesToADistributor() {
        fake.program("sccache");
        fake.program("distcc");
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = ['sccache', 'distcc', 'aarch64-linux-gnu-gcc']\n"
                + aarch64()), Language.C);

        Finding finding = finding(detection, "compiler.c");
        assertEquals(Finding.Status.ERROR, finding.status());
        assertEquals("[binaries] c (test.ini:2 [binaries] c) puts sccache before distcc, but only ccache can hand its "
                + "misses to a distributor (through CCACHE_PREFIX)", finding.detail());
    }

    @Test
    void aMissingLauncherIsDroppedWithAWarningAsMesonDrops() {
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = ['ccache', 'aarch64-linux-gnu-gcc']\n" + aarch64()),
                Language.C);

        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")),
                detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow().argv());
        assertEquals(Finding.warning("launcher.c", "C compiler launcher", "ccache (test.ini:2 [binaries] c) was not "
                + "found on PATH; compiling without it", Optional.of("sudo apt-get install ccache")),
                finding(detection, "launcher.c"));
    }

    @Test
    void aLauncherWithoutCompilerIsAnError() {
        fake.program("ccache");
        Detection detection = detect(cross("[binaries]\nc = ['ccache']\n" + aarch64()), Language.C);

        Finding finding = finding(detection, "compiler.c");
        assertEquals(Finding.Status.ERROR, finding.status());
        assertEquals("[binaries] c (test.ini:2 [binaries] c) names the compiler launcher ccache but no compiler "
                + "after it", finding.detail());
        assertEquals(Optional.of("write c = ['ccache', '<compiler>'] at test.ini:2"), finding.remedy());
    }

    @Test
    void compilerNamedInBinariesButNotInstalledIsMissingWithItsPackage() {
        Detection detection = detect(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\n" + aarch64()), Language.C);

        assertEquals(Finding.missing("compiler.c", "C compiler", "aarch64-linux-gnu-gcc (test.ini:2 [binaries] c) "
                + "was not found on PATH", Optional.of("sudo apt-get install gcc-aarch64-linux-gnu "
                + "libc6-dev-arm64-cross, or correct [binaries] c at test.ini:2")), finding(detection, "compiler.c"));
        assertEquals(Optional.empty(), detection.toolchain());
        assertTrue(detection.blocking());
    }

    @Test
    void anUnknownProgramNamedInBinariesGetsTheKeyToCorrect() {
        Detection detection = detect(cross("[binaries]\nc = '/opt/cross/bin/my-cc'\n" + aarch64()), Language.C);

        assertEquals(Finding.missing("compiler.c", "C compiler", "/opt/cross/bin/my-cc (test.ini:2 [binaries] c) "
                + "does not exist or is not executable", Optional.of("install /opt/cross/bin/my-cc or correct "
                + "[binaries] c at test.ini:2")), finding(detection, "compiler.c"));
    }

    @Test
    void aProgramThatIsNoCompilerCannotBeUsed() {
        fake.program("aarch64-linux-gnu-gcc"); // runs, says nothing
        Detection detection = detect(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\n" + aarch64()), Language.C);

        assertEquals(Finding.error("compiler.c", "C compiler", bin("aarch64-linux-gnu-gcc") + " (test.ini:2 "
                + "[binaries] c) cannot be used: '" + bin("aarch64-linux-gnu-gcc") + " -v' (exit code 0) printed no "
                + "'Target:' and 'gcc version' or 'clang version' line, so it is not a GCC- or Clang-compatible "
                + "compiler", Optional.of("set c in [binaries] at test.ini:2 to a GCC or Clang compiler for "
                + "linux/aarch64 (aarch64, little endian)")), finding(detection, "compiler.c"));
    }

    @Test
    void compilerForTheWrongMachineIsAnErrorNamingBothMachinesTheKeyAndTheLine() {
        fake.gcc(new FakeToolchain.Gcc("gcc", "x86_64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = 'gcc'\n\n" + aarch64()), Language.C);

        assertEquals(Finding.error("compiler.c", "C compiler", bin("gcc") + " (test.ini:2 [binaries] c) compiles "
                + "for x86_64-linux-gnu (linux/x86_64, little endian), but the host machine is linux/aarch64 "
                + "(aarch64, little endian) (test.ini:4 [host_machine])", Optional.of("set c in [binaries] at "
                + "test.ini:2 to a C compiler for aarch64-linux-gnu, e.g. c = 'aarch64-linux-gnu-gcc' (sudo apt-get "
                + "install gcc-aarch64-linux-gnu libc6-dev-arm64-cross)")), finding(detection, "compiler.c"));
        assertEquals(Optional.empty(), detection.toolchain());
    }

    @Test
    void aCrossBuildNeverFallsBackToTheBuildMachinesCompiler() {
        fake.gcc(new FakeToolchain.Gcc("cc", "x86_64-linux-gnu"));
        fake.gcc(new FakeToolchain.Gcc("gcc", "x86_64-linux-gnu"));
        Detection detection = detect(cross(aarch64()), Language.C);

        assertEquals(Finding.missing("compiler.c", "C compiler", "no C compiler for linux/aarch64 (aarch64, little "
                + "endian): [binaries] c is not set in test.ini and none of aarch64-linux-gnu-gcc, "
                + "aarch64-linux-gnu-gcc-<N>, clang --target=aarch64-linux-gnu is on PATH", Optional.of("sudo apt-get "
                + "install gcc-aarch64-linux-gnu libc6-dev-arm64-cross, or set c in [binaries] of test.ini")),
                finding(detection, "compiler.c"));
    }

    @Test
    void toolsMissingBecauseTheCompilerIsMissingFollowFromIt() {
        Detection detection = detect(cross(aarch64()), Language.C);

        Finding ar = finding(detection, "tool.ar");
        assertEquals(Optional.of("compiler.c"), ar.causedBy());
        assertEquals(Optional.empty(), ar.remedy());
        assertEquals(List.of("compiler.c"), detection.findings().stream().filter(Finding::isRootProblem)
                .map(Finding::id).toList());
    }

    @Test
    void byConventionTheNewestVersionedCrossGccIsTakenWhenThePlainNameIsAbsent() {
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc-10", "aarch64-linux-gnu"));
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc-12", "aarch64-linux-gnu"));
        fake.binutils("aarch64-linux-gnu");
        Detection detection = detect(cross(aarch64()), Language.C);

        Tool tool = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow().tool();
        assertEquals(new Tool("c", List.of(bin("aarch64-linux-gnu-gcc-12")), "convention: aarch64-linux-gnu-gcc-12"),
                tool);
        assertEquals(bin("aarch64-linux-gnu-ar"), detection.toolchain().get().ar().orElseThrow().program());
    }

    @Test
    void byConventionThePlainCrossGccComesBeforeVersionedOnes() {
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-g++-12", "aarch64-linux-gnu"));
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        Detection detection = detect(cross(aarch64()), Language.CPP);

        assertEquals(List.of(bin("aarch64-linux-gnu-g++")),
                detection.toolchain().orElseThrow().compiler(Language.CPP).orElseThrow().argv());
    }

    @Test
    void byConventionMingwTakesThePosixThreadModelFirst() {
        fake.gcc(new FakeToolchain.Gcc("x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32"));
        fake.gcc(new FakeToolchain.Gcc("x86_64-w64-mingw32-gcc-posix", "x86_64-w64-mingw32"));
        fake.binutils("x86_64-w64-mingw32");
        Detection detection = detect(cross(hostMachine("windows", "x86_64", "x86_64", "little")), Language.C);

        Toolchain toolchain = detection.toolchain().orElseThrow();
        assertEquals(List.of(bin("x86_64-w64-mingw32-gcc-posix")), toolchain.compiler(Language.C).get().argv());
        assertEquals(bin("x86_64-w64-mingw32-ar"), toolchain.ar().orElseThrow().program());
    }

    @Test
    void byConventionClangTargetsTheTripleAndUsesLldWhenInstalled() {
        fakeClang("clang");
        fake.program("ld.lld");
        fake.program("llvm-ar");
        fake.program("llvm-ar-14");
        fake.program("llvm-strip");
        Detection detection = detect(cross(aarch64()), Language.C);

        Compiler compiler = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals(new Tool("c", List.of(bin("clang"), "--target=aarch64-linux-gnu", "-fuse-ld=lld"),
                "convention: clang --target=aarch64-linux-gnu -fuse-ld=lld"), compiler.tool());
        assertEquals(new CompilerId("clang", "14.0.6", "aarch64-unknown-linux-gnu", Optional.empty()), compiler.id());
        Toolchain toolchain = detection.toolchain().get();
        assertEquals(bin("llvm-ar-14"), toolchain.ar().orElseThrow().program());
        assertEquals(bin("llvm-strip"), toolchain.strip().orElseThrow().program());
        assertEquals(bin("ld.lld"), toolchain.ld().orElseThrow().program());
    }

    @Test
    void clangForRiscv64DoesNotUseLld14WhichCannotLinkIt() {
        fakeClang("clang");
        fake.program("ld.lld");
        Detection detection = detect(cross(hostMachine("linux", "riscv64", "riscv64", "little")), Language.C);

        assertEquals(List.of(bin("clang"), "--target=riscv64-linux-gnu"),
                detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow().argv());
    }

    @Test
    void aNativeBuildUsesTheBuildMachinesCc() {
        fake.gcc(new FakeToolchain.Gcc("cc", "x86_64-linux-gnu"));
        fake.program("ar");
        Detection detection = detect(CrossFiles.nativeBuild(), Language.C);

        Toolchain toolchain = detection.toolchain().orElseThrow();
        assertEquals(new Tool("c", List.of(bin("cc")), "convention: cc"), toolchain.compiler(Language.C).get().tool());
        assertEquals(bin("ar"), toolchain.ar().orElseThrow().program());
    }

    @Test
    void aToolNamedInBinariesButNotInstalledIsMissingWithItsPackage() {
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        Detection detection = detect(cross("[binaries]\nc = 'aarch64-linux-gnu-gcc'\nar = 'aarch64-linux-gnu-ar'\n"
                + aarch64()), Language.C);

        assertEquals(Finding.missing("tool.ar", "archiver (ar)", "aarch64-linux-gnu-ar (test.ini:3 [binaries] ar) "
                + "was not found on PATH", Optional.of("sudo apt-get install binutils-aarch64-linux-gnu, or correct "
                + "[binaries] ar at test.ini:3")), finding(detection, "tool.ar"));
    }

    private void fakeClang(String name) {
        fake.clang(name);
    }
}
