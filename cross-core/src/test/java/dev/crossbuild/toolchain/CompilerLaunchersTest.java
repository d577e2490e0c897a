package dev.crossbuild.toolchain;

import static dev.crossbuild.toolchain.CrossFiles.aarch64;
import static dev.crossbuild.toolchain.CrossFiles.cross;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.MachineRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiler caches and compile farms put in front of detected compilers, with fake programs on a private PATH. */
class CompilerLaunchersTest {

    @TempDir
    Path tmp;

    private FakeToolchain fake;

    @BeforeEach
    void setUp() {
        fake = new FakeToolchain(tmp);
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-g++", "aarch64-linux-gnu"));
        fake.binutils("aarch64-linux-gnu");
    }

    private String bin(String name) {
        return fake.bin().resolve(name).toString();
    }

    private Toolchain detect(String binaries) {
        return new ToolchainDetector(ProcessRunner.system(), fake.environment())
                .detect(cross("[binaries]\n" + binaries + aarch64()), MachineRole.HOST, Set.of(Language.C, Language.CPP))
                .toolchain().orElseThrow();
    }

    private CompilerLaunchers.Launched apply(Toolchain host, LauncherRequest request) {
        return apply(host, request, fake.environment());
    }

    private static CompilerLaunchers.Launched apply(Toolchain host, LauncherRequest request, HostEnvironment env) {
        return new CompilerLaunchers(ProcessRunner.system(), env).apply(host, Optional.empty(), request);
    }

    private static Compiler c(CompilerLaunchers.Launched launched) {
        return launched.host().compiler(Language.C).orElseThrow();
    }

