package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one compile run needs: the output layout, the setup it builds with, the module's targets (host-machine
 * targets are compiled with {@code setup}'s host toolchain into {@code layout}; build-machine targets with the build
 * machine's toolchain into {@code layout.buildMachine()}, before them), extra include folders for every host target
 * (cross_config.h's folder), the JNI inputs (required when a target is a JNI library), the
 * number of compilers to run at once, the project (module) directory: compilers run there, and progress lines
 * and messages show paths relative to it; and the folders the compilers map so that no absolute path of the
 * module gets into an object ({@link SourcePathMap#NONE}: none).
 */
public record CompileRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets,
                             List<Path> extraIncludeDirectories, Optional<JniInputs> jni, int jobs,
                             Path projectDirectory, SourcePathMap sourcePaths) {

    public CompileRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(setup, "setup");
        targets = List.copyOf(targets);
        extraIncludeDirectories = List.copyOf(extraIncludeDirectories);
        Objects.requireNonNull(jni, "jni");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, was " + jobs);
        }
        projectDirectory = projectDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(sourcePaths, "sourcePaths");
    }

    /**
     * A request whose compilers map the project directory to {@code .}, and the layout and JNI headers folder to
     * their names when they are outside it.
     */
    public CompileRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets,
                          List<Path> extraIncludeDirectories, Optional<JniInputs> jni, int jobs,
                          Path projectDirectory) {
        this(layout, setup, targets, extraIncludeDirectories, jni, jobs, projectDirectory,
                SourcePathMap.of(projectDirectory, buildFolders(layout, jni)));
    }

    /**
     * A request as above, whose project directory is derived from the layout, {@code <project>/target/cross/<classifier>}:
     * right for the default build directory; callers that know the module directory pass it.
     */
    public CompileRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets,
                          List<Path> extraIncludeDirectories, Optional<JniInputs> jni, int jobs) {
        this(layout, setup, targets, extraIncludeDirectories, jni, jobs, projectOf(layout));
    }

    /** This request for other targets. */
    public CompileRequest withTargets(List<NativeTarget> otherTargets) {
        return new CompileRequest(layout, setup, otherTargets, extraIncludeDirectories, jni, jobs, projectDirectory,
                sourcePaths);
    }

    private static List<Path> buildFolders(BuildLayout layout, Optional<JniInputs> jni) {
        List<Path> folders = new ArrayList<>();
        folders.add(layout.root());
        jni.ifPresent(inputs -> folders.add(inputs.headersDirectory()));
        return folders;
    }

    private static Path projectOf(BuildLayout layout) {
        Path project = layout.root();
        for (int i = 0; i < 3 && project.getParent() != null; i++) {
            project = project.getParent();
        }
        return project;
    }
}
