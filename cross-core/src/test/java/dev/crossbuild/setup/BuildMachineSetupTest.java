package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup for a module with build-machine tools, with the real compilers of this machine: the build machine's cc (or
 * the native file's compiler) is confirmed next to the aarch64 host toolchain, written to setup.json under
 * {@code build.*}, cached with it, and read back by the later goals.
 */
class BuildMachineSetupTest {

    @TempDir
    Path dir;

    private SetupResult setup(List<String> crossFiles, List<String> nativeFiles, Set<Language> buildLanguages)
            throws Exception {
        HostEnvironment host = HostEnvironment.of(
                Map.of("PATH", HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin"), "HOME", dir.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir);
        return new CrossSetup(host).run(new SetupRequest(crossFiles, nativeFiles, List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir),
                new ToolchainRequest(Set.of(Language.C), false, Set.of(), CheckRequest.empty())
                        .withBuildLanguages(buildLanguages)));
    }

    private SetupResult arm64(Set<Language> buildLanguages) throws Exception {
        return setup(List.of("linux-arm64.ini"), List.of(), buildLanguages);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String... path) {
        Map<String, Object> current = json;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    void aCrossBuildWithToolsConfirmsTheBuildMachinesCcAndRecordsIt() throws Exception {
        SetupResult result = arm64(Set.of(Language.C));

        Toolchain build = result.toolchain().orElseThrow().buildToolchain().orElseThrow();
        assertEquals(MachineRole.BUILD, build.machine());
        Compiler cc = build.compiler(Language.C).orElseThrow();
        assertEquals("convention: cc", cc.tool().origin());
        assertEquals("x86_64-linux-gnu", cc.id().targetTriple());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(result.setupJson()));
        Map<String, Object> c = object(json, "build", "compilers", "c");
        assertEquals("x86_64-linux-gnu", c.get("triple"));
        assertEquals("x86_64", object(json, "build").get("cpu_family"));
        assertEquals(Map.of(), object(json, "build", "built_in_options"));
        assertTrue(object(json, "host", "compilers", "c").get("triple").equals("aarch64-linux-gnu"));
        // The summary names the compiler; a ccache in front of it has its own line.
        assertTrue(result.summary().contains("C compiler for the build machine: "
                        + String.join(" ", cc.argvWithoutLauncher()) + " (" + cc.id() + ")"),
                result.summary().toString());
        Finding finding = result.toolchain().orElseThrow().diagnosis().findings().stream()
                .filter(f -> f.id().equals("build.compiler.c")).findFirst().orElseThrow();
        assertEquals("C compiler for the build machine", finding.subject());
        assertTrue(finding.isOk(), finding.toString());

        SetupState state = SetupState.read(result.setupJson());
        assertEquals(Optional.of(build), state.buildToolchain());
        SetupState tools = state.forBuildMachine().orElseThrow();
        assertEquals(state.build(), tools.host());
        assertEquals("linux-aarch_64", state.classifier());
        assertEquals("linux-x86_64", tools.classifier(), "the build machine's own, as its outputs.json says");
        assertEquals(build, tools.toolchain());
        assertTrue(tools.canRunHostBinaries());
        assertFalse(tools.needsExeWrapper());
    }

    @Test
    void theBuildToolchainIsCachedWithTheHostOneAndTheLanguagesAreInTheFingerprint() throws Exception {
        SetupResult first = arm64(Set.of(Language.C));

        SetupResult second = arm64(Set.of(Language.C));
        assertTrue(second.toolchain().orElseThrow().reused());
        assertEquals(0, second.toolchain().orElseThrow().compilerRuns());
        assertEquals(first.toolchain().orElseThrow().buildToolchain(), second.toolchain().orElseThrow().buildToolchain());
        assertTrue(SetupState.read(second.setupJson()).buildToolchain().isPresent());

        SetupResult withoutTools = arm64(Set.of());
        assertFalse(withoutTools.toolchain().orElseThrow().reused());
        assertEquals(Optional.empty(), withoutTools.toolchain().orElseThrow().buildToolchain());
        assertEquals(Optional.empty(), SetupState.read(withoutTools.setupJson()).buildToolchain());
        assertFalse(object(JsonReader.parseObject(Files.readString(withoutTools.setupJson())), "build")
                .containsKey("compilers"));
    }

    @Test
    void theNativeFileNamesTheBuildCompilerAndItsOptions() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/clang")), "clang is not installed here");
        Files.writeString(dir.resolve("native.ini"), "[binaries]\nc = 'clang'\n\n[built-in options]\n"
                + "c_args = ['-O2', '-DBUILD_TOOL=1']\n");

        SetupResult result = setup(List.of("linux-arm64.ini"), List.of("native.ini"), Set.of(Language.C));

        Compiler c = result.toolchain().orElseThrow().buildToolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals("clang", c.id().id());
        assertEquals(dir.resolve("native.ini") + ":2 [binaries] c", c.tool().origin());
        SetupState tools = SetupState.read(result.setupJson()).forBuildMachine().orElseThrow();
        assertEquals(List.of("-O2", "-DBUILD_TOOL=1"), tools.arguments("c_args"));
        assertEquals("aarch64-linux-gnu", SetupState.read(result.setupJson()).toolchain().compiler(Language.C)
                .orElseThrow().id().targetTriple());
        assertEquals(List.of(), SetupState.read(result.setupJson()).arguments("c_args"));
    }

    @Test
    void aMissingBuildCompilerBlocksSetupWithItsRemedy() throws Exception {
        Files.writeString(dir.resolve("native.ini"), "[binaries]\nc = 'no-such-cc'\n");

        ToolchainNotReadyException e = assertThrows(ToolchainNotReadyException.class,
                () -> setup(List.of("linux-arm64.ini"), List.of("native.ini"), Set.of(Language.C)));

        String file = dir.resolve("native.ini").toString();
        assertTrue(e.getMessage().contains("\n[MISSING] C compiler for the build machine: no-such-cc (" + file + ":2 "
                + "[binaries] c) was not found on PATH -> install no-such-cc or correct [binaries] c at " + file
                + ":2\n"), e.getMessage());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(e.result().setupJson()));
        assertEquals(false, object(json, "doctor").get("ready"));
    }

    @Test
    void aNativeBuildUsesTheHostToolchainForTheTools() throws Exception {
        SetupResult result = setup(List.of(), List.of(), Set.of(Language.C));

        ToolchainReport report = result.toolchain().orElseThrow();
        Toolchain build = report.buildToolchain().orElseThrow();
        assertEquals(report.toolchain().compilers(), build.compilers());
        assertEquals(MachineRole.BUILD, build.machine());
        assertTrue(report.diagnosis().findings().stream().noneMatch(f -> f.id().startsWith("build.")));
    }
}
