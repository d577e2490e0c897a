package dev.crossbuild.sysroot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private sysroots with a fake apt: what runs when, what the cache holds, what offline and a build machine without apt
 * do. The fake answers apt-get update / download, apt-cache show / depends and dpkg-deb -x from a two-package archive
 * (zlib1g-dev, zlib1g for arm64).
 */
class DebianSysrootsTest {

    private static final Machine ARM64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir
    Path tmp;

    private Path cache;
    private HostEnvironment environment;
    private final List<List<String>> ran = new ArrayList<>();
    private final Map<String, String> debs = new LinkedHashMap<>(Map.of(
            "zlib1g-dev", "zlib1g-dev deb", "zlib1g", "zlib1g deb"));
    private boolean archiveHasArm64 = true;
    private boolean indexDamaged;

    @BeforeEach
    void setUp() throws IOException {
        cache = tmp.resolve("cache");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String program : List.of("apt-get", "apt-cache", "dpkg-deb")) {
            Files.writeString(bin.resolve(program), "#!/bin/sh\nexit 1\n");
            Files.setPosixFilePermissions(bin.resolve(program), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        environment = HostEnvironment.of(Map.of("PATH", bin.toString()), Map.of("user.name", "tester"), tmp);
    }

    private DebianSysroots sysroots(Instant now) {
        return new DebianSysroots(runner(), environment, Clock.fixed(now, ZoneOffset.UTC), line -> { });
    }

    private SysrootRequest request(boolean offline, String... packages) {
        return new SysrootRequest(ARM64, false, List.of(packages), List.of(), cache, offline, false,
                Duration.ofSeconds(5));
    }

    private List<String> programsRun() {
        return ran.stream().map(argv -> Path.of(argv.get(0)).getFileName() + " " + argv.get(argv.size() - 1)).toList();
    }

    @Test
    void fetchesVerifiesUnpacksAndThenReusesTheCacheWithoutRunningAnything() throws Exception {
        Sysroot sysroot = sysroots(NOW).provide(request(false, "zlib1g-dev"));

        assertEquals(List.of("zlib1g-dev 1.2.13", "zlib1g 1.2.13"),
                sysroot.packages().stream().map(Object::toString).toList());
        assertTrue(sysroot.root().startsWith(cache) && sysroot.root().getFileName().toString().startsWith("arm64-"));
        Path lib = sysroot.root().resolve("usr/lib/aarch64-linux-gnu");
        assertEquals(Path.of("../../../lib/aarch64-linux-gnu/libz.so.1"), Files.readSymbolicLink(lib.resolve("libz.so")),
                "an absolute link into the build machine becomes relative");
        assertTrue(Files.isRegularFile(lib.resolve("libz.so")));
        assertEquals(List.of(sysroot.root().resolve("usr/include")), sysroot.includeDirectories());
        assertEquals(List.of(lib, sysroot.root().resolve("lib/aarch64-linux-gnu")), sysroot.libraryDirectories());
        assertEquals(List.of(lib.resolve("pkgconfig")), sysroot.pkgConfigDirectories());
        assertTrue(sysroot.startFileDirectory().isEmpty() && sysroot.dynamicLoader().isEmpty());
        assertFalse(Files.exists(sysroot.root().resolve("usr/share/doc")));
        assertEquals(List.of("apt-get update", "apt-cache zlib1g-dev", "apt-cache zlib1g-dev", "apt-cache zlib1g",
                "apt-cache zlib1g", "apt-get zlib1g=1.2.13", "dpkg-deb " + tmpRoot(), "dpkg-deb " + tmpRoot()),
                programsRun().stream().map(p -> p.replaceAll("dpkg-deb .*", "dpkg-deb " + tmpRoot())).toList());
        ran.stream().filter(argv -> argv.get(0).endsWith("apt-get") || argv.get(0).endsWith("apt-cache"))
                .forEach(argv -> assertTrue(argv.contains("APT::Architectures=arm64") && argv.contains(
                        "Acquire::AllowInsecureRepositories=false") && argv.contains("APT::Sandbox::User=tester"), 
                        argv.toString()));

        ran.clear();
        Sysroot again = sysroots(NOW.plusSeconds(3600)).provide(request(false, "zlib1g-dev"));
        assertEquals(sysroot, again);
        assertEquals(List.of(), ran, "a warm cache runs no program");

        Sysroot offline = sysroots(NOW.plus(Duration.ofDays(30))).provide(request(true, "zlib1g-dev"));
        assertEquals(sysroot, offline);
        assertEquals(List.of(), ran, "offline, an old index still names what the cache holds");
    }

    @Test
    void aSysrootFolderWithoutItsManifestIsMadeAgain() throws Exception {
        Sysroot sysroot = sysroots(NOW).provide(request(false, "zlib1g-dev"));
        // What a CI cache restored in part leaves: the folder, without the manifest written last.
        Files.delete(sysroot.root().resolve(Sysroot.MANIFEST));

        Sysroot again = sysroots(NOW.plusSeconds(60)).provide(request(false, "zlib1g-dev"));

        assertEquals(sysroot, again);
        assertTrue(Files.isRegularFile(again.root().resolve(Sysroot.MANIFEST)));
        assertTrue(Files.isRegularFile(again.root().resolve("usr/lib/aarch64-linux-gnu/libz.so")));
        assertEquals(sysroot, sysroots(NOW.plusSeconds(120)).provide(request(false, "zlib1g-dev")));
    }

    @Test
    void theUnfinishedFolderOfABuildStoppedADayAgoIsRemovedAndOneAtWorkIsNot() throws Exception {
        Path temporary = Files.createDirectories(cache.resolve(".tmp"));
        Path killed = Files.createDirectories(temporary.resolve("arm64-0123.1/root/usr/include"));
        Files.writeString(killed.resolve("zlib.h"), "half unpacked");
        Files.setLastModifiedTime(temporary.resolve("arm64-0123.1"), FileTime.from(NOW.minus(Duration.ofHours(25))));
        Path atWork = Files.createDirectories(temporary.resolve("arm64-0123.2/debs"));
        Files.setLastModifiedTime(atWork.getParent(), FileTime.from(NOW.minus(Duration.ofHours(2))));
        List<String> log = new ArrayList<>();

        new DebianSysroots(runner(), environment, Clock.fixed(NOW, ZoneOffset.UTC), log::add)
                .provide(request(false, "zlib1g-dev"));

        assertFalse(Files.exists(temporary.resolve("arm64-0123.1")));
        assertTrue(Files.isDirectory(atWork), "another build may be unpacking into it now");
        assertTrue(log.contains("sysroot arm64: removed 1 unfinished folder of builds stopped earlier from "
                + temporary), log.toString());
    }

    private static String tmpRoot() {
        return "<staging>";
    }

    @Test
    void aDayLaterTheIndexIsFetchedAgainAndAnUnchangedArchiveKeepsTheSysroot() throws Exception {
        Sysroot first = sysroots(NOW).provide(request(false, "zlib1g-dev"));
        ran.clear();

        Sysroot second = sysroots(NOW.plus(Duration.ofHours(25))).provide(request(false, "zlib1g-dev"));

        assertEquals(first, second);
        assertEquals(List.of("apt-get update", "apt-cache zlib1g-dev", "apt-cache zlib1g-dev", "apt-cache zlib1g",
                "apt-cache zlib1g"), programsRun(), "the same packages: nothing is downloaded again");
    }

    @Test
    void aNewVersionInTheArchiveMakesANewSysroot() throws Exception {
        Sysroot first = sysroots(NOW).provide(request(false, "zlib1g-dev"));
        debs.put("zlib1g", "zlib1g deb, security update");

        Sysroot second = sysroots(NOW.plus(Duration.ofHours(25))).provide(request(false, "zlib1g-dev"));

        assertFalse(first.root().equals(second.root()));
        assertTrue(Files.isDirectory(first.root()) && Files.isDirectory(second.root()));
    }

    /** zlib1g-dev provided 31 days after {@code NOW}, its log lines to {@code log}. */
    private Sysroot provideAMonthLater(List<String> log) throws Exception {
        return new DebianSysroots(runner(), environment, Clock.fixed(NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC),
                log::add).provide(request(false, "zlib1g-dev"));
    }

    @Test
    void aSysrootUnusedForThirtyDaysIsRemovedByTheNextBuildOfItsArchitecture() throws Exception {
        Sysroot old = sysroots(NOW).provide(request(false, "zlib1g-dev"));
        debs.put("zlib1g", "zlib1g deb, security update");
        Sysroot current = sysroots(NOW.plus(Duration.ofHours(25))).provide(request(false, "zlib1g-dev"));
        Path otherArchitecture = Files.createDirectories(cache.resolve("armhf-0123456789abcdef"));
        Files.writeString(otherArchitecture.resolve(Sysroot.MANIFEST), "{}");
        Files.setLastModifiedTime(otherArchitecture.resolve(Sysroot.MANIFEST), FileTime.from(NOW));
        List<String> log = new ArrayList<>();

        // 31 days after the old one was last taken; the current one was taken a day later, so it is younger
        Sysroot taken = provideAMonthLater(log);

        assertEquals(current, taken);
        assertFalse(Files.exists(old.root()));
        assertFalse(Files.exists(cache.resolve(".tmp").resolve(old.root().getFileName() + ".unused")));
        assertTrue(Files.isDirectory(current.root()));
        assertTrue(Files.isDirectory(otherArchitecture), "another architecture's builds decide about its sysroots");
        assertTrue(log.contains("sysroot arm64: removed 1 sysroot unused for 30 days from " + cache), log.toString());
    }

    @Test
    void aSysrootThatCannotBeRemovedIsLoggedAndTheBuildGoesOn() throws Exception {
        Sysroot old = sysroots(NOW).provide(request(false, "zlib1g-dev"));
        debs.put("zlib1g", "zlib1g deb, security update");
        Sysroot current = sysroots(NOW.plus(Duration.ofHours(25))).provide(request(false, "zlib1g-dev"));
        FileTrees.delete(cache.resolve(".tmp"));
        Files.writeString(cache.resolve(".tmp"), "a file where the staging folder goes");
        List<String> log = new ArrayList<>();

        Sysroot taken = provideAMonthLater(log);

        assertEquals(current, taken);
        assertTrue(Files.isDirectory(old.root()));
        assertTrue(log.stream().anyMatch(line -> line.startsWith("sysroot arm64: could not remove the sysroots unused "
                + "for 30 days from " + cache + " (") && line.endsWith("); the next build tries again")),
                log.toString());
    }

    @Test
    void offlineWithAColdCacheFailsNamingThePackages() {
        SysrootException e = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(true, "zlib1g-dev", "libssl-dev")));

