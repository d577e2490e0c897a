package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.Hashes;
import dev.crossbuild.machine.MachineRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The native-link goal's one entry point: links every host-machine target of the module (libraries before the
 * targets that link them), strips what it links, verifies every output against the host machine, and writes
 * {@code outputs.json}.
 *
 * <p>Every file is made under its final name in {@code tmp/<target>/}, stripped and verified there, and only then
 * renamed into {@code lib/}, {@code bin/} and {@code debug/} (the output last), so an interrupted or failed link
 * never leaves a file that looks finished. A versioned shared library then gets its symbolic links
 * ({@code libz.so.1 -> libz.so.1.3.1}, {@code libz.so -> libz.so.1}), made again whenever one is missing. A failed link also removes the target's previous outputs and its record,
 * so nothing stale is taken for the result of this build.
 *
 * <p>Incremental: a target is linked again when its command (argv, strip commands, toolchain identity and the
 * programs' size and modification time) changed, when one of its objects or linked project libraries changed, when
 * one of its files is missing, or when a project library it links is linked again. A build that links nothing logs
 * only the summary line. The state lives in {@code link-state.json} beside {@code setup.json}.
 *
 * <p>With a portability policy in the request ({@link PortabilityGate}), every shared library and executable is then
 * checked for what keeps it from loading on its users' machines; its problems are recorded in {@code outputs.json}
 * and logged, or, when the policy is enforced, fail the link after every output was made and recorded.
 *
 * <p>Targets for the build machine ({@code <machine>build</machine>}) are not linked here: the compile goal builds
 * them with the build machine's toolchain before the host sources ({@link BuildMachineTools}). The folders the
 * {@code <generator>}s of a target wrote are part of its sources, as they were for compile.
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
     * @throws PortabilityException the request's portability gate is enforced and outputs have problems; they were
     *     kept, and {@code outputs.json} names the problems
     */
    public LinkResult link(LinkRequest request)
            throws LinkException, DependencyException, VerificationException, PortabilityException, IOException {
        return link(request, MachineRole.HOST);
    }

    /**
     * Links the targets of {@code machine}; for the build machine, {@code request} holds the build machine's layout
     * and setup ({@link SetupState#forBuildMachine()}), so the outputs are checked against the build machine.
     */
    LinkResult link(LinkRequest request, MachineRole machine)
            throws LinkException, DependencyException, VerificationException, PortabilityException, IOException {
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        // Libraries linked in another layout (tests) have their generated sources there.
        List<NativeTarget> all = new ArrayList<>();
        for (NativeTarget target : request.targets()) {
            all.addAll(GeneratorPlanner.withGeneratedSources(target.isLibrary() ? request.librariesLayout() : layout,
                    List.of(target)));
        }
        if (machine == MachineRole.HOST) {
            all = StandardLibraries.apply(setup, all); // a custom standard library is linked into every host target
        }
        LinkOrder order = LinkOrder.of(all);
        List<NativeTarget> targets = order.buildOrder().stream().filter(t -> t.machine() == machine)
                .filter(t -> request.librariesLinkedIn().isEmpty() || !t.isLibrary()) // linked there already
                .toList();
        if (machine == MachineRole.HOST) {
            checkGenerated(layout, targets);
        }
        List<LinkStep> steps = LinkSteps.plan(request, order, targets, runner);
        IncrementalState state = IncrementalState.load(layout.root().resolve(STATE_FILE));

        // A library's missing alias (libz.so) is made again, not linked again; targets linking through it stay up to date.
        for (LinkStep step : steps) {
            if (Files.isRegularFile(step.command().output())) {
                LibraryLinks.make(step.command());
            }
        }
        // Why each output is linked again, by its path; a library linked again relinks the targets linking it.
        Map<Path, RebuildReason> dirty = new HashMap<>();
        for (LinkStep step : steps) {
            step.rebuildReason(state)
                    .or(() -> step.libraries().stream()
                            .filter(l -> dirty.containsKey(OutputNames.path(layout, setup.host(), l.linked())))
                            .findFirst().map(l -> new RebuildReason.LibraryRelinked(l.name())))
                    .ifPresent(why -> dirty.put(step.command().output(), why));
        }
        OutputVerifier verifier = new OutputVerifier(HostExpectation.of(setup.host(), setup.toolchain()));
        List<LinkedOutput> outputs = new ArrayList<>();
        Map<String, Map<String, Object>> previous = OutputsJson.read(layout);
        Optional<PortabilityGate> gate = request.portability().map(policy -> new PortabilityGate(policy, request));
        int index = 0;
        // SHA-256 of each new output runs on a thread of its own beside the next links: hashing a large static
        // archive in Java costs as much as a link, and the entries need it only once every output is made.
        ExecutorService hashing = Background.thread("cross-output-hash");
        try {
            List<Pending> pending = new ArrayList<>();
            for (LinkStep step : steps) {
                LinkCommand command = step.command();
                boolean relink = dirty.containsKey(command.output());
                // An up-to-date output is the file verified and described when it was linked (its size and
                // modification time are part of its record): its entry is reused rather than read and hashed again on
                // every build.
                Optional<Map<String, Object>> entry = relink ? Optional.empty() : OutputsJson.reusable(previous,
                        layout, step.target(), command.output(), step.debugFile(), command.importLibrary(),
                        command.aliasPaths());
                Optional<Future<String>> sha256 = Optional.empty();
                if (entry.isEmpty()) {
                    VerifiedOutput verified;
                    if (relink) {
                        index++;
                        String counter = "[" + index + "/" + dirty.size() + "] ";
                        verified = new LinkExecution(runner, listener, layout, step, counter)
                                .run(verifier, state, dirty.get(command.output()));
                    } else {
                        verified = verifier.verify(command.output(), command.output());
                    }
                    Path output = command.output();
                    sha256 = Optional.of(hashing.submit(() -> Hashes.sha256(output)));
                    entry = Optional.of(OutputsJson.entry(layout, step.target(), output, step.debugFile(),
                            command.importLibrary(), command.aliasPaths(), verified));
                }
                LibraryLinks.make(command);
                pending.add(new Pending(step, entry.get(), sha256));
            }
            for (Pending one : pending) {
                Map<String, Object> entry = one.entry();
                if (one.sha256().isPresent()) {
                    entry.put(OutputsJson.SHA256, Background.await(one.sha256().get(),
                            "hashing " + one.step().command().output()));
                }
                if (gate.isPresent()) {
                    entry = gate.get().review(entry, one.step());
                }
                outputs.add(new LinkedOutput(one.step().target(), one.step().command().output(),
                        one.step().debugFile(), entry, OutputNames.runtimeName(setup.host(), one.step().target())));
            }
        } finally {
            hashing.shutdownNow();
        }
        OutputsJson.write(layout, setup, outputs);
        int upToDate = steps.size() - dirty.size();
        listener.info("linked " + dirty.size() + " of " + steps.size() + " outputs (" + upToDate + " up to date)");
        if (gate.isPresent()) {
            gate.get().finish(listener);
        }
        return new LinkResult(outputs, dirty.size(), upToDate);
    }

    /** An output's {@code outputs.json} entry, and its SHA-256 while that is still being computed. */
    private record Pending(LinkStep step, Map<String, Object> entry, Optional<Future<String>> sha256) {
    }

    /** A target's generated sources are made by compile; without them its link would miss their objects. */
    private static void checkGenerated(BuildLayout layout, List<NativeTarget> targets) throws LinkException {
        for (NativeTarget target : targets) {
            for (Path folder : GeneratorPlanner.outputDirectories(layout, target)) {
                if (!Files.isDirectory(folder)) {
                    throw new LinkException(target.name(), LinkOrder.element(target) + " " + target.name()
                            + ": the sources its <generator>s write (" + folder + ") are missing; run the compile "
                            + "goal first (it runs the generators in the compile phase, e.g. mvn package).");
                }
            }
        }
    }
}
