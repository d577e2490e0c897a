package dev.crossbuild.setup;

import dev.crossbuild.checks.CheckException;
import dev.crossbuild.checks.CheckResults;
import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileKind;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.machine.BuildMachineDetector;
import dev.crossbuild.nativebuild.NativeDependencies;
import dev.crossbuild.nativebuild.NativeDependency;
import dev.crossbuild.nativebuild.NativeDependencyException;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetNameException;
import dev.crossbuild.nativebuild.TargetNames;
import dev.crossbuild.toolchain.CompilerLaunch;
import dev.crossbuild.toolchain.CompilerLaunchers;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import dev.crossbuild.toolchain.ToolchainJson;
import dev.crossbuild.sysroot.DebianSysroots;
import dev.crossbuild.sysroot.Sysroot;
import dev.crossbuild.sysroot.SysrootException;
import dev.crossbuild.sysroot.SysrootRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The core entry point behind the {@code setup} goal and the {@code introspect} command: finds the machine files,
 * reads and layers them, resolves the three machines, confirms the host toolchain (detection, doctor, compiler
 * checks) when the module needs one, and writes {@code <crossDirectory>/<classifier>/setup.json} (with the built-in
 * options the targets are built with: {@code options}, and where each came from: {@code option_origins}) and
 * {@code include/cross_config.h}. Before anything runs, the module's target names and output files are checked for
 * clashes ({@link TargetNames}). The development artifacts of the module's native dependencies are unpacked under
 * {@code deps/} before the toolchain step and recorded in {@code setup.json}'s {@code native_dependencies}.
 */
public final class CrossSetup {

    private final HostEnvironment environment;
    private final ProcessRunner runner;

    public CrossSetup(HostEnvironment environment) {
        this(environment, ProcessRunner.system());
    }

    public CrossSetup(HostEnvironment environment, ProcessRunner runner) {
        this.environment = environment;
        this.runner = runner;
    }

    /**
     * @throws TargetNameException when two targets have the same name, or two outputs the same file name
     * @throws CrossFileException when a machine file cannot be read, or its {@code c_stdlib} names no host library of
     *     the module
     * @throws ToolchainNotReadyException when the doctor finds a blocking problem; setup.json is written first, with
     *     the findings, so reports can show them
     * @throws CheckException when a compiler check cannot be answered (a broken compiler)
     * @throws SysrootException when the private sysroot's packages cannot be provided
     * @throws NativeDependencyException when a native dependency's artifact cannot be unpacked
     */
    public SetupResult run(SetupRequest request)
            throws CrossFileException, IOException, TargetNameException, ToolchainNotReadyException, CheckException,
            SysrootException, NativeDependencyException {
        CrossEnvironment loaded = load(request.crossFiles(), request.nativeFiles(), request.searchFirst(), request.sourceRoot());
        TargetNames.check(loaded.machines(), request.targets());
        StandardLibraryCheck.check(loaded, request.targets(), context(request.sourceRoot()));
        String classifier = request.classifier().orElseGet(loaded::hostClassifier);
        Path outputDirectory = request.crossDirectory().resolve(classifier);
        // Only a module that builds something needs the host's libraries.
        Optional<Sysroot> sysroot = request.toolchain().wanted() ? sysroot(loaded, request.sysroot()) : Optional.empty();
        if (sysroot.isPresent()) {
            Path file = outputDirectory.resolve(SysrootLayer.FILE_NAME);
            AtomicFiles.writeStringIfChanged(file, SysrootLayer.text(loaded, sysroot.get()));
            loaded = withLayer(loaded, MachineFileSource.read(file), request.sourceRoot());
        }
        // Before the toolchain step: the doctor and pkg-config see the other modules' libraries as later goals do.
        List<NativeDependency> dependencies = NativeDependencies.unpack(
                outputDirectory.resolve(NativeDependencies.FOLDER), classifier, request.nativeDependencies());
        Optional<ToolchainReport> toolchain = Optional.empty();
        if (request.toolchain().wanted()) {
            toolchain = Optional.of(new ToolchainStep(environment, runner).resolve(loaded, request.toolchain(), outputDirectory));
        }
        SetupResult result = new SetupResult(loaded, classifier, outputDirectory, outputDirectory.resolve("setup.json"),
                toolchain, sysroot, BuiltInOptions.resolve(loaded.host(), request.options()), dependencies);
        if (toolchain.isPresent()) {
            Optional<CheckResults> checks = toolchain.get().checks();
            if (checks.isPresent()) {
                AtomicFiles.writeStringIfChanged(result.includeDirectory().resolve("cross_config.h"), checks.get().configHeader());
            }
        }
        Map<String, Object> json = setupJson(result);
        MachineFileContext context = context(request.sourceRoot());
        json.put("cross_file_layers", MachineFileLayers.of(loaded.crossFiles(), context));
        json.put("native_file_layers", MachineFileLayers.of(loaded.nativeFiles(), context));
        sysroot.ifPresent(s -> json.put("sysroot", s.toJson()));
        if (!dependencies.isEmpty()) {
            json.put(SetupState.NATIVE_DEPENDENCIES, dependencies.stream().map(NativeDependency::toJson).toList());
        }
        // Left alone when it says the same: a no-op build then writes nothing, and whatever watches the file is not woken.
        AtomicFiles.writeStringIfChanged(result.setupJson(), Json.write(json) + "\n");
        if (toolchain.isPresent() && !toolchain.get().diagnosis().ready()) {
            throw new ToolchainNotReadyException(result, toolchain.get().diagnosis().render());
        }
        return result;
    }

