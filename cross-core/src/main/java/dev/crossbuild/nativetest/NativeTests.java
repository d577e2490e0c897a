package dev.crossbuild.nativetest;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.exec.ShellWords;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.CompileException;
import dev.crossbuild.nativebuild.CompileRequest;
import dev.crossbuild.nativebuild.DependencyException;
import dev.crossbuild.nativebuild.LinkException;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.LinkResult;
import dev.crossbuild.nativebuild.LinkedOutput;
import dev.crossbuild.nativebuild.NativeCompiler;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.OutputNames;
import dev.crossbuild.nativebuild.PortabilityException;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import dev.crossbuild.nativebuild.SourcePathMap;
import dev.crossbuild.nativebuild.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The test goal's one entry point: builds the test programs (compiled and linked incrementally in
 * {@code target/cross/<classifier>/test/}, against the module's libraries where native-link put them), finds the
 * module's executables that tests run, decides how they run ({@link TestLaunchers}), runs them in parallel with a
 * timeout each, each in its working directory or a fresh folder of its own ({@link #runDirectory}), logs a line per
 * test and Surefire's summary line, and writes a JUnit XML report per test.
 */
public final class NativeTests {

    private final ProcessRunner runner;
    private final ProcessRunner compiles;
    private final HostEnvironment environment;
    private final BuildListener listener;
    private final TestGate gate;

    /** Runs every process with {@code runner}. */
    public NativeTests(ProcessRunner runner, HostEnvironment environment, BuildListener listener) {
        this(runner, runner, environment, listener, new TestGate());
    }

    /**
     * Runs the test programs' compilers with {@code compiles}, everything else (links, the tests) with {@code runner}.
     *
     * @param gate shared by the targets of one build, so that tests that must run alone do ({@link TestGate})
     */
    public NativeTests(ProcessRunner runner, ProcessRunner compiles, HostEnvironment environment,
                       BuildListener listener, TestGate gate) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.compiles = Objects.requireNonNull(compiles, "compiles");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** {@code test/run/<test>/}: where a test without a working directory runs, emptied before each run. */
    public static Path runDirectory(BuildLayout layout, String test) {
        return layout.test().root().resolve("run").resolve(test);
    }

    /**
     * @throws NativeTestException two tests share a name, a test runs an executable the module does not build, a
     *     working directory does not exist, a project library or executable was not linked, or the exe_wrapper is
     *     not installed
     * @throws CompileException a test program does not compile
     * @throws LinkException a test program does not link
     * @throws DependencyException a pkg-config dependency cannot be resolved
     * @throws VerificationException a test program is not for the host machine
     * @throws PortabilityException never: test programs are linked without a portability policy
     */
    public TestSummary run(TestRequest request) throws NativeTestException, CompileException, LinkException,
            DependencyException, VerificationException, PortabilityException, IOException {
        if (request.tests().isEmpty()) {
            return TestSummary.none();
        }
        List<TestDefinition> tests = wire(request);
        Map<String, Path> files = new LinkedHashMap<>();
        for (LinkedOutput output : build(request, tests)) {
            files.put(output.target().name(), output.file());
        }
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        for (TestDefinition test : tests) {
            if (test.program() instanceof TestDefinition.ProjectExecutable executable) {
                files.put(test.name(), executableFile(request, executable.executable()));
            }
        }
        if (!request.run()) {
            listener.info("Native tests are built, not run (skipTests)");
            return TestSummary.none();
        }
        TestLauncher launcher = TestLaunchers.decide(setup, layout, request.projectDirectory(), environment,
                RuntimeDirectories.of(setup, runner), request.timeout());
        List<TestRunner.Program> toRun = new ArrayList<>();
        Map<String, Path> reports = new HashMap<>();
        for (TestDefinition test : tests) {
            Path directory = test.workingDirectory().orElse(runDirectory(layout, test.name()));
            toRun.add(new TestRunner.Program(test.name(), files.get(test.name()), test.args(), test.environment(),
                    directory, test.workingDirectory().isEmpty(), test.protocol(), test.timeout(), test.parallel()));
            reports.put(test.name(), SurefireReport.file(request.reportsDirectory(), setup.classifier(), test.name()));
        }
        announce(launcher, toRun, request.jobs());
        if (launcher.preparation().isPresent()) {
            prepare(launcher.preparation().get());
        }
        List<TestOutcome> outcomes = new TestRunner(runner, listener, gate).run(toRun, launcher, request.jobs(),
                request.timeout(), reports);
        TestSummary summary = new TestSummary(outcomes, Optional.of(launcher));
        for (int i = 0; i < outcomes.size(); i++) {
            SurefireReport.write(request.reportsDirectory(), setup.classifier(), outcomes.get(i),
                    properties(setup, launcher, toRun.get(i), request.timeout()));
        }
        if (summary.failures() + summary.errors() > 0) {
            listener.warn(summary.line());
        } else {
            listener.info(summary.line());
        }
        return summary;
    }

    /**
     * The tests as they run: compiled programs wired to the module's libraries ({@link TestPrograms#forProject});
     * names unique, executables that the module builds for the host machine, working directories that exist.
     */
    private static List<TestDefinition> wire(TestRequest request) throws NativeTestException {
        Set<String> names = new HashSet<>();
        for (TestDefinition test : request.tests()) {
            if (!names.add(test.name())) {
                throw new NativeTestException("Two tests are named '" + test.name() + "'; give every <test> a name "
                        + "of its own.", test.name());
            }
            if (test.workingDirectory().isPresent() && !Files.isDirectory(test.workingDirectory().get())) {
                throw new NativeTestException("The <workingDirectory> of test '" + test.name() + "', "
                        + test.workingDirectory().get() + ", is not a folder; create it, or correct the path (it is "
                        + "relative to the module).", test.workingDirectory().get().toString());
            }
            if (test.program() instanceof TestDefinition.ProjectExecutable executable) {
                projectExecutable(request, test.name(), executable.executable());
            }
        }
        List<NativeTarget> compiled = TestPrograms.forProject(request.tests().stream()
                .flatMap(t -> t.compiled().stream()).toList(), request.projectTargets());
        Map<String, NativeTarget> wired = new HashMap<>();
        compiled.forEach(t -> wired.put(t.name(), t));
        return request.tests().stream().map(t -> t.compiled().isPresent()
                ? t.withProgram(new TestDefinition.Compiled(wired.get(t.name()))) : t).toList();
    }

    private static NativeTarget projectExecutable(TestRequest request, String test, String name)
            throws NativeTestException {
        List<String> executables = request.projectTargets().stream()
                .filter(t -> t.kind() == TargetKind.EXECUTABLE && t.machine() == MachineRole.HOST)
                .map(NativeTarget::name).toList();
        for (NativeTarget target : request.projectTargets()) {
            if (target.name().equals(name) && target.kind() == TargetKind.EXECUTABLE) {
                if (target.machine() != MachineRole.HOST) {
                    throw new NativeTestException("Test '" + test + "' runs <executable>" + name + "</executable>, "
                            + "a tool for the build machine; a test runs a program for the host machine.", name);
                }
                return target;
            }
        }
        throw new NativeTestException("Test '" + test + "' runs <executable>" + name + "</executable>, but the "
                + "module builds no such executable" + (executables.isEmpty() ? " (it has no <executables>)"
                        : "; its executables are: " + String.join(", ", executables))
                + ". Name one of them, or give the test <sourceDirectories> to build a test program.", name);
    }

    /** Where native-link put the executable; it must be there. */
    private static Path executableFile(TestRequest request, String name) throws NativeTestException {
        BuildLayout layout = request.layout();
        Path file = OutputNames.path(layout, request.setup().host(), projectExecutable(request, name, name));
        if (!Files.isRegularFile(file)) {
            throw new NativeTestException("A test runs the executable '" + name + "', but " + layout.root()
                    .relativize(file) + " is missing in " + layout.root() + ": the native-link goal links it (phase "
                    + "process-classes); run the build through the test phase (mvn test), or add cross:native-link "
                    + "before cross:test.", name);
        }
        return file;
    }

    /** Compiles and links the compiled tests (nothing when every test runs one of the module's executables). */
    private List<LinkedOutput> build(TestRequest request, List<TestDefinition> tests) throws NativeTestException,
            CompileException, LinkException, DependencyException, VerificationException, PortabilityException,
            IOException {
        List<NativeTarget> programs = tests.stream().flatMap(t -> t.compiled().stream()).toList();
        if (programs.isEmpty()) {
            return List.of();
        }
        BuildLayout layout = request.layout();
        BuildLayout testLayout = layout.test();
        SetupState setup = request.setup();
        List<NativeTarget> libraries = TestPrograms.libraries(request.projectTargets());
        for (NativeTarget library : libraries) {
            Path file = OutputNames.path(layout, setup.host(), library.linked());
            if (!Files.isRegularFile(file)) {
                throw new NativeTestException("The test programs link the library '" + library.name() + "', but "
                        + layout.root().relativize(file) + " is missing in " + layout.root() + ": the native-link goal "
                        + "links it (phase process-classes); run the build through the test phase (mvn test), or add "
                        + "cross:native-link before cross:test.", library.name());
            }
        }
        SourcePathMap sourcePaths = request.reproducible()
                ? SourcePathMap.of(request.projectDirectory(), List.of(layout.root())) : SourcePathMap.NONE;
        new NativeCompiler(runner, compiles, listener).compile(new CompileRequest(testLayout, setup, programs,
                request.extraIncludeDirectories(), Optional.empty(), request.jobs(), request.projectDirectory(),
                sourcePaths));
        List<NativeTarget> targets = new ArrayList<>(libraries);
        targets.addAll(programs);
        LinkResult linked = new NativeLinker(runner, listener).link(new LinkRequest(testLayout, setup, targets, false,
                Optional.of(layout)).withReproducible(request.reproducible()).in(request.projectDirectory()));
        return linked.outputs();
    }

    private void announce(TestLauncher launcher, List<TestRunner.Program> toRun, int jobs) {
        int count = toRun.size();
        long together = toRun.stream().filter(TestRunner.Program::parallel).count();
        String programs = count == 1 ? "1 native test" : count + " native tests";
        List<String> how = new ArrayList<>();
        if (together > 1 && jobs > 1) {
            how.add(Math.min(jobs, together) + " at a time");
        }
        if (together < count) {
            how.add((count - together) + " alone, after the others");
        }
        switch (launcher.mode()) {
            case NOT_RUN -> listener.warn("Not running " + programs + ": " + launcher.reason().orElse("")
                    + ". To run them, " + launcher.remedy().orElse("") + ".");
            default -> listener.info("Running " + programs + " " + launcher.description()
                    + (how.isEmpty() ? "" : " (" + String.join(", ", how) + ")"));
        }
    }

    /** The one-time preparation (a new Wine prefix); a failure is logged, the tests then show what goes wrong. */
    private void prepare(Command command) throws IOException {
        listener.info("Preparing: " + String.join(" ", command.argv()) + " (first run, once)");
        try {
            ProcessResult result = runner.run(command);
            if (!result.succeeded()) {
                listener.warn(String.join(" ", command.argv()) + (result.timedOut() ? " timed out" : " exited with "
                        + result.exitCode()) + ": " + (result.stdout() + result.stderr()).strip());
            }
        } catch (ProgramNotFoundException e) {
            listener.warn(e.getMessage());
        } catch (java.io.InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            listener.warn("cannot run " + command.program() + ": " + e.getMessage());
        }
    }

    /**
     * The report's properties: the machines, how the test ran, its command line, folder, protocol and timeout, and
     * the variables set for it.
     */
    private static Map<String, String> properties(SetupState setup, TestLauncher launcher, TestRunner.Program program,
            Duration defaultTimeout) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cross.classifier", setup.classifier());
        properties.put("cross.host", TestLaunchers.platform(setup.host()));
        properties.put("cross.build", TestLaunchers.platform(setup.build()));
        properties.put("cross.test.run", launcher.description());
        if (launcher.mode() != TestLauncher.Mode.NOT_RUN) {
            properties.put("cross.test.command", ShellWords.join(launcher.command(program.file(), program.args(),
                    program.directory(), program.environment(), defaultTimeout).argv()));
        }
        properties.put("cross.test.directory", program.directory().toString());
        properties.put("cross.test.protocol", program.protocol().pomName());
        properties.put("cross.test.timeout", String.valueOf(program.timeout().orElse(defaultTimeout).toSeconds()));
        properties.put("cross.test.parallel", String.valueOf(program.parallel()));
        Map<String, String> variables = new TreeMap<>(launcher.environment());
        variables.putAll(program.environment());
        variables.forEach((name, value) -> properties.put("env." + name, value));
        return properties;
    }
}
