package dev.crossbuild.nativetest;

import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the test goal needs: the module's layout and setup, its own targets (the libraries tests link, the
 * executables tests may run), the tests (from {@link TestPrograms#discover} or the POM's {@code <tests>}, already
 * narrowed by {@link TestSelection}), extra include folders (cross_config.h's), how many programs build and run at
 * once, the timeout of a test that sets none, the module directory, where the JUnit XML reports go, and whether to
 * run the programs at all ({@code false}: build only, for {@code skipTests}), and whether to build them reproducibly
 * (paths mapped, no PE time stamp: {@code CompileRequest}, {@code LinkRequest}).
 */
public record TestRequest(BuildLayout layout, SetupState setup, List<NativeTarget> projectTargets,
                          List<TestDefinition> tests, List<Path> extraIncludeDirectories, int jobs, Duration timeout,
                          Path projectDirectory, Path reportsDirectory, boolean run, boolean reproducible) {

    public TestRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(setup, "setup");
        projectTargets = List.copyOf(projectTargets);
        tests = List.copyOf(tests);
        extraIncludeDirectories = List.copyOf(extraIncludeDirectories);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the test timeout must be positive, was " + timeout);
        }
        projectDirectory = projectDirectory.toAbsolutePath().normalize();
        reportsDirectory = reportsDirectory.toAbsolutePath().normalize();
    }

    /** A request whose test programs are built reproducibly. */
    public TestRequest(BuildLayout layout, SetupState setup, List<NativeTarget> projectTargets,
                       List<TestDefinition> tests, List<Path> extraIncludeDirectories, int jobs, Duration timeout,
                       Path projectDirectory, Path reportsDirectory, boolean run) {
        this(layout, setup, projectTargets, tests, extraIncludeDirectories, jobs, timeout, projectDirectory,
                reportsDirectory, run, true);
    }
}