    /**
     * The doctor's full diagnosis for the named files: nothing is written and nothing fails on a finding. With
     * {@code buildLanguages} (those of the module's build-machine tools) it also diagnoses the build machine's
     * compilers for them, as setup does: findings {@code build.compiler.c} ... after the host's.
     */
    public Diagnosis diagnose(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                              Optional<Path> sourceRoot, DoctorRequest request, Set<Language> buildLanguages)
            throws CrossFileException {
        CrossEnvironment loaded = load(crossFiles, nativeFiles, searchFirst, sourceRoot);
        return DiagnosedToolchain.detect(loaded, request, buildLanguages, runner, environment).diagnosis();
    }

    /**
     * {@link #diagnose(List, List, List, Optional, DoctorRequest, Set)}, followed by what setup would put in front of
     * the compilers for {@code launchers}: the compiler cache and compile farm findings ({@code launcher.*}).
     */
    public Diagnosis diagnose(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                              Optional<Path> sourceRoot, DoctorRequest request, Set<Language> buildLanguages,
                              LauncherRequest launchers) throws CrossFileException {
        return diagnoseWithLaunchers(load(crossFiles, nativeFiles, searchFirst, sourceRoot), request, buildLanguages,
                launchers);
    }

    /**
     * {@link #diagnose(List, List, List, Optional, DoctorRequest, Set, LauncherRequest)} with the private sysroot of
     * {@code sysroot}'s packages (and the cross file's) layered in, as setup layers it: fetched into the cache when
     * missing, the layer kept in memory.
     */
    public Diagnosis diagnose(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                              Optional<Path> sourceRoot, DoctorRequest request, Set<Language> buildLanguages,
                              LauncherRequest launchers, SysrootSettings sysroot)
            throws CrossFileException, SysrootException, IOException {
        CrossEnvironment loaded = load(crossFiles, nativeFiles, searchFirst, sourceRoot);
        Optional<Sysroot> provided = sysroot(loaded, sysroot);
        if (provided.isPresent()) {
            loaded = withLayer(loaded, MachineFileSource.of("sysroot.ini (" + provided.get().root() + ")",
                    SysrootLayer.text(loaded, provided.get()).getBytes(StandardCharsets.UTF_8)), sourceRoot);
        }
        return diagnoseWithLaunchers(loaded, request, buildLanguages, launchers);
    }

    /** The doctor's diagnosis of {@code loaded}, then the compiler cache and farm findings of {@code launchers}. */
    private Diagnosis diagnoseWithLaunchers(CrossEnvironment loaded, DoctorRequest request, Set<Language> buildLanguages,
                                            LauncherRequest launchers) {
        DiagnosedToolchain diagnosed = DiagnosedToolchain.detect(loaded, request, buildLanguages, runner, environment);
        if (diagnosed.toolchain().compilers().isEmpty()) {
            return diagnosed.diagnosis();
        }
        List<Finding> findings = new ArrayList<>(diagnosed.diagnosis().findings());
        findings.addAll(new CompilerLaunchers(runner, environment).apply(diagnosed.toolchain(),
                diagnosed.buildToolchain(), launchers).findings());
        return new Diagnosis(findings);
    }

