package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
import dev.crossbuild.setup.ToolchainRequest;
import dev.crossbuild.toolchain.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path: setup writes setup.json for the linux-arm64 preset plus a user file, compile reads it back. */
class CompileAfterSetupTest {

    @TempDir
    Path project;

    private SetupState setup(String cArgs) throws Exception {
        RealToolchains.require("aarch64-linux-gnu-gcc");
        Files.writeString(project.resolve("options.ini"), "[built-in options]\nc_args = " + cArgs + "\n");
        HostEnvironment host = HostEnvironment.of(
                Map.of("PATH", HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin"), "HOME", project.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", project.toString()),
                project);
        SetupResult result = new CrossSetup(host).run(new SetupRequest(List.of("linux-arm64.ini", "options.ini"), List.of(),
                List.of(project), project.resolve("target/cross"), Optional.empty(), Optional.of(project),
                new ToolchainRequest(Set.of(Language.C), true, Set.of(), CheckRequest.empty())));
        return SetupState.read(result.setupJson());
    }

    @Test
    void compilesWithTheApprovedToolchainAndTheCrossFilesCArgsAndRebuildsWhenTheyChange() throws Exception {
        Files.createDirectories(project.resolve("src/main/c"));
        Files.writeString(project.resolve("src/main/c/a.c"), "#if FROM_CROSS != 1\n#error c_args\n#endif\nint a;\n");
        Files.writeString(project.resolve("src/main/c/b.c"), "int b;\n");
        NativeTarget target = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")));
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        RecordingListener listener = new RecordingListener();
        NativeCompiler compiler = new NativeCompiler(ProcessRunner.system(), listener);

        SetupState first = setup("['-O2', '-DFROM_CROSS=1']");
        assertEquals(layout.setupJson(), first.file());
        assertEquals(new CompileResult(2, 2, 0), compiler.compile(new CompileRequest(layout, first, List.of(target),
                List.of(layout.include()), Optional.empty(), 2)));
        assertTrue(Files.readString(layout.compileCommands()).contains("\"-DFROM_CROSS=1\""));
        assertEquals(new CompileResult(2, 0, 2), compiler.compile(new CompileRequest(layout, setup("['-O2', '-DFROM_CROSS=1']"),
                List.of(target), List.of(layout.include()), Optional.empty(), 2)));

        SetupState changed = setup("['-O1', '-DFROM_CROSS=1']");
        listener.clear();
        assertEquals(new CompileResult(2, 2, 0), compiler.compile(new CompileRequest(layout, changed, List.of(target),
                List.of(layout.include()), Optional.empty(), 2)));
        assertEquals(List.of("src/main/c/a.c", "src/main/c/b.c"), listener.compiled());
    }
}
