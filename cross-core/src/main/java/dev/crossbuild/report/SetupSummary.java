package dev.crossbuild.report;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Diagnosis;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code setup.json} says: the three machines, whether host binaries run here (and through which
 * {@code exe_wrapper}), the machine files in layered order, the host machine's effective {@code [properties]} (values
 * as Meson shows them), the confirmed toolchain, the doctor's diagnosis and the compiler checks. {@code toolchain},
 * {@code doctor} and {@code checks} are empty for a module whose setup needed no toolchain.
 */
public record SetupSummary(Machine build, Machine host, Machine target, boolean crossBuild, boolean canRunHostBinaries,
                           boolean needsExeWrapper, Optional<List<String>> exeWrapper, List<MachineFileLayer> crossFiles,
                           List<MachineFileLayer> nativeFiles, Map<String, String> properties, List<ToolSummary> toolchain,
                           Optional<Diagnosis> doctor, List<CheckRow> checks, List<String> warnings) {

    public SetupSummary {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(target, "target");
        exeWrapper = exeWrapper.map(List::copyOf);
        crossFiles = List.copyOf(crossFiles);
        nativeFiles = List.copyOf(nativeFiles);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        toolchain = List.copyOf(toolchain);
        Objects.requireNonNull(doctor, "doctor");
        checks = List.copyOf(checks);
        warnings = List.copyOf(warnings);
    }
}
