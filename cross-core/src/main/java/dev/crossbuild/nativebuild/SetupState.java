package dev.crossbuild.nativebuild;

import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.optionalString;
import static dev.crossbuild.json.JsonFields.string;
import static dev.crossbuild.json.JsonFields.strings;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonFields;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.CompilerLaunch;
import dev.crossbuild.toolchain.Toolchain;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the setup goal handed to the later goals in {@code setup.json}: the machines, the confirmed host toolchain,
 * the cross file's built-in options ({@code c_args}, {@code cpp_link_args} ...), properties and binaries, and
 * whether host binaries can run here; and, when the module has build-machine tools, the build machine's toolchain
 * and options ({@code build.compilers}, {@code build.tools}, {@code build.built_in_options} ...). Later goals read this
 * instead of detecting again, so they build with exactly the toolchains setup approved (launchers such as ccache or
 * distcc included). {@code remoteSlots} is how many compiles the compile farm setup found takes at once (0: none).
 * {@code options} are the resolved built-in options the host's targets are built with ({@code buildtype},
 * {@code b_lundef} ...: setup.json's {@code options}). {@code nativeDependencies} are the other modules' development
 * artifacts setup unpacked under {@code deps/} ({@code native_dependencies}). {@code sysroot} is the private sysroot
 * setup made of Debian packages, when it made one ({@code sysroot.path}).
 */
