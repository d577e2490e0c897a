package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.OptionOverride;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.DevArtifact;
import dev.crossbuild.nativebuild.LinkedOutput;
import dev.crossbuild.nativebuild.NativeDependency;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.OutputNames;
import dev.crossbuild.nativebuild.ResolvedDevArtifact;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import dev.crossbuild.nativebuild.TargetNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossSetupTest {

    @TempDir
    Path dir;

    private CrossSetup setup() {
        return new CrossSetup(HostEnvironment.of(
                Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir));
    }

    private SetupRequest request(List<String> crossFiles, Optional<String> classifier) {
        return new SetupRequest(crossFiles, List.of(), List.of(dir), dir.resolve("target/cross"), classifier, Optional.of(dir),
                ToolchainRequest.none());
    }

    @Test
    void writesSetupJsonUnderTheHostClassifier() throws Exception {
        SetupResult result = setup().run(request(List.of("linux-arm64.ini"), Optional.empty()));

        assertEquals("linux-aarch_64", result.classifier());
        assertEquals(dir.resolve("target/cross/linux-aarch_64/setup.json"), result.setupJson());
        String json = Files.readString(result.setupJson());
        assertTrue(json.contains("\"cpu_family\": \"aarch64\""), json);
        assertTrue(json.endsWith("}\n"), json);
        try (Stream<Path> files = Files.list(result.outputDirectory())) {
            assertEquals(List.of("setup.json"), files.map(f -> f.getFileName().toString()).toList(), "no temporary files left");
        }
    }

    @Test
    void summaryNamesEachMachineAndHowHostBinariesRun() throws Exception {
        SetupResult result = setup().run(request(List.of("linux-arm64.ini"), Optional.empty()));

        List<String> summary = result.summary();
        assertEquals("build  machine: linux/x86_64 (x86_64, little)", summary.get(0));
        assertTrue(summary.get(1).startsWith("host   machine: linux/aarch64 ("), summary.get(1));
        assertTrue(summary.get(3).startsWith("cross build: yes, host binaries: run through exe_wrapper qemu-aarch64"), summary.get(3));
        assertEquals("classifier: linux-aarch_64, cross files: preset:linux-arm64.ini", summary.get(4));
        assertEquals("options: buildtype debugoptimized (default): optimization 2, debug true", summary.get(5));
        assertEquals("toolchain: not checked (no C or C++ sources and no compiler checks)", summary.get(6));
        assertEquals("recorded in " + result.setupJson(), summary.get(7));
    }

    @Test
    void projectPropertiesDescribeTheHost() throws Exception {
        Files.writeString(dir.resolve("arm.ini"), """
                [properties]
                libdirs = ['/a', '/b']
                flag = true
                [host_machine]
                system = 'linux'
                cpu_family = 'arm'
                cpu = 'armv7'
                endian = 'little'
                """);

        Map<String, String> properties = setup().run(request(List.of("arm.ini"), Optional.of("armv7-custom"))).projectProperties();

        assertEquals("linux", properties.get("cross.host.system"));
        assertEquals("arm", properties.get("cross.host.cpuFamily"));
        assertEquals("armv7", properties.get("cross.host.cpu"));
        assertEquals("little", properties.get("cross.host.endian"));
        assertEquals("armv7-custom", properties.get("cross.classifier"));
        assertEquals("true", properties.get("cross.isCrossBuild"));
        assertEquals("false", properties.get("cross.canRunHostBinaries"));
        assertEquals("/a,/b", properties.get("cross.property.libdirs"));
        assertEquals("true", properties.get("cross.property.flag"));
    }

    @Test
    void nativeBuildWithoutCrossFiles() throws Exception {
        SetupResult result = setup().run(request(List.of(), Optional.empty()));

        assertEquals("linux-x86_64", result.classifier());
        assertTrue(result.summary().get(3).equals("cross build: no, host binaries: run natively"), result.summary().get(3));
        assertTrue(result.summary().get(4).endsWith("cross files: none (native build)"), result.summary().get(4));
    }

    @Test
    void aBrokenFileWritesNothing() throws IOException {
        Files.writeString(dir.resolve("broken.ini"), "[binaries]\nc = 'gcc\n");

        assertThrows(CrossFileException.class, () -> setup().run(request(List.of("broken.ini"), Optional.empty())));

        assertTrue(Files.notExists(dir.resolve("target")));
    }

    @Test
    void theOptionsOfTheCrossFileAndThePomAreResolvedIntoSetupJsonWithTheirOrigins() throws Exception {
        Files.writeString(dir.resolve("release.ini"), "[built-in options]\nbuildtype = 'release'\nb_lundef = false\n"
                + "default_library = 'static'\n");
        SetupRequest request = new SetupRequest(List.of("linux-arm64.ini", "release.ini"), List.of(), List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir), ToolchainRequest.none(), SysrootSettings.defaults(),
                List.of(OptionOverride.of("warning_level", "3", "<warningLevel>")), List.of());

        SetupResult result = setup().run(request);

        assertEquals("options: buildtype release (" + dir.resolve("release.ini") + ":2): optimization 3, debug false; "
                + "warning_level=3 (<warningLevel>), b_lundef=false (" + dir.resolve("release.ini") + ":3)",
                result.summary().get(5));
        assertTrue(result.environment().warnings().stream().anyMatch(w -> w.toString().equals(dir.resolve("release.ini")
                + ":4: [built-in options] default_library is ignored: cross does not apply the Meson option "
                + "default_library (it applies b_asneeded, b_lto, b_lundef, b_ndebug, b_pie, b_staticpic, "
                + "buildtype, c_args, "
                + "c_link_args, c_std, c_winlibs, cpp_args, cpp_debugstl, cpp_eh, cpp_link_args, cpp_rtti, cpp_std, "
                + "cpp_winlibs, debug, optimization, "
                + "pkg_config_path, warning_level, werror)")), result.environment().warnings().toString());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(result.setupJson()));
        @SuppressWarnings("unchecked") // a JSON object
        Map<String, Object> options = (Map<String, Object>) json.get("options");
        assertEquals("release", options.get("buildtype"));
        assertEquals("3", options.get("optimization"));
        assertEquals("3", options.get("warning_level"));
        assertEquals(false, options.get("b_lundef"));
        @SuppressWarnings("unchecked") // a JSON object
        Map<String, Object> origins = (Map<String, Object>) json.get("option_origins");
        assertEquals("<warningLevel>", origins.get("warning_level"));
        assertEquals("default", origins.get("werror"));
    }

    @Test
    void aNameClashFailsSetupBeforeAnythingIsWritten() {
        SetupRequest request = new SetupRequest(List.of("linux-arm64.ini"), List.of(), List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir), ToolchainRequest.none(),
                SysrootSettings.defaults(), List.of(),
                List.of(NativeTarget.builder("tool", TargetKind.EXECUTABLE).build(),
                        NativeTarget.builder("tool", TargetKind.EXECUTABLE).build()));

        TargetNameException e = assertThrows(TargetNameException.class, () -> setup().run(request));

        assertTrue(e.getMessage().startsWith("Two <executable>s are named 'tool'"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("target")));
    }

    @Test
    void unpacksTheNativeDependenciesUnderDepsAndRecordsThemInSetupJson() throws Exception {
        Machine arm64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);
        BuildLayout producer = new BuildLayout(dir.resolve("codec/target/cross/linux-aarch_64"));
        NativeTarget codec = NativeTarget.builder("codec", TargetKind.SHARED_LIBRARY).build();
        Path library = OutputNames.path(producer, arm64, codec);
        Files.createDirectories(library.getParent());
        Files.writeString(library, "not really an ELF file");
        Path zip = dir.resolve("codec-1.0-linux-aarch_64-dev.zip");
        DevArtifact.write(zip, new DevArtifact.Request("com.example:codec:1.0", "1.0", "linux-aarch_64",
                Optional.empty(), producer, arm64, List.of(new LinkedOutput(codec, library, Optional.empty(), Map.of(),
                        "libcodec.so"))));

        SetupResult result = setup().run(request(List.of("linux-arm64.ini"), Optional.empty()).withNativeDependencies(
                List.of(new ResolvedDevArtifact("com.example:codec:1.0", "codec", zip, "the local repository"))));

        Path deps = result.outputDirectory().resolve("deps/codec");
        assertTrue(Files.isRegularFile(deps.resolve("lib/libcodec.so")));
        assertTrue(Files.isRegularFile(deps.resolve("lib/pkgconfig/codec.pc")));
        assertEquals(List.of(deps), result.nativeDependencies().stream().map(NativeDependency::folder).toList());
        assertTrue(result.summary().contains("native dependency: com.example:codec:1.0 from the local repository in "
                + "deps/codec/ (codec shared)"), result.summary().toString());
        Map<String, Object> json = JsonReader.parseObject(Files.readString(result.setupJson()));
        List<?> recorded = (List<?>) json.get(SetupState.NATIVE_DEPENDENCIES);
        assertEquals(1, recorded.size());
        @SuppressWarnings("unchecked") // a JSON object, as JsonReader reads one
        Map<String, Object> first = (Map<String, Object>) recorded.get(0);
        assertEquals(result.nativeDependencies().get(0), NativeDependency.fromJson(first));
    }

    @Test
    void aStandardLibraryThatIsNoHostLibraryOfTheModuleFailsSetupAtItsLine() throws Exception {
        Files.writeString(dir.resolve("bare.ini"), "[binaries]\nc = 'arm-none-eabi-gcc'\n[properties]\n"
                + "c_stdlib = ['tinyc', 'tinyc_dep']\n[host_machine]\nsystem = 'none'\ncpu_family = 'arm'\n"
                + "cpu = 'arm7tdmi'\nendian = 'little'\n");
        List<NativeTarget> targets = List.of(NativeTarget.builder("tinyc", TargetKind.STATIC_LIBRARY)
                .machine(dev.crossbuild.machine.MachineRole.BUILD).build(),
                NativeTarget.builder("greet", TargetKind.STATIC_LIBRARY).build(),
                NativeTarget.builder("hello", TargetKind.EXECUTABLE).build());
        SetupRequest request = new SetupRequest(List.of("bare.ini"), List.of(), List.of(dir), dir.resolve("target/cross"),
                Optional.empty(), Optional.of(dir), ToolchainRequest.none(), SysrootSettings.defaults(), List.of(),
                targets);

        CrossFileException e = assertThrows(CrossFileException.class, () -> setup().run(request));

        assertEquals(dir.resolve("bare.ini") + ":4: [properties] c_stdlib names 'tinyc' as the host machine's C "
                + "standard library, "
                + "but that <library> is built for the build machine (<machine>build</machine>); cross "
                + "builds the custom standard library as one of the module's host <libraries> (Meson's subproject): "
                + "declare it, or correct the name", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("target")));

        SetupRequest unknown = new SetupRequest(List.of("bare.ini"), List.of(), List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir), ToolchainRequest.none(),
                SysrootSettings.defaults(), List.of(), targets.subList(1, 3));
        assertTrue(assertThrows(CrossFileException.class, () -> setup().run(unknown)).getMessage().contains(
                "but the module has no such <library> (its libraries: greet)"));

        SetupResult fine = setup().run(new SetupRequest(List.of("bare.ini"), List.of(), List.of(dir),
                dir.resolve("target/cross"), Optional.empty(), Optional.of(dir), ToolchainRequest.none(),
                SysrootSettings.defaults(), List.of(), List.of(NativeTarget.builder("tinyc", TargetKind.STATIC_LIBRARY)
                        .build())));
        assertEquals("none-arm_32", fine.classifier());
    }
}
