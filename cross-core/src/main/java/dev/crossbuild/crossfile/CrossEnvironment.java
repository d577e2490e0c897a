package dev.crossbuild.crossfile;

import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.CanRun;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.Machines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Meson's {@code Environment} knows after reading the machine files: the three machines, the configuration
 * of the host and build machines, and whether host binaries can run here. Cross files and native files are
 * merged and evaluated separately (constants do not cross between them). The build machine is always the
 * detected one; {@code [build_machine]} is ignored with a warning, as Meson ignores it silently.
 */
public final class CrossEnvironment {

    private static final String NEEDS_EXE_WRAPPER = "needs_exe_wrapper";

    private final Machines machines;
    private final MachineConfig host;
    private final MachineConfig build;
    private final List<MachineFileSource> crossFiles;
    private final List<MachineFileSource> nativeFiles;
    private final List<CrossFileWarning> warnings;

    private CrossEnvironment(Machines machines, MachineConfig host, MachineConfig build,
            List<MachineFileSource> crossFiles, List<MachineFileSource> nativeFiles, List<CrossFileWarning> warnings) {
        this.machines = machines;
        this.host = host;
        this.build = build;
        this.crossFiles = List.copyOf(crossFiles);
        this.nativeFiles = List.copyOf(nativeFiles);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads the machine files. A cross build is one with at least one cross file, whatever it contains (Meson's
     * {@code meson.is_cross_build()}); then native files describe only the build machine.
     *
     * @throws CrossFileException for the first file, syntax or meaning problem found
     */
    public static CrossEnvironment load(List<MachineFileSource> crossFiles, List<MachineFileSource> nativeFiles,
            Machine buildMachine, MachineFileContext context) throws CrossFileException {
        Objects.requireNonNull(buildMachine, "buildMachine");
        boolean crossBuild = !crossFiles.isEmpty();
        MachineFile crossMerged = crossBuild ? MachineFile.parse(crossFiles, context) : MachineFile.empty();
        MachineFile nativeMerged =
                nativeFiles.isEmpty() ? MachineFile.empty() : MachineFile.parse(nativeFiles, context);
        List<CrossFileWarning> warnings = new ArrayList<>();

        SectionNames.check(crossMerged, MachineFileKind.CROSS, buildMachine, warnings);
        Optional<Machine> hostMachine = machine(crossMerged, SectionNames.HOST_MACHINE, warnings);
        Optional<Machine> targetMachine = machine(crossMerged, SectionNames.TARGET_MACHINE, warnings);
        MachineConfigReader.Result crossConfig =
                MachineConfigReader.read(crossMerged, MachineFileKind.CROSS, crossBuild, warnings);

        SectionNames.check(nativeMerged, MachineFileKind.NATIVE, buildMachine, warnings);
        MachineConfigReader.Result nativeConfig =
                MachineConfigReader.read(nativeMerged, MachineFileKind.NATIVE, crossBuild, warnings);

        if (!crossBuild) {
            MachineConfig only = nativeConfig.config();
            return new CrossEnvironment(Machines.nativeBuild(buildMachine), only, only, crossFiles, nativeFiles,
                    warnings);
        }
        Machine host = hostMachine.orElse(buildMachine);
        Machines machines = new Machines(buildMachine, host, targetMachine.orElse(host), true);
        // Deprecated build.* options of cross files are read after the native files, so they win (as in Meson).
        MachineConfig fromNative = nativeConfig.config();
        Map<String, Value> buildOptions = new LinkedHashMap<>(fromNative.builtInOptions());
        buildOptions.putAll(crossConfig.buildOptions());
        Map<String, String> buildLocations = new LinkedHashMap<>(fromNative.builtInOptionLocations());
        buildLocations.putAll(crossConfig.buildOptionLocations());
        MachineConfig build = new MachineConfig(fromNative.binaries(), fromNative.properties(), buildOptions,
                fromNative.projectOptions(), fromNative.cmake(), buildLocations);
        return new CrossEnvironment(machines, crossConfig.config(), build, crossFiles, nativeFiles, warnings);
    }

    private static Optional<Machine> machine(MachineFile file, String section, List<CrossFileWarning> warnings)
            throws CrossFileException {
        Optional<Section> found = file.section(section);
        return found.isPresent() ? Optional.of(MachineSectionReader.read(found.get(), warnings)) : Optional.empty();
    }

    public Machines machines() {
        return machines;
    }

    /** The host machine's programs, properties and options: from the cross files, or native files in a native build. */
    public MachineConfig host() {
        return host;
    }

    /** The build machine's programs, properties and options: from the native files (the same as host() in a native build). */
    public MachineConfig build() {
        return build;
    }

    public List<MachineFileSource> crossFiles() {
        return crossFiles;
    }

    public List<MachineFileSource> nativeFiles() {
        return nativeFiles;
    }

    /**
     * Everything that works but is probably not what was meant, in file order (cross files first), each file's
     * followed by the options cross does not apply (an option of a subproject, {@code prefix}, a project option).
     */
    public List<CrossFileWarning> warnings() {
        return warnings;
    }

    /** Whether the host machine's C library is musl: {@code [properties] libc = 'musl'} ({@link CrossProperties}). */
    public boolean hostMusl() {
        return machines.host().system().equals("linux") && CrossProperties.musl(host.properties());
    }

    /**
     * The name of the host machine's outputs: {@link Aliases#classifier(Machine, boolean)}, {@code linux-aarch_64} or,
     * for a musl machine, {@code linux-aarch_64-musl}.
     */
    public String hostClassifier() {
        return Aliases.classifier(machines.host(), hostMusl());
    }

    /** Meson's {@code meson.is_cross_build()}: at least one cross file was given. */
    public boolean isCrossBuild() {
        return machines.crossBuild();
    }

    /**
     * Meson's {@code need_exe_wrapper()} (spec 4.7): the host's {@code needs_exe_wrapper} property when set
     * (even in a native build); else false in a native build; else whether the build machine cannot run host
     * binaries ({@link CanRun}).
     */
    public boolean needsExeWrapper() {
        Value stated = host.properties().get(NEEDS_EXE_WRAPPER);
        if (stated instanceof Value.Bool b) {
            return b.value();
        }
        return isCrossBuild() && !CanRun.canRun(machines.build(), machines.host());
    }

    /**
     * Meson's {@code meson.can_run_host_binaries()} (spec 4.9): false only in a cross build that needs a wrapper
     * and has no {@code exe_wrapper} entry. Like Meson, an entry naming a program that does not exist still counts.
     */
    public boolean canRunHostBinaries() {
        return !(isCrossBuild() && needsExeWrapper() && host.binaries().exeWrapper().isEmpty());
    }

    @Override
    public String toString() {
        return "CrossEnvironment[" + machines + ", cross files " + crossFiles.stream().map(MachineFileSource::name)
                .toList() + ", native files " + nativeFiles.stream().map(MachineFileSource::name).toList() + "]";
    }
}
