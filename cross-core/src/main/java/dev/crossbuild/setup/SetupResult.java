package dev.crossbuild.setup;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Value;
import dev.crossbuild.nativebuild.NativeDependency;
import dev.crossbuild.sysroot.Sysroot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The resolved machines and files of one build, the classifier its outputs go under, where it was written, the
 * host toolchain when the module needs one (empty for a module without C/C++), the private sysroot when packages
 * were named (its layer is the last of the environment's machine files), the built-in options the host's
 * targets are built with, and the native dependencies unpacked under {@code deps/}.
 */
public record SetupResult(CrossEnvironment environment, String classifier, Path outputDirectory, Path setupJson,
                          Optional<ToolchainReport> toolchain, Optional<Sysroot> sysroot, BuiltInOptions options,
                          List<NativeDependency> nativeDependencies) {

    public SetupResult {
        nativeDependencies = List.copyOf(nativeDependencies);
    }

    /** A result without native dependencies. */
    public SetupResult(CrossEnvironment environment, String classifier, Path outputDirectory, Path setupJson,
                       Optional<ToolchainReport> toolchain, Optional<Sysroot> sysroot, BuiltInOptions options) {
        this(environment, classifier, outputDirectory, setupJson, toolchain, sysroot, options, List.of());
    }

    /** {@code <outputDirectory>/include}: holds {@code cross_config.h}; compile adds it to the include path. */
    public Path includeDirectory() {
        return outputDirectory.resolve("include");
    }

    /** The short block a build logs: one line per machine, how host binaries run, the classifier and files. */
    public List<String> summary() {
        var machines = environment.machines();
        String files = environment.crossFiles().isEmpty()
                ? "none (native build)"
                : environment.crossFiles().stream().map(MachineFileSource::name).collect(Collectors.joining(", "));
        List<String> lines = new ArrayList<>(List.of(
                "build  machine: " + machines.build(),
                "host   machine: " + machines.host(),
                "target machine: " + machines.target(),
                "cross build: " + (environment.isCrossBuild() ? "yes" : "no") + ", host binaries: " + howHostBinariesRun(),
                "classifier: " + classifier + ", cross files: " + files,
                "options: " + options.describe()));
        sysroot.ifPresent(s -> lines.add("sysroot: " + s.root() + " (" + s.architecture() + ": " + String.join(", ",
                s.packages().stream().map(Object::toString).toList()) + ")"));
        for (NativeDependency dependency : nativeDependencies) {
            lines.add("native dependency: " + dependency.coordinates() + " from " + dependency.origin() + " in "
                    + outputDirectory.relativize(dependency.folder()).toString().replace('\\', '/') + "/ ("
                    + dependency.libraries().stream().map(l -> l.name() + (l.shared() ? " shared" : " static"))
                            .collect(Collectors.joining(", ")) + (dependency.headers() ? ", headers" : "") + ")");
        }
        toolchain.ifPresentOrElse(t -> lines.addAll(t.summary()),
                () -> lines.add("toolchain: not checked (no C or C++ sources and no compiler checks)"));
        lines.add("recorded in " + setupJson); // written only when it changed: a no-op build writes nothing
        return lines;
    }

    /**
     * The build properties a Maven project gets: {@code cross.host.system}, {@code cross.host.cpuFamily},
     * {@code cross.host.cpu}, {@code cross.host.endian}, {@code cross.classifier}, {@code cross.isCrossBuild},
     * {@code cross.canRunHostBinaries} and {@code cross.property.<key>} per {@code [properties]} entry (arrays
     * joined with commas).
     */
    public Map<String, String> projectProperties() {
        var host = environment.machines().host();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cross.host.system", host.system());
        properties.put("cross.host.cpuFamily", host.cpuFamily());
        properties.put("cross.host.cpu", host.cpu());
        properties.put("cross.host.endian", host.endian().mesonName());
        properties.put("cross.classifier", classifier);
        properties.put("cross.isCrossBuild", Boolean.toString(environment.isCrossBuild()));
        properties.put("cross.canRunHostBinaries", Boolean.toString(environment.canRunHostBinaries()));
        environment.host().properties().forEach((key, value) -> properties.put("cross.property." + key, plain(value)));
        toolchain.flatMap(ToolchainReport::checks).ifPresent(checks -> properties.putAll(checks.projectProperties()));
        return properties;
    }

    private static String plain(Value value) {
        if (value instanceof Value.Array array) {
            return array.elements().stream().map(SetupResult::plain).collect(Collectors.joining(","));
        }
        return value.mesonRepr();
    }

    private String howHostBinariesRun() {
        if (!environment.needsExeWrapper()) {
            return "run natively";
        }
        return environment.host().binaries().exeWrapper()
                .map(argv -> "run through exe_wrapper " + String.join(" ", argv))
                .orElse("cannot run here (no exe_wrapper in the cross file)");
    }
}