        assertEquals("offline (-o), and the cache has no package index for arm64 yet: the sysroot packages zlib1g-dev, "
                + "libssl-dev (arm64) must be fetched from the Debian archive once", e.getMessage());
        assertEquals("zlib1g-dev, libssl-dev", e.value());
        assertEquals(List.of(), ran);
    }

    @Test
    void offlineWithAnIndexButWithoutTheSysrootFailsToo() throws Exception {
        sysroots(NOW).provide(request(false, "zlib1g"));

        SysrootException e = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(true, "zlib1g-dev")));

        assertTrue(e.getMessage().startsWith("offline (-o), and the cache has no sysroot of zlib1g-dev=1.2.13, "
                + "zlib1g=1.2.13: the sysroot packages zlib1g-dev (arm64)"), e.getMessage());
    }

    @Test
    void aBuildMachineWithoutAptIsRefused() {
        environment = HostEnvironment.of(Map.of("PATH", tmp.resolve("empty").toString()), Map.of(), tmp);

        SysrootException e = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(false, "zlib1g-dev")));

        assertEquals("private sysroots are made with Debian's apt-get, apt-cache and dpkg-deb, and this build machine "
                + "has no apt-get on PATH (it is not Debian or Ubuntu); the sysroot packages zlib1g-dev cannot be "
                + "fetched here", e.getMessage());
        assertTrue(e.remedy().orElseThrow().startsWith("build on Debian or Ubuntu"));
    }

    @Test
    void unknownPackagesAndArchivesWithoutTheArchitectureSayWhatToDo() {
        SysrootException unknown = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(false, "zlib1g-dev", "libnosuch-dev")));
        assertEquals("cannot make the sysroot: the arm64 package index of the build machine's apt sources has no "
                + "package libnosuch-dev", unknown.getMessage());
        assertEquals("libnosuch-dev", unknown.value());
        SysrootException alone = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(false, "libnosuch-dev")));
        assertEquals("cannot make the sysroot: the arm64 package index of the build machine's apt sources has no "
                + "package libnosuch-dev", alone.getMessage());

        archiveHasArm64 = false;
        SysrootException port = assertThrows(SysrootException.class, () -> sysroots(NOW).provide(
                new SysrootRequest(Machine.of("linux", "riscv64", "riscv64", Endian.LITTLE), false,
                        List.of("zlib1g-dev"), List.of(), cache, false, false, Duration.ofSeconds(5))));
        assertEquals("cannot make the sysroot: the archives of the build machine's apt sources have no packages for "
                + "riscv64", port.getMessage());
        assertTrue(port.remedy().orElseThrow().contains("sysroot_sources"), port.remedy().orElseThrow());
    }

    @Test
    void aDamagedIndexSaysHowToFetchItAgain() {
        indexDamaged = true;
        IOException e = assertThrows(IOException.class, () -> sysroots(NOW).provide(request(false, "zlib1g-dev")));
        SysrootException cause = (SysrootException) e.getCause();
        assertTrue(cause.getMessage().startsWith("apt-cache failed on the private package index in "),
                cause.getMessage());
        assertTrue(cause.getMessage().endsWith("(exit 100): E: The package lists or status file could not be parsed "
                + "or opened."), cause.getMessage());
        assertTrue(cause.remedy().orElseThrow().startsWith("fetch the index again: build once with -U"),
                cause.remedy().orElseThrow());
    }

    @Test
    void badNamesSourcesMachinesAndToolchainPackagesAreRefused() {
        assertEquals("write zlib1g-dev: the architecture is the host machine's", assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(false, "zlib1g-dev:arm64"))).remedy().orElseThrow());
        assertThrows(SysrootException.class, () -> sysroots(NOW).provide(new SysrootRequest(ARM64, false,
                List.of("zlib1g-dev"), List.of("deb [trusted=yes] http://example.org/debian x main"), cache, false,
                false, Duration.ofSeconds(5))));
        assertThrows(SysrootException.class, () -> sysroots(NOW).provide(new SysrootRequest(ARM64, false,
                List.of("zlib1g-dev"), List.of("http://example.org/debian x main"), cache, false, false,
                Duration.ofSeconds(5))));
        SysrootException windows = assertThrows(SysrootException.class, () -> sysroots(NOW).provide(new SysrootRequest(
                Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE), false, List.of("zlib1g-dev"), List.of(),
                cache, false, false, Duration.ofSeconds(5))));
        assertTrue(windows.getMessage().startsWith("no Debian architecture for the host machine (windows x86_64"));
        SysrootException libc = assertThrows(SysrootException.class,
                () -> sysroots(NOW).provide(request(false, "libc6-dev")));
        assertEquals("remove libc6-dev from the sysroot packages", libc.remedy().orElseThrow());
        assertTrue(ran.stream().noneMatch(argv -> argv.contains("download")));
    }

    @Test
    void aDownloadThatIsNotWhatTheSignedIndexSaysIsRefused() {
        ProcessRunner tampering = command -> {
            ProcessResult result = runner().run(command);
            if (command.argv().contains("download")) {
                Files.writeString(command.workingDirectory().orElseThrow().resolve("zlib1g_1.2.13_arm64.deb"), "evil");
            }
            return result;
        };
        DebianSysroots sysroots = new DebianSysroots(tampering, environment, Clock.fixed(NOW, ZoneOffset.UTC),
                line -> { });

        SysrootException e = assertThrows(SysrootException.class, () -> sysroots.provide(request(false, "zlib1g-dev")));

        assertTrue(e.getMessage().startsWith("apt-get download gave zlib1g_1.2.13_arm64.deb, whose SHA-256 "),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve(".tmp")) && cache.resolve(".tmp").toFile().list().length > 0,
                "the staging folder is removed");
    }

    @Test
    void theDefaultCacheIsTheUsersCacheFolder() {
        assertEquals(Path.of("/x/cache/cross/sysroots"), SysrootCache.defaultFolder(HostEnvironment.of(
                Map.of("XDG_CACHE_HOME", "/x/cache"), Map.of("user.home", "/home/u"), tmp)));
        assertEquals(Path.of("/home/u/.cache/cross/sysroots"), SysrootCache.defaultFolder(HostEnvironment.of(
                Map.of("XDG_CACHE_HOME", "relative"), Map.of("user.home", "/home/u"), tmp)));
    }

    /** The fake apt and dpkg-deb. */
    private ProcessRunner runner() {
        return command -> {
            List<String> argv = command.argv();
            ran.add(argv);
            String program = Path.of(argv.get(0)).getFileName().toString();
            return switch (program) {
                case "apt-get" -> argv.contains("update") ? update(argv) : download(command);
                case "apt-cache" -> argv.contains("show") ? show(argv) : depends(argv);
                case "dpkg-deb" -> unpack(argv);
                default -> throw new IOException("unexpected " + argv);
            };
        };
    }

    private ProcessResult update(List<String> argv) throws IOException {
        Path lists = option(argv, "Dir::State::Lists");
        Files.writeString(lists.resolve("deb.debian.org_debian_dists_bookworm_InRelease"), "signed " + debs);
        String arch = option(argv, "APT::Architecture").toString();
        if (archiveHasArm64 && arch.equals("arm64")) {
            Files.writeString(lists.resolve("deb.debian.org_debian_dists_bookworm_main_binary-arm64_Packages.lz4"),
                    debs.toString());
        }
        return ok("");
    }

    private ProcessResult show(List<String> argv) throws IOException {
        if (indexDamaged) {
            return new ProcessResult(List.of("fake"), 100, "", "E: The package lists or status file could not be "
                    + "parsed or opened.\n", Duration.ZERO, false);
        }
        StringBuilder out = new StringBuilder();
        if (Files.exists(option(argv, "Dir::State::Lists")
                .resolve("deb.debian.org_debian_dists_bookworm_main_binary-arm64_Packages.lz4"))) {
            for (String name : argv.subList(argv.indexOf("--no-all-versions") + 1, argv.size())) {
                if (debs.containsKey(name) || name.equals("libc6-dev")) {
                    out.append("Package: ").append(name).append("\nVersion: 1.2.13\nArchitecture: arm64\n"
                            + "Multi-Arch: same\nSHA256: ").append(sha(debs.getOrDefault(name, ""))).append("\n\n");
                }
            }
        }
        // As apt-cache: when none of the names is a package, an error and exit code 100.
        return out.isEmpty() ? new ProcessResult(List.of("fake"), 100, "", "N: Unable to locate package x\n"
                + "E: No packages found\n", Duration.ZERO, false) : ok(out.toString());
    }

    private static ProcessResult depends(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String name : argv.subList(argv.indexOf("--no-enhances") + 1, argv.size())) {
            out.append(name).append('\n');
            if (name.equals("zlib1g-dev")) {
                out.append("  Depends: zlib1g\n |Depends: libc6-dev\n  Depends: <libc-dev>\n    libc6-dev\n");
            } else if (name.equals("zlib1g")) {
                out.append("  Depends: libc6\n");
            }
        }
        return ok(out.toString());
    }

    private ProcessResult download(Command command) throws IOException {
        Path directory = command.workingDirectory().orElseThrow();
        for (String pinned : command.argv().subList(command.argv().indexOf("download") + 1, command.argv().size())) {
            String name = pinned.substring(0, pinned.indexOf('='));
            Files.writeString(directory.resolve(name + "_1.2.13_arm64.deb"), debs.get(name));
        }
        return ok("");
    }

    private ProcessResult unpack(List<String> argv) throws IOException {
        Path deb = Path.of(argv.get(2));
        Path root = Path.of(argv.get(3));
        if (deb.getFileName().toString().startsWith("zlib1g-dev")) {
            Files.createDirectories(root.resolve("usr/include"));
            Files.writeString(root.resolve("usr/include/zlib.h"), "/* zlib */");
            Path lib = Files.createDirectories(root.resolve("usr/lib/aarch64-linux-gnu/pkgconfig"));
            Files.writeString(lib.resolve("zlib.pc"), "Name: zlib\n");
            Files.createSymbolicLink(lib.getParent().resolve("libz.so"), Path.of("/lib/aarch64-linux-gnu/libz.so.1"));
            Files.createDirectories(root.resolve("usr/share/doc/zlib1g-dev"));
        } else {
            Path lib = Files.createDirectories(root.resolve("lib/aarch64-linux-gnu"));
            Files.writeString(lib.resolve("libz.so.1"), "ELF");
        }
        return ok("");
    }

    private static Path option(List<String> argv, String name) {
        return argv.stream().filter(a -> a.startsWith(name + "=")).findFirst()
                .map(a -> Path.of(a.substring(name.length() + 1))).orElseThrow();
    }

    private static ProcessResult ok(String stdout) {
        return new ProcessResult(List.of("fake"), 0, stdout, "", Duration.ZERO, false);
    }

    private static String sha(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