    /**
     * The private sysroot of the host machine of the named files: the {@code packages} and the cross files'
     * {@code sysroot_packages}, from the cache or fetched into it (the {@code sysroot} command, {@code cross:sysroot}).
     * Empty when no package is named.
     */
    public Optional<Sysroot> sysroot(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                                     Optional<Path> sourceRoot, SysrootSettings settings)
            throws CrossFileException, SysrootException, IOException {
        return sysroot(load(crossFiles, nativeFiles, searchFirst, sourceRoot), settings);
    }

    private Optional<Sysroot> sysroot(CrossEnvironment loaded, SysrootSettings settings)
            throws SysrootException, IOException {
        Optional<SysrootRequest> request = SysrootLayer.request(loaded, settings, environment);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DebianSysroots(runner, environment, settings.progress()).provide(request.get()));
    }

    /** {@code loaded} read again with {@code layer} after its cross files (its native files in a native build). */
    private CrossEnvironment withLayer(CrossEnvironment loaded, MachineFileSource layer, Optional<Path> sourceRoot)
            throws CrossFileException {
        List<MachineFileSource> cross = new ArrayList<>(loaded.crossFiles());
        List<MachineFileSource> natives = new ArrayList<>(loaded.nativeFiles());
        (loaded.isCrossBuild() ? cross : natives).add(layer);
        return CrossEnvironment.load(cross, natives, loaded.machines().build(), context(sourceRoot));
    }

    /** Reads and layers the named files without writing anything. */
    public CrossEnvironment load(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                                 Optional<Path> sourceRoot) throws CrossFileException {
        CrossFileLocator locator = new CrossFileLocator(environment);
        List<MachineFileSource> cross = locate(locator, crossFiles, MachineFileKind.CROSS, searchFirst);
        List<MachineFileSource> natives = locate(locator, nativeFiles, MachineFileKind.NATIVE, searchFirst);
        return CrossEnvironment.load(cross, natives, BuildMachineDetector.detect(environment), context(sourceRoot));
    }

    private MachineFileContext context(Optional<Path> sourceRoot) {
        return new MachineFileContext(sourceRoot, environment.property("user.home").map(Path::of));
    }

    /**
     * The introspection JSON, plus the host toolchain under {@code host.compilers}/{@code host.tools}, the build
     * machine's (with the native files' options, properties and binaries) under {@code build.*} when the module has
     * build-machine tools, what runs in front of the compilers ({@code compiler_launcher}: the compiler cache, a
     * compile farm and its remote slots), the doctor's findings and the checks.
     */
    private static Map<String, Object> setupJson(SetupResult result) {
        Map<String, Object> json = Introspection.of(result.environment(), result.classifier());
        json.put("options", result.options().toJson());
        json.put("option_origins", result.options().originsJson());
        result.toolchain().ifPresent(toolchain -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> host = new LinkedHashMap<>((Map<String, Object>) json.get("host"));
            host.putAll(ToolchainJson.write(toolchain.toolchain()));
            json.put("host", host);
            toolchain.buildToolchain().ifPresent(buildToolchain -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> build = new LinkedHashMap<>((Map<String, Object>) json.get("build"));
                build.putAll(ToolchainJson.write(buildToolchain));
                build.put("built_in_options", Introspection.values(result.environment().build().builtInOptions()));
                BuiltInOptions buildOptions = result.options().forBuildMachine(result.environment().build());
                build.put("options", buildOptions.toJson());
                build.put("option_origins", buildOptions.originsJson());
                build.put("properties", Introspection.values(result.environment().build().properties()));
                build.put("binaries", result.environment().build().binaries().entries());
                json.put("build", build);
            });
            json.put(CompilerLaunch.JSON_KEY, toolchain.launch().toJson());
            json.put("doctor", toolchain.diagnosis().toJson());
            json.put("checks", toolchain.checks().map(CheckResults::toJson).orElse(Map.of()));
            json.put("toolchain_reused", toolchain.reused());
            json.put("compiler_runs", toolchain.compilerRuns());
        });
        return json;
    }

    private static List<MachineFileSource> locate(CrossFileLocator locator, List<String> names, MachineFileKind kind,
                                                  List<Path> searchFirst) throws CrossFileException {
        List<MachineFileSource> sources = new ArrayList<>();
        for (String name : names) {
            sources.add(locator.locate(name, kind, searchFirst));
        }
        return sources;
    }
}
