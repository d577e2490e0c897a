package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the link of every target before anything runs, one step per output (both libraries: the shared one, then the
 * static one from the same objects): objects from the target's sources, the project libraries it links, the C++ driver when a C++ source is linked in (its own or a static library's), the pkg-config libraries of
 * its dependencies and of the static libraries linked into it, the strip plan, and the fingerprint.
 */
final class LinkSteps {

    private LinkSteps() {
    }

    static List<LinkStep> plan(LinkRequest request, LinkOrder order, List<NativeTarget> targets, ProcessRunner runner)
            throws LinkException, DependencyException, IOException {
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        LinkPlanner planner = new LinkPlanner(layout, request.librariesLayout(), setup, request.reproducible(),
                request.workingDirectory());
        PkgConfig pkgConfig = new PkgConfig(runner, setup);
        List<String> programs = programStamps(setup);
        Map<String, List<SourceFile>> sources = new HashMap<>();
        Map<Path, List<SourceFile>> listings = new HashMap<>(); // targets share folders: list each once
        List<LinkStep> steps = new ArrayList<>();
        for (NativeTarget declared : targets) {
            List<SourceFile> own = sources(declared, sources, listings);
            List<Path> objects = own.stream().map(source -> CompilePlanner.objectFile(layout, declared, source))
                    .toList();
            List<NativeTarget> libraries = order.linkedLibraries(declared);
            boolean cpp = own.stream().anyMatch(s -> s.language() == Language.CPP);
            Set<String> dependencies = new LinkedHashSet<>(declared.dependencies());
            for (NativeTarget library : libraries) {
                if (library.kind() == TargetKind.STATIC_LIBRARY) {
                    // A static library's code is linked into this target, with its C++ runtime and dependencies.
                    cpp |= sources(library, sources, listings).stream().anyMatch(s -> s.language() == Language.CPP);
                    dependencies.addAll(library.dependencies());
                }
            }
            List<String> dependencyLibraries = null;
            // Both libraries: the shared one, then the static one, from the same objects.
            for (NativeTarget target : declared.outputs()) {
                List<String> linkedLibraries = List.of();
                if (target.kind() != TargetKind.STATIC_LIBRARY && !dependencies.isEmpty()) {
                    if (dependencyLibraries == null) {
                        dependencyLibraries = pkgConfig.libs(List.copyOf(dependencies));
                    }
                    linkedLibraries = dependencyLibraries;
                }
                boolean dependencyShared = target.kind() != TargetKind.STATIC_LIBRARY
                        && dependencies.stream().anyMatch(setup::providesSharedLibrary);
                LinkCommand command = planner.plan(target, objects, cpp, libraries, linkedLibraries, dependencyShared);
                if (target.kind() != TargetKind.STATIC_LIBRARY) {
                    // Another module's library changes without changing the link line.
                    command = command.withInputs(setup.nativeDependencyFiles(dependencies));
                }
                String fileName = command.output().getFileName().toString();
                Optional<StripPlan> strip = request.strip()
                        ? StripPlanner.plan(setup, target, command.temporary(),
                                command.temporary().resolveSibling(fileName + ".debug"))
                        : Optional.empty();
                Optional<Path> debugFile = strip.map(s -> OutputNames.debugPath(layout, fileName));
                Fingerprint fingerprint = Fingerprints.of(command.argv(),
                        List.of("strip", strip.map(s -> s.copyAsDebugFile() + " " + s.commands()).orElse("none")),
                        compilerId(setup, cpp), programs);
                steps.add(new LinkStep(target, command, strip, debugFile, fingerprint, libraries, own, objects));
            }
        }
        return steps;
    }

    private static List<SourceFile> sources(NativeTarget target, Map<String, List<SourceFile>> cache,
                                            Map<Path, List<SourceFile>> listings) throws IOException, LinkException {
        List<SourceFile> known = cache.get(target.describe());
        if (known == null) {
            try {
                known = SourceSet.of(target, listings);
            } catch (SourceSetException e) {
                throw new LinkException(target.name(), e.getMessage());
            }
            cache.put(target.describe(), known);
        }
        return known;
    }

    private static CompilerId compilerId(SetupState setup, boolean cpp) {
        Optional<Compiler> compiler = setup.toolchain().compiler(cpp ? Language.CPP : Language.C);
        return compiler.or(() -> setup.toolchain().compilers().values().stream().findFirst())
                .map(Compiler::id)
                .orElse(new CompilerId("none", "", "", Optional.empty()));
    }

    /** {@code path size mtime} of each program of the toolchain: a reinstalled linker or binutils relinks. */
    private static List<String> programStamps(SetupState setup) {
        List<String> stamps = new ArrayList<>();
        for (Path program : ToolchainJson.programs(setup.toolchain())) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(program, BasicFileAttributes.class);
                stamps.add(program + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                stamps.add(program + " missing");
            }
        }
        return stamps;
    }
}
