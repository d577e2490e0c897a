package dev.crossbuild.nativetest;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
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
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.VerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The test goal's one entry point: builds the test programs (compiled and linked incrementally in
 * {@code target/cross/<classifier>/test/}, against the module's libraries where native-link put them), decides how
 * they run ({@link TestLaunchers}), runs them in parallel with a timeout each, logs a line per program and
 * Surefire's summary line, and writes a JUnit XML report per program.
 */
public final class NativeTests {

    private final ProcessRunner runner;
    private final ProcessRunner compiles;
    private final HostEnvironment environment;
    private final BuildListener listener;

    /** Runs every process with {@code runner}. */
    public NativeTests(ProcessRunner runner, HostEnvironment environment, BuildListener listener) {
        this(runner, runner, environment, listener);
    }

    /** Runs the test programs' compilers with {@code compiles}, everything else (links, the tests) with {@code runner}. */
    public NativeTests(ProcessRunner runner, ProcessRunner compiles, HostEnvironment environment,
                       BuildListener listener) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.compiles = Objects.requireNonNull(compiles, "compiles");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * @throws NativeTestException a project library the tests link was not linked, or the exe_wrapper is not
     *     installed
     * @throws CompileException a test program does not compile
     * @throws LinkException a test program does not link
     * @throws DependencyException a pkg-config dependency cannot be resolved
     * @throws VerificationException a test program is not for the host machine
     */
    public TestSummary run(TestRequest request) throws NativeTestException, CompileException, LinkException,
            DependencyException, VerificationException, IOException {
        if (request.programs().isEmpty()) {
            return TestSummary.none();
        }
        List<NativeTarget> programs = TestPrograms.forProject(request.programs(), request.projectTargets());
        List<LinkedOutput> built = build(request, programs);
        if (!request.run()) {
            listener.info("Native tests are built, not run (skipTests)");
            return TestSummary.none();
        }
        BuildLayout layout = request.layout();
        SetupState setup = request.setup();
        TestLauncher launcher = TestLaunchers.decide(setup, layout, request.projectDirectory(), environment,
                RuntimeDirectories.of(setup, runner), request.timeout());
        List<TestRunner.Program> toRun = built.stream()
                .map(o -> new TestRunner.Program(o.target().name(), o.file())).toList();
        Map<String, Path> reports = new HashMap<>();
        toRun.forEach(p -> reports.put(p.name(), SurefireReport.file(request.reportsDirectory(), setup.classifier(),
                p.name())));
        announce(launcher, toRun.size(), request.jobs());
        if (launcher.preparation().isPresent()) {
            prepare(launcher.preparation().get());
        }
        List<TestOutcome> outcomes = new TestRunner(runner, listener).run(toRun, launcher, request.jobs(),
                request.timeout(), reports);
        TestSummary summary = new TestSummary(outcomes, Optional.of(launcher));
        Map<String, String> properties = properties(setup, launcher);
        for (TestOutcome outcome : outcomes) {
            SurefireReport.write(request.reportsDirectory(), setup.classifier(), outcome, properties);
        }
        if (summary.failures() + summary.errors() > 0) {
            listener.warn(summary.line());
        } else {
            listener.info(summary.line());
        }
        return summary;
    }

    private List<LinkedOutput> build(TestRequest request, List<NativeTarget> programs) throws NativeTestException,
            CompileException, LinkException, DependencyException, VerificationException, IOException {
        BuildLayout layout = request.layout();
        BuildLayout testLayout = layout.test();
        SetupState setup = request.setup();
        List<NativeTarget> libraries = TestPrograms.libraries(request.projectTargets());
        for (NativeTarget library : libraries) {
            Path file = OutputNames.path(layout, setup.host(), library);
            if (!Files.isRegularFile(file)) {
                throw new NativeTestException("The test programs link the library '" + library.name() + "', but "
                        + layout.root().relativize(file) + " is missing in " + layout.root() + ": the native-link goal "
                        + "links it (phase process-classes); run the build through the test phase (mvn test), or add "
                        + "cross:native-link before cross:test.", library.name());
            }
        }
        new NativeCompiler(runner, compiles, listener).compile(new CompileRequest(testLayout, setup, programs,
                request.extraIncludeDirectories(), Optional.empty(), request.jobs(), request.projectDirectory()));
        List<NativeTarget> targets = new ArrayList<>(libraries);
        targets.addAll(programs);
        LinkResult linked = new NativeLinker(runner, listener).link(new LinkRequest(testLayout, setup, targets, false,
                Optional.of(layout)));
        return linked.outputs();
    }

    private void announce(TestLauncher launcher, int count, int jobs) {
        String programs = count == 1 ? "1 native test" : count + " native tests";
        switch (launcher.mode()) {
            case NOT_RUN -> listener.warn("Not running " + programs + ": " + launcher.reason().orElse("")
                    + ". To run them, " + launcher.remedy().orElse("") + ".");
            default -> listener.info("Running " + programs + " " + launcher.description()
                    + (count > 1 && jobs > 1 ? " (" + Math.min(jobs, count) + " at a time)" : ""));
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

    private static Map<String, String> properties(SetupState setup, TestLauncher launcher) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cross.classifier", setup.classifier());
        properties.put("cross.host", TestLaunchers.platform(setup.host()));
        properties.put("cross.build", TestLaunchers.platform(setup.build()));
        properties.put("cross.test.run", launcher.description());
        new java.util.TreeMap<>(launcher.environment()).forEach((name, value) -> properties.put("env." + name, value));
        return properties;
    }
}
