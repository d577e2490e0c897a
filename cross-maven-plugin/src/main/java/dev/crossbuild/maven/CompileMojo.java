package dev.crossbuild.maven;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.CompileException;
import dev.crossbuild.nativebuild.CompileRequest;
import dev.crossbuild.nativebuild.DependencyException;
import dev.crossbuild.nativebuild.JniInputs;
import dev.crossbuild.nativebuild.NativeCompiler;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compiles the module's C and C++ sources for the host machine with the toolchain setup confirmed: one object per
 * source under {@code target/cross/<classifier>/obj/}, in parallel, and only what changed (a header, a flag, the
 * cross file). JNI libraries get jni.h, the host OS's jni_md.h and headers generated from the compiled classes.
 * Writes {@code compile_commands.json}.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class CompileMojo extends AbstractBuildMojo {

    /** Where the JNI headers generated from the module's classes go. */
    @Parameter(property = "cross.jniHeaders", defaultValue = "${project.build.directory}/generated-sources/cross-jni")
    private File jniHeadersDirectory;

    @Override
    protected String goal() {
        return "compile";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<NativeTarget> targets = targets();
        if (targets.isEmpty()) {
            getLog().info("No C or C++ sources (src/main/c, src/main/cpp) and no <libraries> or <executables>: nothing to compile");
            return;
        }
        BuildLayout layout = layout();
        SetupState setup = setupState(layout);
        List<Path> extraIncludes = new ArrayList<>();
        if (Files.isDirectory(layout.include())) {
            extraIncludes.add(layout.include());
        }
        CompileRequest request = new CompileRequest(layout, setup, targets, extraIncludes, jniInputs(targets), jobs(),
                moduleDirectory());
        try {
            new NativeCompiler(runner(), listener()).compile(request);
        } catch (CompileException | DependencyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private Optional<JniInputs> jniInputs(List<NativeTarget> targets) throws MojoExecutionException {
        if (targets.stream().noneMatch(NativeTarget::jni)) {
            return Optional.empty();
        }
        List<Path> classpath = new ArrayList<>();
        try {
            for (String element : project.getCompileClasspathElements()) {
                classpath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the compile class path is not resolved: " + e.getMessage(), e);
        }
        Path javaHome = HostEnvironment.system().property("java.home").map(Path::of)
                .orElseThrow(() -> new MojoExecutionException("java.home is not set"));
        return Optional.of(new JniInputs(Path.of(project.getBuild().getOutputDirectory()), classpath, javaHome,
                jniHeadersDirectory.toPath()));
    }
}
