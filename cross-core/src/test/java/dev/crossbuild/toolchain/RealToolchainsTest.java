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
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Detection and the doctor against the toolchains really installed on this machine (CI installs them with
 * scripts/install-toolchains.sh): every bundled preset must be ready, and clang must be detected as a cross compiler.
 */
class RealToolchainsTest {

    private static final HostEnvironment HOST = HostEnvironment.system();

    static Stream<String> presets() {
        return CrossFileLocator.presetNames().stream();
    }

    private static CrossEnvironment load(MachineFileSource source) throws CrossFileException {
        return CrossEnvironment.load(List.of(source), List.of(), BuildMachineDetector.detect(HOST),
                MachineFileContext.none());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyBundledPresetIsReady(String preset) throws CrossFileException {
        CrossEnvironment environment =
                load(new CrossFileLocator(HOST).locate(preset, MachineFileKind.CROSS, List.of()));
        Diagnosis diagnosis = new Doctor(ProcessRunner.system(), HOST).diagnose(environment, DoctorRequest.defaults());
        System.out.println(preset + ":\n  " + String.join("\n  ", diagnosis.render()));
        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
    }
}
