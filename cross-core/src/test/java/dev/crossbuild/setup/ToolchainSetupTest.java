package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.SetupStateException;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup with the real cross toolchains of this machine ({@code scripts/install-toolchains.sh}): detection, doctor,
 * checks in one compiler run, the header, the properties, and the cache that makes a second setup run no compiler.
 */
class ToolchainSetupTest {

    private static final CheckRequest SIZES = new CheckRequest(List.of("long", "void*"), List.of("double"),
            List.of("stdint.h"), List.of(), List.of());

    @TempDir
    Path dir;

    private SetupResult setup(String crossFile, CheckRequest checks) throws Exception {
        return setup(crossFile, checks, "", LauncherRequest.defaults());
    }

    /** Setup with {@code pathFirst} (a folder of fake programs, or "") before this machine's PATH. */
    private SetupResult setup(String crossFile, CheckRequest checks, String pathFirst, LauncherRequest launchers)
            throws Exception {
        return setup(crossFile, checks, pathFirst, launchers, dir.resolve("target/cross"), Optional.empty());
    }

    /** Setup of the module whose {@code target/cross} is {@code crossDirectory}, with a shared toolchain cache. */
    private SetupResult setupShared(Path crossDirectory, Path cacheFolder) throws Exception {
        return setup("linux-arm64.ini", SIZES, "", LauncherRequest.none(), crossDirectory, Optional.of(cacheFolder));
    }

