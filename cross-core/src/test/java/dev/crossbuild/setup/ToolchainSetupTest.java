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
        String path = HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin");
        HostEnvironment host = HostEnvironment.of(
                Map.of("PATH", pathFirst.isEmpty() ? path : pathFirst + ":" + path, "HOME", dir.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir);
        return new CrossSetup(host).run(new SetupRequest(List.of(crossFile), List.of(), List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir),
                new ToolchainRequest(Set.of(Language.C), true, Set.of(), checks).withLaunchers(launchers)));
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
        assertFalse(Files.exists(calls), "a probe or check ran through ccache");
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
