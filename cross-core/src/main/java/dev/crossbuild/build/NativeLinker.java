package dev.crossbuild.build;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The native-link goal's one entry point: links every host-machine target of the module (libraries before the
 * targets that link them), strips what it links, verifies every output against the host machine, and writes
 * {@code outputs.json}.
 *
 * <p>Every file is made under its final name in {@code tmp/<target>/}, stripped and verified there, and only then
 * renamed into {@code lib/}, {@code bin/} and {@code debug/} (the output last), so an interrupted or failed link
 * never leaves a file that looks finished. A failed link also removes the target's previous outputs and its record,
 * so nothing stale is taken for the result of this build.
 *
 * <p>Incremental: a target is linked again when its command (argv, strip commands, toolchain identity and the
 * programs' size and modification time) changed, when one of its objects or linked project libraries changed, when
 * one of its files is missing, or when a project library it links is linked again. A build that links nothing logs
 * only the summary line. The state lives in {@code link-state.json} beside {@code setup.json}.
 *
 * <p>Targets for the build machine ({@code <machine>build</machine>}) are not linked here: they are built with the
 * build machine's toolchain.
 */
public final class NativeLinker {

    /** The incremental state of link, in the layout's root. */
    public static final String STATE_FILE = "link-state.json";

    private final ProcessRunner runner;
    private final BuildListener listener;

    public NativeLinker(ProcessRunner runner, BuildListener listener) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @throws LinkException a {@code <library>} is unknown or forms a cycle, an object or tool is missing, or a tool
     *     failed (with its output)
     * @throws DependencyException a pkg-config dependency cannot be resolved for the host machine
     * @throws VerificationException an output is not for the host machine; it was not kept
     */
    public LinkResult link(LinkRequest request)
            throws LinkException, DependencyException, VerificationException, IOException {
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        LinkOrder order = LinkOrder.of(request.targets());
        List<NativeTarget> targets = order.buildOrder().stream().filter(t -> t.machine() == MachineRole.HOST).toList();
        IncrementalState state = IncrementalState.load(layout.root().resolve(STATE_FILE));
        List<LinkStep> steps = plan(request, order, targets);

        Set<String> dirty = new HashSet<>();
        for (LinkStep step : steps) {
            if (!step.upToDate(state) || step.libraries().stream().anyMatch(l -> dirty.contains(l.name()))) {
                dirty.add(step.target().name());
            }
        }
        OutputVerifier verifier = new OutputVerifier(HostExpectation.of(setup.host(), setup.toolchain()));
        List<LinkedOutput> outputs = new ArrayList<>();
        int index = 0;
        for (LinkStep step : steps) {
            if (dirty.contains(step.target().name())) {
                index++;
                outputs.add(new Execution(layout, step, "[" + index + "/" + dirty.size() + "] ", verifier, state).run());
            } else {
                outputs.add(output(layout, step, verifier.verify(step.command().output(), step.command().output())));
            }
        }
        OutputsJson.write(layout, setup, outputs);
        listener.info("linked " + dirty.size() + " of " + steps.size() + " outputs (" + (steps.size() - dirty.size())
                + " up to date)");
        return new LinkResult(outputs, dirty.size(), steps.size() - dirty.size());
    }

    private List<LinkStep> plan(LinkRequest request, LinkOrder order, List<NativeTarget> targets)
            throws LinkException, DependencyException, IOException {
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        LinkPlanner planner = new LinkPlanner(layout, setup);
        PkgConfig pkgConfig = new PkgConfig(runner, setup);
        List<String> programs = programStamps(setup);
        Map<String, List<SourceFile>> sources = new HashMap<>();
        List<LinkStep> steps = new ArrayList<>();
        for (NativeTarget target : targets) {
            List<SourceFile> own = sources(target, sources);
            List<Path> objects = own.stream().map(source -> CompilePlanner.objectFile(layout, target, source)).toList();
            List<NativeTarget> libraries = order.linkedLibraries(target);
            boolean cpp = own.stream().anyMatch(s -> s.language() == Language.CPP);
            Set<String> dependencies = new LinkedHashSet<>(target.dependencies());
            for (NativeTarget library : libraries) {
                if (library.kind() == TargetKind.STATIC_LIBRARY) {
                    // A static library's code is linked into this target, with its C++ runtime and dependencies.
                    cpp |= sources(library, sources).stream().anyMatch(s -> s.language() == Language.CPP);
                    dependencies.addAll(library.dependencies());
                }
            }
            List<String> dependencyLibraries = target.kind() == TargetKind.STATIC_LIBRARY || dependencies.isEmpty()
                    ? List.of()
                    : pkgConfig.libs(List.copyOf(dependencies));
            LinkCommand command = planner.plan(target, objects, cpp, libraries, dependencyLibraries);
            String fileName = command.output().getFileName().toString();
            Optional<StripPlan> strip = request.strip()
                    ? StripPlanner.plan(setup, target, command.temporary(),
                            command.temporary().resolveSibling(fileName + ".debug"))
                    : Optional.empty();
            Optional<Path> debugFile = strip.map(s -> OutputNames.debugPath(layout, fileName));
            String fingerprint = Fingerprints.of(command.argv(), compilerId(setup, cpp), "strip",
                    strip.map(s -> s.copyAsDebugFile() + " " + s.commands()).orElse("none"), programs);
            steps.add(new LinkStep(target, command, strip, debugFile, fingerprint, libraries, own, objects));
        }
        return steps;
    }

    /** One link being run: link, strip, verify in {@code tmp/<target>/}, then rename into place. */
    private final class Execution {
        private final BuildLayout layout;
        private final LinkStep step;
        private final String counter;
        private final OutputVerifier verifier;
        private final IncrementalState state;
        private final String shown;

        Execution(BuildLayout layout, LinkStep step, String counter, OutputVerifier verifier, IncrementalState state) {
            this.layout = layout;
            this.step = step;
            this.counter = counter;
            this.verifier = verifier;
            this.state = state;
            this.shown = OutputsJson.relative(layout, step.command().output());
        }

        LinkedOutput run() throws LinkException, VerificationException, IOException {
            LinkCommand command = step.command();
            Path temporaryDirectory = command.temporary().getParent();
            checkObjects();
            boolean done = false;
            try {
                deleteTree(temporaryDirectory);
                Files.createDirectories(temporaryDirectory);
                listener.info(counter + "LINK " + shown);
                execute(command.argv(), "Linking " + shown);
                if (step.strip().isPresent()) {
                    StripPlan strip = step.strip().get();
                    listener.info(counter + "STRIP " + shown);
                    if (strip.copyAsDebugFile()) {
                        Files.copy(strip.file(), strip.debugFile());
                    }
                    for (List<String> argv : strip.commands()) {
                        execute(argv, "Stripping " + shown);
                    }
                }
                VerifiedOutput verified = verifier.verify(command.temporary(), command.output());
                Path staleDebug = OutputNames.debugPath(layout, command.output().getFileName().toString());
                if (step.debugFile().isPresent()) {
                    move(step.strip().orElseThrow().debugFile(), step.debugFile().get());
                } else {
                    Files.deleteIfExists(staleDebug);
                }
                if (command.importLibrary().isPresent()) {
                    move(command.temporaryImportLibrary().orElseThrow(), command.importLibrary().get());
                }
                move(command.temporary(), command.output());
                state.record(command.output(), step.fingerprint(), command.inputs());
                state.save();
                listener.info(verified.summary() + step.debugFile()
                        .map(debug -> ", stripped (" + OutputsJson.relative(layout, debug) + ")")
                        .orElse(verified.stripped() || command.target().kind() == TargetKind.STATIC_LIBRARY
                                ? "" : ", not stripped"));
                done = true;
                return output(layout, step, verified);
            } finally {
                deleteTree(temporaryDirectory);
                if (!done) {
                    forgetOutputs();
                }
            }
        }

        private void checkObjects() throws LinkException {
            for (int i = 0; i < step.objects().size(); i++) {
                if (!Files.isRegularFile(step.objects().get(i))) {
                    NativeTarget target = step.target();
                    throw new LinkException(target.name(), LinkOrder.element(target) + " " + target.name()
                            + ": the object " + OutputsJson.relative(layout, step.objects().get(i)) + " of "
                            + step.sources().get(i).path() + " is missing; run the compile goal first (it runs in "
                            + "the compile phase, e.g. mvn package).");
                }
            }
        }

        private void execute(List<String> argv, String what) throws LinkException, IOException {
            ProcessResult result;
            try {
                result = runner.run(Command.of(argv));
            } catch (ProgramNotFoundException e) {
                throw new LinkException(step.target().name(), what + ": " + e.getMessage()
                        + " The toolchain changed since setup ran; build from the setup goal on (e.g. mvn package).");
            }
            String output = (result.stdout() + result.stderr()).strip();
            if (!result.succeeded()) {
                String how = result.timedOut() ? "timed out after " + result.elapsed().toSeconds() + " s"
                        : "failed (exit code " + result.exitCode() + ")";
                throw new LinkException(step.target().name(), what + " " + how + ":\n"
                        + (output.isEmpty() ? "(no output)" : output) + "\ncommand: " + String.join(" ", argv));
            }
            if (!output.isEmpty()) {
                output.lines().forEach(listener::warn);
            }
        }

        /** After a failure: the previous files of this target are gone and so is their record. */
        private void forgetOutputs() throws IOException {
            LinkCommand command = step.command();
            state.forget(command.output());
            state.save();
            Files.deleteIfExists(command.output());
            if (command.importLibrary().isPresent()) {
                Files.deleteIfExists(command.importLibrary().get());
            }
            Files.deleteIfExists(OutputNames.debugPath(layout, command.output().getFileName().toString()));
        }
    }

    private static LinkedOutput output(BuildLayout layout, LinkStep step, VerifiedOutput verified) throws IOException {
        LinkCommand command = step.command();
        return new LinkedOutput(step.target(), command.output(), step.debugFile(), OutputsJson.entry(layout,
                step.target(), command.output(), step.debugFile(), command.importLibrary(), verified));
    }

    private static List<SourceFile> sources(NativeTarget target, Map<String, List<SourceFile>> cache)
            throws IOException {
        List<SourceFile> known = cache.get(target.name());
        if (known == null) {
            known = SourceSet.of(target);
            cache.put(target.name(), known);
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

    private static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(file);
                } catch (NoSuchFileException e) {
                    // gone already
                }
            }
        }
    }
}
