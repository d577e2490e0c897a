package dev.crossbuild.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileKind;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.BuildMachineDetector;
import dev.crossbuild.machine.MachineRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Detection and the doctor against the toolchains really installed on this machine (CI installs them with
 * {@code scripts/install-toolchains.sh}): every bundled preset is detected and diagnosed ready, and clang is
 * detected as a cross compiler.
 */
class RealToolchainsTest {

    private static final HostEnvironment HOST = HostEnvironment.system();

    @TempDir
    Path tmp;

    /**
     * The glibc presets of Debian's gcc cross toolchains, C and C++ (the musl ones and the clang one are tested on their
     * own below).
     */
    static Stream<String> presets() {
        return CrossFileLocator.presetNames().stream()
                .filter(name -> !name.contains("-musl") && !name.contains("-clang"));
    }

    /** The bundled preset itself, not a file of that name in a Meson data directory of this user. */
    private MachineFileSource preset(String name) throws CrossFileException {
        HostEnvironment isolated = HostEnvironment.of(Map.of("XDG_DATA_HOME", tmp.resolve("xdg").toString(),
                "XDG_DATA_DIRS", tmp.resolve("xdg-dirs").toString()), Map.of("os.name", "Linux"), tmp);
        return new CrossFileLocator(isolated).locate(name, MachineFileKind.CROSS, List.of());
    }

