package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Detection;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.Doctor;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import dev.crossbuild.toolchain.ToolchainDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The host toolchain as detected, the build machine's when the module has build-machine tools, and one diagnosis of
 * both (the host's findings, then the build machine's, ids {@code build.*}): what setup resolves or reads back from
 * its cache, and what the doctor prints. {@code toolchain} has no compiler when none was found.
 */
record DiagnosedToolchain(Toolchain toolchain, Diagnosis diagnosis, Optional<Toolchain> buildToolchain) {

    /** Detects and diagnoses; {@code buildLanguages} empty: the build machine's toolchain is not looked at. */
    static DiagnosedToolchain detect(CrossEnvironment environment, DoctorRequest request, Set<Language> buildLanguages,
                                     ProcessRunner runner, HostEnvironment host) {
        ToolchainDetector detector = new ToolchainDetector(runner, host);
        Detection detection = detector.detect(environment, MachineRole.HOST, request.languages());
        Diagnosis diagnosis = new Doctor(runner, host).diagnose(environment, request, detection);
        Toolchain toolchain = detection.toolchain().orElseGet(() -> new Toolchain(MachineRole.HOST,
                environment.machines().host(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        if (buildLanguages.isEmpty()) {
            return new DiagnosedToolchain(toolchain, diagnosis, Optional.empty());
        }
        BuildMachineToolchain build = BuildMachineToolchain.resolve(environment, toolchain, buildLanguages, detector);
        List<Finding> findings = new ArrayList<>(diagnosis.findings());
        findings.addAll(build.findings());
        return new DiagnosedToolchain(toolchain, new Diagnosis(findings), build.toolchain());
    }
}
