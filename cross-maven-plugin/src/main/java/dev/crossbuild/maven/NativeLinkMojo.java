package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.LinkResult;
import dev.crossbuild.nativebuild.NativeJar;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Links the compiled objects into the module's libraries and executables for the host machine, strips them (debug
 * information kept in {@code debug/<file>.debug}, linked by a GNU debuglink), verifies every output's header against
 * the host machine, writes {@code outputs.json}, and attaches a jar with classifier {@code <classifier>} holding the
 * outputs under {@code META-INF/native/<classifier>/} and a {@code <classifier>-debug} jar with the debug files. Runs
 * in {@code process-classes}, so tests in the {@code test} phase can load the libraries.
 */
@Mojo(name = "native-link", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class NativeLinkMojo extends AbstractBuildMojo {

    /** Attach the jars of outputs and debug files to the project (installed and deployed with it). */
    @Parameter(property = "cross.attach", defaultValue = "true")
    private boolean attach;

    // @Component is deprecated in favour of JSR-330 @Inject, which Maven 3.8.7's sisu does not reliably honour in
    // Java 17 class files (shared/spec/maven-stack.md P1); the Plexus requirement in plugin.xml works on every Maven.
    @SuppressWarnings("deprecation")
    @Component
    private MavenProjectHelper projectHelper;

    @Override
    protected String goal() {
        return "native-link";
    }

    @Override
    protected void run() throws CrossException, IOException {
        List<NativeTarget> targets = targets();
        if (targets.isEmpty()) {
            getLog().info("No C or C++ sources and no <libraries> or <executables>: nothing to link");
            return;
        }
        BuildLayout layout = layout();
        SetupState setup = setupState(layout);
        LinkResult result = new NativeLinker(ProcessRunner.system(), listener())
                .link(new LinkRequest(layout, setup, targets, strip));
        if (!attach || result.outputs().isEmpty()) {
            return;
        }
        String base = project.getBuild().getFinalName() + "-" + setup.classifier();
        Path directory = Path.of(project.getBuild().getDirectory());
        Path jar = directory.resolve(base + ".jar");
        NativeJar.write(jar, setup.classifier(), result.outputs(), false);
        projectHelper.attachArtifact(project, "jar", setup.classifier(), jar.toFile());
        getLog().info("attached " + directory.relativize(jar) + " (classifier " + setup.classifier() + ")");
        if (result.outputs().stream().anyMatch(o -> o.debugFile().isPresent())) {
            Path debugJar = directory.resolve(base + "-debug.jar");
            NativeJar.write(debugJar, setup.classifier(), result.outputs(), true);
            projectHelper.attachArtifact(project, "jar", setup.classifier() + "-debug", debugJar.toFile());
            getLog().info("attached " + directory.relativize(debugJar) + " (classifier " + setup.classifier() + "-debug)");
        }
    }
}