    private static CrossEnvironment load(MachineFileSource source) throws CrossFileException {
        return CrossEnvironment.load(List.of(source), List.of(), BuildMachineDetector.detect(HOST),
                MachineFileContext.none());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyBundledPresetIsDetectedAndConfirmed(String name) throws CrossFileException {
        CrossEnvironment environment = load(preset(name));
        Detection detection = new ToolchainDetector(ProcessRunner.system(), HOST)
                .detect(environment, MachineRole.HOST, Set.of(Language.C, Language.CPP));

        Toolchain toolchain = detection.toolchain().orElseThrow(() -> new AssertionError(detection.findings()));
        String triplet = Aliases.gnuTriplet(environment.machines().host()).orElseThrow();
        for (Language language : Language.values()) {
            Compiler compiler = toolchain.compiler(language).orElseThrow(() -> new AssertionError(language + ": "
                    + detection.findings()));
            assertEquals("gcc", compiler.id().id());
            assertEquals(triplet, compiler.id().targetTriple());
            assertTrue(compiler.tool().origin().startsWith("preset:" + name + ":"), compiler.tool().origin());
        }
        assertTrue(toolchain.ar().orElseThrow().program().endsWith("/" + triplet + "-ar"), toolchain.ar().toString());
        assertTrue(toolchain.strip().orElseThrow().program().endsWith("/" + triplet + "-strip"));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyBundledPresetIsReady(String name) throws CrossFileException {
        Diagnosis diagnosis = new Doctor(ProcessRunner.system(), HOST)
                .diagnose(load(preset(name)), DoctorRequest.defaults());

        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
        assertEquals(List.of(), diagnosis.findings().stream().filter(f -> !f.isOk()).toList());
    }

    @Test
    void theMuslPresetsAreDetectedAsCCompilersForTheirMachines() throws CrossFileException {
        Detection x64 = new ToolchainDetector(ProcessRunner.system(), HOST)
                .detect(load(preset("linux-x64-musl.ini")), MachineRole.HOST, Set.of(Language.C));
        Compiler muslGcc = x64.toolchain().orElseThrow(() -> new AssertionError(x64.findings()))
                .compiler(Language.C).orElseThrow();
        assertEquals("gcc", muslGcc.id().id(), "musl-gcc runs the build machine's gcc with musl's specs");
        assertTrue(muslGcc.argv().get(muslGcc.argv().size() - 1).endsWith("/musl-gcc"), muslGcc.argv().toString());
        Diagnosis ready = new Doctor(ProcessRunner.system(), HOST).diagnose(load(preset("linux-x64-musl.ini")),
                new DoctorRequest(Set.of(Language.C), true, Set.of()));
        assertTrue(ready.ready(), String.join("\n", ready.render()));

        // The arm64 preset's C library comes from its private sysroot (the IT test-linux-musl fetches it); without
        // it the compiler is still found and confirmed for the machine.
        Detection arm64 = new ToolchainDetector(ProcessRunner.system(), HOST)
                .detect(load(preset("linux-arm64-musl.ini")), MachineRole.HOST, Set.of(Language.C));
        Compiler clang = arm64.toolchain().orElseThrow(() -> new AssertionError(arm64.findings()))
                .compiler(Language.C).orElseThrow();
        assertEquals("clang", clang.id().id());
        assertEquals("aarch64-unknown-linux-musl", clang.id().targetTriple());
    }

    @Test
    void theClangPresetIsDetectedAsClangForDebiansArm64TripletAndReady() throws CrossFileException {
        CrossEnvironment environment = load(preset("linux-arm64-clang.ini"));
        Detection detection = new ToolchainDetector(ProcessRunner.system(), HOST)
                .detect(environment, MachineRole.HOST, Set.of(Language.C, Language.CPP));

        Toolchain toolchain = detection.toolchain().orElseThrow(() -> new AssertionError(detection.findings()));
        for (Language language : Language.values()) {
            Compiler compiler = toolchain.compiler(language).orElseThrow(() -> new AssertionError(language + ": "
                    + detection.findings()));
            assertEquals("clang", compiler.id().id());
            assertEquals("aarch64-unknown-linux-gnu", compiler.id().targetTriple());
        }
        assertTrue(toolchain.ar().orElseThrow().program().endsWith("/llvm-ar"), toolchain.ar().toString());
        Diagnosis diagnosis = new Doctor(ProcessRunner.system(), HOST).diagnose(environment, DoctorRequest.defaults(),
                detection);
        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
        assertEquals(List.of(), diagnosis.findings().stream().filter(f -> !f.isOk()).toList());
    }

    @Test
    void aNativeBuildUsesTheBuildMachinesCompilerAndIsReady() throws CrossFileException {
        CrossEnvironment environment = CrossEnvironment.load(List.of(), List.of(), BuildMachineDetector.detect(HOST),
                MachineFileContext.none());
        Diagnosis diagnosis = new Doctor(ProcessRunner.system(), HOST).diagnose(environment, DoctorRequest.defaults());

        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
    }

    @Test
    void clangGivenATargetIsDetectedAsACrossCompilerWithLlvmTools() throws CrossFileException {
        CrossEnvironment environment = load(MachineFileSource.of("clang-arm64.ini", ("[binaries]\n"
                + "c = ['clang', '--target=aarch64-linux-gnu']\n"
                + "cpp = ['clang++', '--target=aarch64-linux-gnu']\n"
                + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']\n"
                + "[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\ncpu = 'aarch64'\nendian = 'little'\n")
                .getBytes(StandardCharsets.UTF_8)));
        Detection detection = new ToolchainDetector(ProcessRunner.system(), HOST)
                .detect(environment, MachineRole.HOST, Set.of(Language.C, Language.CPP));

        Compiler c = detection.toolchain().orElseThrow().compiler(Language.C).orElseThrow();
        assertEquals("clang", c.id().id());
        assertEquals("aarch64-unknown-linux-gnu", c.id().targetTriple());
        assertEquals(List.of("--target=aarch64-linux-gnu"), c.argv().subList(1, c.argv().size()));
        assertEquals("clang-arm64.ini:2 [binaries] c", c.tool().origin());
        assertTrue(detection.toolchain().get().ar().orElseThrow().program().contains("llvm-ar"));
        assertTrue(detection.toolchain().get().strip().orElseThrow().program().contains("llvm-strip"));

        Diagnosis diagnosis = new Doctor(ProcessRunner.system(), HOST)
                .diagnose(environment, DoctorRequest.defaults(), detection);
        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
    }
}
