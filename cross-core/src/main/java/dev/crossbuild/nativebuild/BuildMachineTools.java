package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.MachineRole;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The compile goal's first step (Meson's {@code native: true}): compiles and links the module's build-machine
 * executables and libraries ({@code <machine>build</machine>}) with the build machine's toolchain into
 * {@code build-machine/}, checks them against the build machine (not stripped), then runs the stale
 * {@code <generator>}s natively ({@link GeneratorRunner}), so that the host compile that follows finds their
 * sources. Its lines start with {@code [build machine]}.
 */
final class BuildMachineTools {

    private static final String PREFIX = "[build machine] ";

    private final ProcessRunner runner;
    private final BuildListener listener;

    BuildMachineTools(ProcessRunner runner, BuildListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    /**
     * Builds the tools and runs the generators of {@code request}'s targets.
     *
     * @return the host-machine targets, with the output folders of their generators among their sources
     */
    List<NativeTarget> prepare(CompileRequest request) throws CompileException, DependencyException, IOException {
        List<NativeTarget> all = request.targets();
        List<NativeTarget> tools = all.stream().filter(t -> t.machine() == MachineRole.BUILD).toList();
        List<NativeTarget> host = all.stream().filter(t -> t.machine() == MachineRole.HOST).toList();
        if (tools.isEmpty() && all.stream().allMatch(t -> t.generators().isEmpty())) {
            return host;
        }
        List<GeneratorStep> steps;
        try {
            steps = GeneratorPlanner.plan(request.layout(), request.setup().build(), all, request.projectDirectory());
        } catch (GeneratorException e) {
            throw new CompileException(e.getMessage(), e.value(), e);
        }
        if (!tools.isEmpty()) {
            build(request, tools);
        }
        try {
            new GeneratorRunner(runner, listener).run(request.layout(), steps);
        } catch (GeneratorException e) {
            throw new CompileException(e.getMessage(), e.value(), e);
        }
        return GeneratorPlanner.withGeneratedSources(request.layout(), host);
    }

    private void build(CompileRequest request, List<NativeTarget> tools)
            throws CompileException, DependencyException, IOException {
        for (NativeTarget tool : tools) {
            if (tool.jni()) {
                throw new CompileException(SourceSetException.describe(tool) + " is built for the build machine "
                        + "and is a JNI library; JNI libraries are for the host machine: remove <jni> or "
                        + "<machine>build</machine>", tool.name());
            }
        }
        SetupState setup = request.setup().forBuildMachine().orElseThrow(() -> new CompileException(
                SourceSetException.describe(tools.get(0)) + " is built for the build machine (<machine>build"
                        + "</machine>), but " + request.setup().file() + " records no toolchain for the build "
                        + "machine; setup detects one when the plugin's configuration has build-machine targets: "
                        + "build from the setup goal on (e.g. mvn package)", request.setup().file().toString()));
        BuildLayout layout = request.layout().buildMachine();
        BuildListener prefixed = BuildListener.prefixed(listener, PREFIX);
        new NativeCompiler(runner, prefixed).compileTargets(new CompileRequest(layout, setup, tools, List.of(),
                Optional.empty(), request.jobs(), request.projectDirectory(), request.sourcePaths()));
        try {
            new NativeLinker(runner, prefixed).link(new LinkRequest(layout, setup, request.targets(), false)
                    .in(request.projectDirectory()),
                    MachineRole.BUILD);
        } catch (LinkException | VerificationException | PortabilityException e) {
            throw new CompileException("Building the build machine's tools failed: " + e.getMessage(), e.value(), e);
        }
    }
}
