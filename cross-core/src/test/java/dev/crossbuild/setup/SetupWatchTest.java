package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the setup goal's stamp watches, from a real setup: the cross file where it was found and each place searched
 * before it, the classifier's folder without what later goals write there, the source folders' names, PATH's folders;
 * and nothing at all for a setup that a stamp cannot watch.
 */
class SetupWatchTest {

    @TempDir
    Path dir;

    private HostEnvironment environment() {
        return HostEnvironment.of(Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString(),
                        "PATH", "/usr/local/bin:/usr/bin"),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir);
    }

    @Test
    void aCrossFileOfTheModuleAndEveryPlaceSearchedBeforeItAreWatched() throws Exception {
        Path module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("arm64.ini"), """
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'cortex-a72'
                endian = 'little'
                """);
        Path sources = Files.createDirectories(module.resolve("src/main/c"));
        NativeTarget library = NativeTarget.of("calc", TargetKind.SHARED_LIBRARY, List.of(sources));
        Path root = Files.createDirectories(dir.resolve("root"));
        SetupRequest request = new SetupRequest(List.of("arm64.ini"), List.of(), List.of(root, module),
                module.resolve("target/cross"), Optional.empty(), Optional.of(module), ToolchainRequest.none(),
                SysrootSettings.defaults(), List.of(), List.of(library));
        SetupResult result = new CrossSetup(environment()).run(request);

        GoalStamp.Watch watch = SetupWatch.of(request, result, List.of(module.resolve("src/test/c")), environment())
                .orElseThrow();

        // The build root was searched first: a file put there would be read instead, so its absence is watched.
        int atRoot = watch.paths().indexOf(root.resolve("arm64.ini"));
        int inModule = watch.paths().indexOf(module.resolve("arm64.ini"));
        assertTrue(atRoot >= 0 && inModule > atRoot, watch.paths().toString());
        assertTrue(watch.paths().containsAll(List.of(Path.of("/usr/local/bin"), Path.of("/usr/bin"),
                dir.resolve(".distcc/hosts"))), watch.paths().toString());
        assertEquals(List.of(result.outputDirectory()), watch.trees());
        assertTrue(watch.excluded().containsAll(List.of(result.outputDirectory().resolve("obj"),
                result.outputDirectory().resolve(".lock"), result.outputDirectory().resolve("compile-state.json"),
                result.outputDirectory().resolve("generate-state.json"))));
        assertEquals(List.of(module.resolve("src/test/c"), sources), watch.listings());
    }

    @Test
    void privateSysrootPackagesAreNotWatched() throws Exception {
        Path module = Files.createDirectories(dir.resolve("module"));
        Files.writeString(module.resolve("arm64.ini"), "[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\n"
                + "cpu = 'aarch64'\nendian = 'little'\n");
        SetupRequest plain = new SetupRequest(List.of("arm64.ini"), List.of(), List.of(module),
                module.resolve("target/cross"), Optional.empty(), Optional.of(module), ToolchainRequest.none());
        SetupResult result = new CrossSetup(environment()).run(plain);
        SetupRequest withPackages = new SetupRequest(List.of("arm64.ini"), List.of(), List.of(module),
                module.resolve("target/cross"), Optional.empty(), Optional.of(module), ToolchainRequest.none(),
                new SysrootSettings(List.of("libssl-dev"), Optional.empty(), true, false,
                        SysrootSettings.defaults().lockTimeout(), line -> { }), List.of(), List.of());

        assertTrue(SetupWatch.of(plain, result, List.of(), environment()).isPresent());
        assertEquals(Optional.empty(), SetupWatch.of(withPackages, result, List.of(), environment()));
    }
}