public record SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                         Map<String, Object> builtInOptions, Map<String, Object> properties,
                         Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper,
                         Optional<BuildMachineState> buildMachine, int remoteSlots, BuiltInOptions options,
                         List<NativeDependency> nativeDependencies, Optional<Path> sysroot) {

    /** The key of {@code setup.json} that lists the native dependencies setup unpacked. */
    public static final String NATIVE_DEPENDENCIES = "native_dependencies";

    public SetupState {
        Objects.requireNonNull(buildMachine, "buildMachine");
        if (remoteSlots < 0) {
            throw new IllegalArgumentException("remoteSlots " + remoteSlots);
        }
        Objects.requireNonNull(options, "options");
        nativeDependencies = List.copyOf(nativeDependencies);
        Objects.requireNonNull(sysroot, "sysroot");
    }

    /** A setup without a private sysroot. */
    public SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                      Map<String, Object> builtInOptions, Map<String, Object> properties,
                      Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper,
                      Optional<BuildMachineState> buildMachine, int remoteSlots, BuiltInOptions options,
                      List<NativeDependency> nativeDependencies) {
        this(file, classifier, build, host, toolchain, builtInOptions, properties, binaries, canRunHostBinaries,
                needsExeWrapper, buildMachine, remoteSlots, options, nativeDependencies, Optional.empty());
    }

    /** A setup without native dependencies. */
    public SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                      Map<String, Object> builtInOptions, Map<String, Object> properties,
                      Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper,
                      Optional<BuildMachineState> buildMachine, int remoteSlots, BuiltInOptions options) {
        this(file, classifier, build, host, toolchain, builtInOptions, properties, binaries, canRunHostBinaries,
                needsExeWrapper, buildMachine, remoteSlots, options, List.of());
    }

    /** A setup whose targets are built with the default options ({@link BuiltInOptions#defaults()}). */
    public SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                      Map<String, Object> builtInOptions, Map<String, Object> properties,
                      Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper,
                      Optional<BuildMachineState> buildMachine, int remoteSlots) {
        this(file, classifier, build, host, toolchain, builtInOptions, properties, binaries, canRunHostBinaries,
                needsExeWrapper, buildMachine, remoteSlots, BuiltInOptions.defaults());
    }

    /** This setup with other built-in options. */
    public SetupState withOptions(BuiltInOptions other) {
        return new SetupState(file, classifier, build, host, toolchain, builtInOptions, properties, binaries,
                canRunHostBinaries, needsExeWrapper, buildMachine, remoteSlots, other, nativeDependencies, sysroot);
    }

    /** This setup with other native dependencies. */
    public SetupState withNativeDependencies(List<NativeDependency> other) {
        return new SetupState(file, classifier, build, host, toolchain, builtInOptions, properties, binaries,
                canRunHostBinaries, needsExeWrapper, buildMachine, remoteSlots, options, other, sysroot);
    }

    /** A setup without a compile farm. */
    public SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                      Map<String, Object> builtInOptions, Map<String, Object> properties,
                      Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper,
                      Optional<BuildMachineState> buildMachine) {
        this(file, classifier, build, host, toolchain, builtInOptions, properties, binaries, canRunHostBinaries,
                needsExeWrapper, buildMachine, 0);
    }

    /** A setup without a build-machine toolchain (the module has no build-machine tools). */
    public SetupState(Path file, String classifier, Machine build, Machine host, Toolchain toolchain,
                      Map<String, Object> builtInOptions, Map<String, Object> properties,
                      Map<String, List<String>> binaries, boolean canRunHostBinaries, boolean needsExeWrapper) {
        this(file, classifier, build, host, toolchain, builtInOptions, properties, binaries, canRunHostBinaries,
                needsExeWrapper, Optional.empty());
    }

    /**
     * @throws SetupStateException when the file is missing (setup did not run), damaged, or records a toolchain the
     *     doctor did not approve
     */
    public static SetupState read(Path file) throws SetupStateException {
        Map<String, Object> json;
        try {
            json = JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new SetupStateException(file, "it does not exist: the setup goal has not run for this classifier; "
                    + "run the build from the initialize phase on (e.g. mvn package), or add cross:setup before this goal");
        } catch (IOException e) {
            throw new SetupStateException(file, "cannot read it: " + e.getMessage());
        } catch (JsonException e) {
            throw new SetupStateException(file, "it is damaged (" + e.getMessage() + "); run mvn clean, then build again");
        }
        try {
            Map<String, Object> hostJson = object(json, "host");
            Machine host = machine(hostJson);
            if (!hostJson.containsKey("compilers")) {
                throw new SetupStateException(file, "it records no toolchain: setup found no C or C++ sources or checks "
                        + "in this module; put sources in src/main/c or src/main/cpp, or configure <libraries>");
            }
            Object doctor = json.get("doctor");
            if (doctor instanceof Map<?, ?> d && Boolean.FALSE.equals(d.get("ready"))) {
                throw new SetupStateException(file, "the doctor found the toolchain not ready; run mvn cross:doctor");
            }
            Map<String, Object> buildJson = object(json, "build");
            Machine build = machine(buildJson);
            if (!json.containsKey("options")) {
                throw new SetupStateException(file, "it has no built-in options: an earlier version of cross wrote it; "
                        + "run the build from the initialize phase on (e.g. mvn package), so that setup writes it again");
            }
            return new SetupState(file, string(json, "classifier"), build, host,
                    ToolchainJson.read(hostJson, MachineRole.HOST, host), object(json, "built_in_options"),
                    object(json, "properties"), binaries(json, "binaries"), bool(json, "can_run_host_binaries"),
                    bool(json, "needs_exe_wrapper"), buildMachine(buildJson, build), remoteSlots(json),
                    options(json), nativeDependencies(json), sysroot(json));
        } catch (IllegalArgumentException e) {
            throw new SetupStateException(file, "it is damaged (" + e.getMessage() + "); run mvn clean, then build again");
        }
    }

    /** The build machine's toolchain, when setup recorded one (the module has build-machine tools). */
    public Optional<Toolchain> buildToolchain() {
        return buildMachine.map(BuildMachineState::toolchain);
    }

    /**
     * This setup as the build machine's tools see it: the build machine is their host, built with its toolchain and
     * the native files' options, properties and binaries; its binaries run here; its classifier is the build
     * machine's ({@code build-machine/outputs.json} says {@code linux-x86_64} beside a linux/x86_64 host block).
     * Empty when setup recorded no build-machine toolchain.
     */
    public Optional<SetupState> forBuildMachine() {
        return buildMachine.map(tools -> new SetupState(file, Aliases.classifier(build), build, build, tools.toolchain(),
                tools.builtInOptions(), tools.properties(), tools.binaries(), true, false, Optional.empty(), 0,
                tools.options()));
    }

    /** {@code sysroot.path}: empty when setup made no private sysroot. */
    private static Optional<Path> sysroot(Map<String, Object> json) {
        return json.get("sysroot") instanceof Map<?, ?> sysroot && sysroot.get("path") instanceof String path
                ? Optional.of(Path.of(path)) : Optional.empty();
    }

    /** {@code native_dependencies}: none when setup recorded none. */
    private static List<NativeDependency> nativeDependencies(Map<String, Object> json) {
        if (!json.containsKey(NATIVE_DEPENDENCIES)) {
            return List.of();
        }
        List<NativeDependency> dependencies = new ArrayList<>();
        for (Object dependency : JsonFields.array(json, NATIVE_DEPENDENCIES)) {
            dependencies.add(NativeDependency.fromJson(object(dependency, NATIVE_DEPENDENCIES)));
        }
        return dependencies;
    }

    /**
     * The folders of the native dependencies' {@code .pc} files, in the order the dependencies are listed: pkg-config
     * looks there first ({@code PKG_CONFIG_PATH}).
     */
    public List<Path> nativeDependencyPkgConfigFolders() {
        return nativeDependencies.stream().map(NativeDependency::pkgConfigFolder).toList();
    }

    /**
     * Whether a native dependency's {@code .pc} file describes a shared library the requirement {@code pkgConfig}
     * names ({@code codec}, or with a version constraint, {@code codec >= 1}).
     */
    public boolean providesSharedLibrary(String pkgConfig) {
        String name = DevPackages.moduleName(pkgConfig);
        return nativeDependencies.stream().flatMap(d -> d.libraries().stream())
                .anyMatch(library -> library.shared() && library.pkgConfig().equals(name));
    }

    /**
     * The files of the native dependencies' libraries that the pkg-config requirements name (with or without a
     * version constraint), import libraries included: what a link against them reads, so that a link whose
     * dependency was unpacked anew (another module's library changed) is made again.
     */
    public List<Path> nativeDependencyFiles(Collection<String> requirements) {
        Set<String> names = new HashSet<>();
        for (String requirement : requirements) {
            names.add(DevPackages.moduleName(requirement));
        }
        List<Path> files = new ArrayList<>();
        for (NativeDependency dependency : nativeDependencies) {
            for (DevLibrary library : dependency.libraries()) {
                if (names.contains(library.pkgConfig())) {
                    files.add(dependency.file(library));
                    library.importLibrary().ifPresent(file -> files.add(dependency.folder().resolve(file)));
                }
            }
        }
        return files;
    }

    /** The folders of the native dependencies' shared libraries (their {@code lib}, then {@code bin} with DLLs). */
    public List<Path> nativeDependencyRuntimeFolders() {
        List<Path> folders = new ArrayList<>();
        nativeDependencies.forEach(d -> d.runtimeFolders().stream().filter(f -> !folders.contains(f))
                .forEach(folders::add));
        return folders;
    }

    /** {@code compiler_launcher.remote_slots}; 0 when setup recorded none (no farm, or an older setup.json). */
    private static int remoteSlots(Map<String, Object> json) {
        return json.get(CompilerLaunch.JSON_KEY) instanceof Map<?, ?> launch
                ? CompilerLaunch.remoteSlots(object(launch, CompilerLaunch.JSON_KEY)) : 0;
    }

    /** A built-in option as arguments: {@code c_args = ['-O2', '-g']} -> [-O2, -g]; a string is one argument. */
    public List<String> arguments(String option) {
        Object value = builtInOptions.get(option);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> ? strings(value, option) : List.of(String.valueOf(value));
    }

    /** A {@code [properties]} value that is a string, or an array of strings. */
    public List<String> propertyStrings(String key) {
        Object value = properties.get(key);
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> ? strings(value, key) : List.of(String.valueOf(value));
    }

    public Optional<List<String>> binary(String key) {
        return Optional.ofNullable(binaries.get(key)).filter(argv -> !argv.isEmpty());
    }

    /** {@code build.compilers}, {@code build.tools} and the native files' options, when setup wrote them. */
    private static Optional<BuildMachineState> buildMachine(Map<String, Object> json, Machine build) {
        if (!json.containsKey("compilers")) {
            return Optional.empty();
        }
        Map<String, Object> options =
                json.containsKey("built_in_options") ? object(json, "built_in_options") : Map.of();
        Map<String, Object> properties = json.containsKey("properties") ? object(json, "properties") : Map.of();
        Map<String, List<String>> binaries = json.containsKey("binaries") ? binaries(json, "binaries") : Map.of();
        return Optional.of(new BuildMachineState(ToolchainJson.read(json, MachineRole.BUILD, build), options,
                properties, binaries, json.containsKey("options") ? options(json) : BuiltInOptions.defaults()));
    }

    /** {@code options} with {@code option_origins} (when present). */
    private static BuiltInOptions options(Map<String, Object> json) {
        return BuiltInOptions.fromJson(object(json, "options"),
                json.containsKey("option_origins") ? object(json, "option_origins") : Map.of());
    }

    private static Map<String, List<String>> binaries(Map<String, Object> json, String key) {
        Map<String, List<String>> binaries = new LinkedHashMap<>();
        object(json, key).forEach((name, value) -> binaries.put(name, strings(value, key + "." + name)));
        return binaries;
    }

    private static Machine machine(Map<String, Object> json) {
        Endian endian = Endian.parse(string(json, "endian"))
                .orElseThrow(() -> new IllegalArgumentException("endian " + json.get("endian")));
        return new Machine(string(json, "system"), string(json, "cpu_family"), string(json, "cpu"), endian,
                optionalString(json, "kernel"), optionalString(json, "subsystem"));
    }
}