    private SetupResult setup(String crossFile, CheckRequest checks, String pathFirst, LauncherRequest launchers,
                              Path crossDirectory, Optional<Path> cacheFolder) throws Exception {
        String path = HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin");
        HostEnvironment host = HostEnvironment.of(
                Map.of("PATH", pathFirst.isEmpty() ? path : pathFirst + ":" + path, "HOME", dir.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir);
        ToolchainRequest request = new ToolchainRequest(Set.of(Language.C), true, Set.of(), checks)
                .withLaunchers(launchers);
        return new CrossSetup(host).run(new SetupRequest(List.of(crossFile), List.of(), List.of(dir),
                crossDirectory, Optional.empty(), Optional.of(dir),
                cacheFolder.map(request::withCacheFolder).orElse(request)));
    }

    @Test
    void aSharedCacheOutlivesTheTargetFolderWithOneFilePerClassifierFolder() throws Exception {
        Path shared = dir.resolve("cache/toolchains");
        SetupResult first = setupShared(dir.resolve("target/cross"), shared);
        assertFalse(first.toolchain().orElseThrow().reused());
        assertFalse(Files.exists(first.outputDirectory().resolve(ToolchainStep.CACHE_FILE)));
        List<Path> files;
        try (var listing = Files.list(shared)) {
            files = listing.toList();
        }
        assertEquals(1, files.size(), files.toString());
        assertTrue(files.get(0).getFileName().toString().matches("toolchain-[0-9a-f]{32}\\.json"), files.toString());
        assertEquals(first.outputDirectory().toString(),
                JsonReader.parseObject(Files.readString(files.get(0))).get("output_directory"));

        // mvn clean: the detection and diagnosis are reused; the checks' answers were in target/, so they run again
        deleteTree(dir.resolve("target"));
        SetupResult second = setupShared(dir.resolve("target/cross"), shared);
        ToolchainReport report = second.toolchain().orElseThrow();
        assertTrue(report.reused());
        assertEquals(1, report.compilerRuns());
        assertTrue(second.summary().contains("toolchain: reused the detection and diagnosis of the last setup, "
                + "checked with 1 compiler run"), second.summary().toString());
        assertEquals("8", second.projectProperties().get("cross.sizeof.long"));

        // Another module (another classifier folder) has a file of its own: a relative program path in a machine
        // file may name another program there.
        SetupResult other = setupShared(dir.resolve("other/target/cross"), shared);
        assertFalse(other.toolchain().orElseThrow().reused());
        try (var listing = Files.list(shared)) {
            assertEquals(2, listing.count());
        }
    }

    @Test
    void aChangedProgramOfTheRememberedToolchainIsDetectedAgainAfterAClean() throws Exception {
        Path wrapper = Files.writeString(dir.resolve("cc.sh"), "#!/bin/sh\nexec aarch64-linux-gnu-gcc \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("wrapped.ini"), """
                [binaries]
                c = '%s'
                ar = 'aarch64-linux-gnu-ar'
                strip = 'aarch64-linux-gnu-strip'
                objcopy = 'aarch64-linux-gnu-objcopy'
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """.formatted(wrapper));
        Path shared = dir.resolve("cache");
        Path cross = dir.resolve("target/cross");
        setup("wrapped.ini", SIZES, "", LauncherRequest.none(), cross, Optional.of(shared));
        deleteTree(dir.resolve("target"));
        assertTrue(setup("wrapped.ini", SIZES, "", LauncherRequest.none(), cross, Optional.of(shared))
                .toolchain().orElseThrow().reused());

        Files.writeString(wrapper, "# upgraded\n", java.nio.file.StandardOpenOption.APPEND);
        deleteTree(dir.resolve("target"));
        SetupResult upgraded = setup("wrapped.ini", SIZES, "", LauncherRequest.none(), cross, Optional.of(shared));

        assertFalse(upgraded.toolchain().orElseThrow().reused());
        assertTrue(upgraded.toolchain().orElseThrow().compilerRuns() > 1);
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsAWarningAndSetupGoesOn() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache"), "a file where the folder would be");

        SetupResult result = setupShared(dir.resolve("target/cross"), notAFolder.resolve("toolchains"));

        ToolchainReport report = result.toolchain().orElseThrow();
        assertTrue(report.diagnosis().ready());
        var warning = report.diagnosis().findings().stream().filter(f -> f.id().equals("toolchain.cache"))
                .findFirst().orElseThrow();
        assertFalse(warning.isOk());
        assertFalse(warning.blocking());
        assertTrue(warning.detail().contains("cannot write " + notAFolder.resolve("toolchains")), warning.detail());
        assertTrue(warning.remedy().orElseThrow().contains("-Dcross.toolchainCache"), warning.remedy().toString());
        assertTrue(result.summary().contains("doctor warning: Toolchain cache: " + warning.detail() + " -> "
                + warning.remedy().get()), result.summary().toString());
    }

    @Test
    void aStoreDeletesSharedCacheFilesUnusedForThirtyDays() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("cache"));
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(ToolchainStep.UNUSED_FOR).minus(java.time.Duration.ofDays(1)));
        Path stale = Files.writeString(shared.resolve("toolchain-" + "0".repeat(32) + ".json"), "{}");
        Path recent = Files.writeString(shared.resolve("toolchain-" + "1".repeat(32) + ".json"), "{}");
        Path foreign = Files.writeString(shared.resolve("notes.txt"), "not ours");
        Files.setLastModifiedTime(stale, old);
        Files.setLastModifiedTime(foreign, old);

        setupShared(dir.resolve("target/cross"), shared);

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(recent));
        assertTrue(Files.exists(foreign));
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void ccacheGoesInFrontAfterTheCacheAndNeitherProbesNorChecksRunThroughIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("ccache-calls.log");
        Path ccache = Files.writeString(bin.resolve("ccache"), "#!/bin/sh\necho \"$*\" >> '" + calls
                + "'\nexec \"$@\"\n");
        Files.setPosixFilePermissions(ccache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        SetupResult first = setup("linux-arm64.ini", SIZES, bin.toString(), LauncherRequest.defaults());
        ToolchainReport report = first.toolchain().orElseThrow();
        assertTrue(report.diagnosis().ready(), String.join("\n", report.diagnosis().render()));
        assertEquals(ccache.toString(), report.toolchain().compiler(Language.C).orElseThrow().argv().get(0));
        // Setup asks ccache only where it would store (--show-config): no probe or check ran through it.
        assertEquals(List.of("--show-config"), Files.readAllLines(calls), "a probe or check ran through ccache");
        assertTrue(first.summary().contains("compiler cache: " + ccache + " (cross.ccache=false turns it off)"),
                first.summary().toString());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(first.setupJson()));
        @SuppressWarnings("unchecked")
        Map<String, Object> launcher = (Map<String, Object>) json.get("compiler_launcher");
        assertEquals(ccache.toString(), launcher.get("cache"));
        assertEquals("automatic", launcher.get("cache_choice"));
        assertEquals(ccache.toString(), SetupState.read(first.setupJson()).toolchain().compiler(Language.C)
                .orElseThrow().argv().get(0));
        assertFalse(Files.readString(first.outputDirectory().resolve("toolchain-cache.json")).contains("ccache"),
                "the toolchain cache holds the toolchain as detected");

        // Turning the cache off reuses detection and checks alike: neither depends on it.
        SetupResult off = setup("linux-arm64.ini", SIZES, bin.toString(), LauncherRequest.none());
        assertTrue(off.toolchain().orElseThrow().reused());
        assertEquals(0, off.toolchain().orElseThrow().compilerRuns());
        assertFalse(off.toolchain().orElseThrow().toolchain().compiler(Language.C).orElseThrow().argv().get(0)
                .equals(ccache.toString()));
        assertTrue(off.summary().contains("compiler cache: off (cross.ccache=false)"), off.summary().toString());
    }

    @Test
    void arm64SizesComeFromOneCompilerRunAndLandInHeaderPropertiesAndJson() throws Exception {
        SetupResult result = setup("linux-arm64.ini", SIZES);

        ToolchainReport toolchain = result.toolchain().orElseThrow();
        assertTrue(toolchain.diagnosis().ready(), String.join("\n", toolchain.diagnosis().render()));
        assertEquals(1, toolchain.checks().orElseThrow().compilerRuns());
        assertEquals("8", result.projectProperties().get("cross.sizeof.long"));
        assertEquals("8", result.projectProperties().get("cross.sizeof.void_p"));
        assertEquals("true", result.projectProperties().get("cross.has.header.stdint_h"));
        String header = Files.readString(result.includeDirectory().resolve("cross_config.h"));
        assertTrue(header.contains("#define SIZEOF_LONG 8\n"), header);
        assertTrue(header.contains("#define HAVE_STDINT_H 1\n"), header);
        Map<String, Object> json = JsonReader.parseObject(Files.readString(result.setupJson()));
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) json.get("host"))
                .get("compilers")).get("c");
        assertEquals("gcc", c.get("id"));
        assertEquals("aarch64-linux-gnu", c.get("triple"));
        List<?> argv = (List<?>) c.get("argv"); // ccache first when this machine has it
        assertTrue(argv.get(argv.size() - 1).toString().endsWith("/aarch64-linux-gnu-gcc"), c.toString());
        assertTrue(result.summary().stream().anyMatch(l -> l.startsWith("C compiler:  ") && l.contains("aarch64-linux-gnu-gcc")),
                result.summary().toString());
    }

    @Test
    void armhfLongIsFourBytes() throws Exception {
        SetupResult result = setup("linux-armhf.ini", SIZES);

        assertEquals("4", result.projectProperties().get("cross.sizeof.long"));
        assertEquals(1, result.toolchain().orElseThrow().checks().orElseThrow().compilerRuns());
    }

    @Test
    void aSecondSetupWithNothingChangedRunsNoCompiler() throws Exception {
        SetupResult first = setup("linux-arm64.ini", SIZES);
        assertFalse(first.toolchain().orElseThrow().reused());
        assertTrue(first.toolchain().orElseThrow().compilerRuns() > 1);

        SetupResult second = setup("linux-arm64.ini", SIZES);

        ToolchainReport report = second.toolchain().orElseThrow();
        assertTrue(report.reused());
        assertEquals(0, report.compilerRuns());
        assertEquals("8", second.projectProperties().get("cross.sizeof.long"));
        assertTrue(second.summary().contains(
                "toolchain: reused the detection, diagnosis and checks of the last setup (0 compiler runs)"), second.summary().toString());

        // A third, the same as the second: setup.json says the same, so it is left alone.
        java.nio.file.attribute.FileTime earlier = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(second.setupJson(), earlier);
        String written = Files.readString(second.setupJson());
        SetupResult third = setup("linux-arm64.ini", SIZES);
        assertEquals(earlier, Files.getLastModifiedTime(third.setupJson()));
        assertEquals(written, Files.readString(third.setupJson()));
    }

    @Test
    void aChangedCheckRequestRecomputesOnlyTheChecks() throws Exception {
        setup("linux-arm64.ini", SIZES);

        SetupResult second = setup("linux-arm64.ini", new CheckRequest(List.of("short"), List.of(), List.of(), List.of(), List.of()));

        assertTrue(second.toolchain().orElseThrow().reused());
        assertEquals(1, second.toolchain().orElseThrow().compilerRuns());
        assertEquals("2", second.projectProperties().get("cross.sizeof.short"));
    }

    @Test
    void aMissingCompilerFailsWithTheDoctorsFindingsAndSetupJsonKeepsThem() throws Exception {
        Files.writeString(dir.resolve("broken.ini"), """
                [binaries]
                c = 'no-such-aarch64-gcc'
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """);

        ToolchainNotReadyException e = assertThrows(ToolchainNotReadyException.class, () -> setup("broken.ini", SIZES));

        assertTrue(e.getMessage().startsWith("The toolchain for linux/aarch64 (aarch64, little) is not ready:\n"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-aarch64-gcc"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.ini:2"), e.getMessage());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(e.result().setupJson()));
        assertEquals(false, ((Map<?, ?>) json.get("doctor")).get("ready"));
        assertTrue(Files.notExists(e.result().outputDirectory().resolve(ToolchainStep.CACHE_FILE)), "a failed setup is never cached");
    }

    @Test
    void laterGoalsReadTheToolchainBackFromSetupJson() throws Exception {
        SetupResult result = setup("linux-arm64.ini", CheckRequest.empty());

        SetupState state = SetupState.read(result.setupJson());

        assertEquals(result.toolchain().orElseThrow().toolchain(), state.toolchain());
        assertEquals(result.environment().machines().host(), state.host());
        assertEquals("linux-aarch_64", state.classifier());
        assertEquals(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"), state.binary("exe_wrapper").orElseThrow());
        assertEquals(List.of(), state.arguments("c_args"));
    }

    @Test
    void setupStateSaysWhatToDoWhenSetupHasNotRun() {
        SetupStateException e = assertThrows(SetupStateException.class, () -> SetupState.read(dir.resolve("setup.json")));

        assertTrue(e.getMessage().contains("the setup goal has not run for this classifier"), e.getMessage());
    }
}
