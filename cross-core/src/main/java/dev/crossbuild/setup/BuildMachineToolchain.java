package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Detection;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import dev.crossbuild.toolchain.ToolchainDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The build machine's toolchain, for the module's build-machine tools (Meson detects "compilers for the build
 * machine" the same way in a cross build): the native files' {@code [binaries]}, else the build machine's own
 * {@code cc}/{@code c++}, confirmed to compile for the build machine. In a native build the host toolchain already
 * is the build machine's, so it is reused when it has every language the tools need.
 *
 * <p>Its findings join the setup's diagnosis with ids {@code build.compiler.c} ... and subjects ending in
 * {@code for the build machine}, so a missing build compiler blocks setup with its remedy like a host one. Only the
 * compilers (and their launchers) can block: the tools are never stripped, and {@code ar} is only reported.
 */
record BuildMachineToolchain(Optional<Toolchain> toolchain, List<Finding> findings) {

    private static final String PREFIX = "build.";

    static BuildMachineToolchain resolve(CrossEnvironment environment, Toolchain host, Set<Language> languages,
                                         ToolchainDetector detector) {
        if (!environment.isCrossBuild() && host.compilers().keySet().containsAll(languages)) {
            Toolchain same = new Toolchain(MachineRole.BUILD, environment.machines().build(), host.compilers(),
                    host.ar(), host.ranlib(), host.strip(), host.objcopy(), host.ld());
            return new BuildMachineToolchain(Optional.of(same), List.of());
        }
        Detection detection = detector.detect(environment, MachineRole.BUILD, languages);
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : detection.findings()) {
            if (finding.id().startsWith("compiler.") || finding.id().startsWith("launcher.")) {
                findings.add(forBuildMachine(finding));
            } else if (finding.id().equals("tool.ar")) {
                findings.add(forBuildMachine(finding).notBlocking());
            }
        }
        boolean complete = detection.toolchain().map(t -> t.compilers().keySet().containsAll(languages)).orElse(false);
        return new BuildMachineToolchain(complete ? detection.toolchain() : Optional.empty(), findings);
    }

    private static Finding forBuildMachine(Finding finding) {
        return new Finding(PREFIX + finding.id(), finding.status(), finding.subject() + " for the build machine",
                finding.detail(), finding.remedy(), finding.blocking(), finding.causedBy().map(id -> PREFIX + id));
    }
}