    private static Finding finding(CompilerLaunchers.Launched launched, String id) {
        return launched.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + launched.findings()));
    }

    private static LauncherRequest farm(String name) {
        return new LauncherRequest(true, Optional.of(name));
    }

    /** A distcc that prints its host list as distcc 3.4 does: the specifications of DISTCC_HOSTS, one a line. */
    private void distcc() {
        fake.script("distcc", "#!/bin/sh\n"
                + "if [ \"$1\" = --show-hosts ]; then for h in $DISTCC_HOSTS; do echo \"$h\"; done; exit 0; fi\n"
                + "exec \"$@\"\n");
    }

    private HostEnvironment withHosts(String hosts) {
        return HostEnvironment.of(Map.of("PATH", fake.bin().toString(), "DISTCC_HOSTS", hosts),
                Map.of("os.name", "Linux"), tmp);
    }

    @Test
    void ccacheOnPathGoesInFrontOfEveryCompilerAsMesonDoes() {
        fake.program("ccache");
        CompilerLaunchers.Launched launched = apply(detect("c = 'aarch64-linux-gnu-gcc'\n"), LauncherRequest.defaults());

        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argvWithoutLauncher());
        assertEquals(Map.of(), c(launched).environment());
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-g++")),
                launched.host().compiler(Language.CPP).orElseThrow().argv());
        assertEquals("compiler cache: " + bin("ccache") + " (cross.ccache=false turns it off)",
                launched.launch().cacheLine());
        assertEquals(List.of("compiler cache: " + bin("ccache") + " (cross.ccache=false turns it off)"),
                launched.launch().summary());
        assertEquals(Finding.ok("launcher.cache", "Compiler cache", bin("ccache") + " (cross.ccache=false turns it off)"),
                finding(launched, "launcher.cache"));
        assertEquals("test.ini:2 [binaries] c", c(launched).tool().origin());
    }

    @Test
    void sccacheServesWhenCcacheIsMissing() {
        fake.program("sccache");
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults());

        assertEquals(List.of(bin("sccache"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
    }

    @Test
    void offMeansTheCompilersRunAsTheMachineFileNamesThem() {
        fake.program("ccache");
        CompilerLaunchers.Launched launched = apply(detect(""), new LauncherRequest(false, Optional.empty()));

        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals("compiler cache: off (cross.ccache=false)", launched.launch().cacheLine());
    }

    @Test
    void withoutACacheOnPathNothingChangesAndTheLogSaysSo() {
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults());

        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals("compiler cache: none (neither ccache nor sccache is on PATH)", launched.launch().cacheLine());
    }

    @Test
    void aLauncherTheMachineFileNamesIsKeptAndNoCacheIsAdded() {
        fake.program("ccache");
        distcc();
        CompilerLaunchers.Launched launched = apply(detect("c = ['distcc', 'aarch64-linux-gnu-gcc']\n"),
                LauncherRequest.defaults(), withHosts("10.0.0.2/8 10.0.0.3"));

        assertEquals(List.of(bin("distcc"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        // The C++ compiler, which the file does not name, gets the automatic cache.
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-g++")),
                launched.host().compiler(Language.CPP).orElseThrow().argv());
        assertEquals(Optional.of(bin("distcc")), launched.launch().distributor());
        assertEquals(OptionalInt.of(12), launched.launch().remoteSlots());
        assertEquals(Optional.of("compile farm: " + bin("distcc") + " (named in [binaries]) behind ccache "
                + "(CCACHE_PREFIX), 12 remote slots: 10.0.0.2/8 10.0.0.3"), launched.launch().farmLine());
    }

    @Test
    void aRequestedFarmRunsBehindCcacheThroughCcachePrefixAndCountsDistccsRemoteSlots() {
        fake.program("ccache");
        distcc();
        CompilerLaunchers.Launched launched = apply(detect(""), farm("distcc"),
                withHosts("localhost/2 --randomize 127.0.0.1:3632/2 127.0.0.1:3633/3,lzo"));

        Compiler c = c(launched);
        assertEquals(List.of(bin("ccache"), bin("distcc"), bin("aarch64-linux-gnu-gcc")), c.tool().argv());
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), c.argv());
        assertEquals(Map.of("CCACHE_PREFIX", bin("distcc")), c.environment());
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c.argvWithoutLauncher());
        assertEquals(OptionalInt.of(5), launched.launch().remoteSlots());
        assertEquals(List.of("127.0.0.1:3632/2", "127.0.0.1:3633/3,lzo"), launched.launch().remoteHosts());
        assertEquals(Optional.of("compile farm: " + bin("distcc") + " (cross.launcher) behind ccache (CCACHE_PREFIX), "
                + "5 remote slots: 127.0.0.1:3632/2 127.0.0.1:3633/3,lzo"), launched.launch().farmLine());
        assertTrue(finding(launched, "launcher.farm").isOk());
        assertEquals(5, CompilerLaunch.remoteSlots(launched.launch().toJson()));
    }

    @Test
    void withoutACacheTheFarmComesFirst() {
        distcc();
        CompilerLaunchers.Launched launched = apply(detect(""), new LauncherRequest(false, Optional.of("distcc")),
                withHosts("h1/4"));

        assertEquals(List.of(bin("distcc"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(Map.of(), c(launched).environment());
        assertEquals(OptionalInt.of(4), launched.launch().remoteSlots());
    }

    @Test
    void aFarmWithoutRemoteHostsIsAWarning() {
        distcc();
        CompilerLaunchers.Launched launched = apply(detect(""), farm("distcc"), withHosts("localhost/2"));

        assertEquals(OptionalInt.of(0), launched.launch().remoteSlots());
        Finding finding = finding(launched, "launcher.farm");
        assertEquals(Finding.Status.WARNING, finding.status());
        assertTrue(finding.detail().endsWith("no remote host in its host list, so every compile runs here"),
                finding.detail());
    }

    @Test
    void icecreamHasNoSlotCountToTell() {
        fake.program("icecc");
        CompilerLaunchers.Launched launched = apply(detect(""), farm("icecc"));

        assertEquals(List.of(bin("icecc"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(OptionalInt.empty(), launched.launch().remoteSlots());
        assertEquals(0, CompilerLaunch.remoteSlots(launched.launch().toJson()));
        assertTrue(launched.launch().farmLine().orElseThrow().endsWith("set cross.jobs to use them"));
    }

    @Test
    void aRequestedFarmThatIsNotInstalledBlocksWithItsPackage() {
        CompilerLaunchers.Launched launched = apply(detect(""), farm("distcc"));

        assertEquals(Finding.missing("launcher.farm", "Compile farm", "cross.launcher=distcc, but distcc is not on "
                + "PATH", Optional.of("sudo apt-get install distcc, or drop cross.launcher")),
                finding(launched, "launcher.farm"));
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argv());
    }

    @Test
    void anAutomaticSccacheMakesWayForTheFarm() {
        fake.program("sccache");
        distcc();
        CompilerLaunchers.Launched launched = apply(detect(""), farm("distcc"), withHosts("h/2"));

        assertEquals(List.of(bin("distcc"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(CompilerLaunch.CacheChoice.DISPLACED, launched.launch().cacheChoice());
    }

    @Test
    void aMachineFileSccacheCannotTakeAFarm() {
        fake.program("sccache");
        distcc();
        CompilerLaunchers.Launched launched = apply(detect("c = ['sccache', 'aarch64-linux-gnu-gcc']\n"),
                farm("distcc"), withHosts("h/2"));

        Finding finding = finding(launched, "launcher.farm");
        assertEquals(Finding.Status.ERROR, finding.status());
        assertTrue(finding.blocking());
        assertTrue(finding.detail().contains("which cannot hand its misses to a distributor"), finding.detail());
    }

    @Test
    void anotherFarmInTheMachineFileConflicts() {
        fake.program("icecc");
        distcc();
        CompilerLaunchers.Launched launched = apply(detect("c = ['icecc', 'aarch64-linux-gnu-gcc']\n"),
                farm("distcc"), withHosts("h/2"));

        Finding finding = launched.findings().stream().filter(f -> f.id().equals("launcher.farm") && f.blocking())
                .findFirst().orElseThrow();
        assertTrue(finding.detail().contains("already runs the C compiler through " + bin("icecc")), finding.detail());
    }

    @Test
    void theBuildMachinesCompilersGetTheCacheButNeverTheFarm() {
        fake.program("ccache");
        distcc();
        Toolchain host = detect("");
        Toolchain build = new Toolchain(MachineRole.BUILD, CrossFiles.BUILD, host.compilers(), host.ar(),
                host.ranlib(), host.strip(), host.objcopy(), host.ld());
        CompilerLaunchers.Launched launched = new CompilerLaunchers(ProcessRunner.system(), withHosts("h/2"))
                .apply(host, Optional.of(build), farm("distcc"));

        Compiler buildC = launched.build().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), buildC.tool().argv());
        assertEquals(List.of(bin("ccache"), bin("distcc"), bin("aarch64-linux-gnu-gcc")), c(launched).tool().argv());
        assertFalse(launched.findings().stream().anyMatch(Finding::blocking), launched.findings().toString());
    }

    /** A ccache whose {@code --show-config} names its folders as ccache 4.7 does, under {@code CCACHE_DIR}. */
    private void ccacheWithConfig(String extra) {
        fake.script("ccache", "#!/bin/sh\n"
                + "if [ \"$1\" = --show-config ]; then\n"
                + "  echo \"(environment) cache_dir = $CCACHE_DIR\"\n"
                + "  echo \"(default) disable = false\"\n"
                + "  echo \"(default) temporary_dir = $CCACHE_DIR/tmp\"\n"
                + extra
                + "  exit 0\n"
                + "fi\n"
                + "exec \"$@\"\n");
    }

    private HostEnvironment withCcacheDir(Path folder) {
        return HostEnvironment.of(Map.of("PATH", fake.bin().toString(), "CCACHE_DIR", folder.toString()),
                Map.of("os.name", "Linux"), tmp);
    }

    /** A file where ccache's folder would have to be. */
    private Path fileInTheWay() throws IOException {
        return Files.writeString(tmp.resolve("not-a-folder"), "");
    }

    @Test
    void anAutomaticCcacheThatCannotStoreAnythingIsLeftOutWithAWarning() throws Exception {
        ccacheWithConfig("");
        Path file = fileInTheWay();
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults(),
                withCcacheDir(file.resolve("ccache")));

        // ccache would fail every compile ("Failed to create directory"); the bare compilers work.
        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(List.of(bin("aarch64-linux-gnu-g++")), launched.host().compiler(Language.CPP).orElseThrow().argv());
        assertEquals(CompilerLaunch.CacheChoice.UNUSABLE, launched.launch().cacheChoice());
        assertEquals("compiler cache: none (ccache is on PATH but cannot store anything: see the doctor's warning)",
                launched.launch().cacheLine());
        assertEquals(Finding.warning("launcher.cache", "Compiler cache", "ccache is on PATH but cannot write its "
                        + "cache_dir " + file.resolve("ccache") + " (from the environment): a file is in the way ("
                        + file + "), and would fail every compile: they run without a cache",
                        Optional.of("set CCACHE_DIR to a folder this user may write, or turn the automatic cache off "
                                + "with cross.ccache=false")),
                finding(launched, "launcher.cache"));
        assertFalse(finding(launched, "launcher.cache").blocking());
    }

    @Test
    void aCacheFolderThatCanBeMadeKeepsTheAutomaticCcache() {
        ccacheWithConfig("");
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults(),
                withCcacheDir(tmp.resolve("not-yet/ccache")));

        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertEquals(CompilerLaunch.CacheChoice.AUTOMATIC, launched.launch().cacheChoice());
        assertEquals(Finding.Status.OK, finding(launched, "launcher.cache").status());
    }

    @Test
    void aCcacheConfiguredNotToStoreIsNotJudgedByItsFolders() throws Exception {
        ccacheWithConfig("  echo \"(environment) read_only = true\"\n");
        Path file = fileInTheWay();
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults(),
                withCcacheDir(file.resolve("ccache")));

        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
    }

    @Test
    void aCcacheTheMachineFileNamesIsKeptAndTheDoctorWarnsThatItWillFail() throws Exception {
        ccacheWithConfig("");
        Path file = fileInTheWay();
        CompilerLaunchers.Launched launched = apply(detect("c = ['ccache', 'aarch64-linux-gnu-gcc']\n"
                + "cpp = ['ccache', 'aarch64-linux-gnu-g++']\n"), new LauncherRequest(false, Optional.empty()),
                withCcacheDir(file.resolve("ccache")));

        assertEquals(List.of(bin("ccache"), bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        Finding warning = finding(launched, "launcher.cache");
        assertEquals(Finding.Status.WARNING, warning.status());
        assertEquals(bin("ccache") + " (named in [binaries]) cannot write its cache_dir "
                + file.resolve("ccache") + " (from the environment): a file is in the way (" + file
                + "): each compile through it will fail", warning.detail());
    }

    @Test
    void aTemporaryFolderSetInAConfigurationFileIsCheckedAndNamedWithItsFile() throws Exception {
        Path file = fileInTheWay();
        ccacheWithConfig("  echo \"(/home/me/.config/ccache/ccache.conf) temporary_dir = " + file + "\"\n");
        CompilerLaunchers.Launched launched = apply(detect(""), LauncherRequest.defaults(),
                withCcacheDir(tmp.resolve("cache")));

        assertEquals(List.of(bin("aarch64-linux-gnu-gcc")), c(launched).argv());
        assertTrue(finding(launched, "launcher.cache").detail().startsWith("ccache is on PATH but cannot write its "
                + "temporary_dir " + file + " (set in /home/me/.config/ccache/ccache.conf): it is a file, not a folder"),
                finding(launched, "launcher.cache").detail());
    }

    @Test
    void eachCcacheIsAskedOnceAndOnlyWhenItWouldGoInFront() throws Exception {
        Path calls = tmp.resolve("show-config-calls");
        ccacheWithConfig("  echo called >> '" + calls + "'\n");
        Path file = fileInTheWay();
        // Both compilers named through ccache, the same program the automatic cache would be: asked once.
        CompilerLaunchers.Launched named = apply(detect("c = ['ccache', 'aarch64-linux-gnu-gcc']\n"
                + "cpp = ['ccache', 'aarch64-linux-gnu-g++']\n"), LauncherRequest.defaults(),
                withCcacheDir(file.resolve("ccache")));
        assertEquals(Finding.Status.WARNING, finding(named, "launcher.cache").status());
        assertEquals(1, Files.readAllLines(calls).size());

        // Both compilers behind distcc: the automatic ccache goes in front of none, so it is not asked.
        Files.delete(calls);
        distcc();
        CompilerLaunchers.Launched farm = apply(detect("c = ['distcc', 'aarch64-linux-gnu-gcc']\n"
                + "cpp = ['distcc', 'aarch64-linux-gnu-g++']\n"), LauncherRequest.defaults(),
                withCcacheDir(file.resolve("ccache")));
        assertEquals(Finding.Status.OK, finding(farm, "launcher.cache").status());
        assertFalse(Files.exists(calls));
    }
}
