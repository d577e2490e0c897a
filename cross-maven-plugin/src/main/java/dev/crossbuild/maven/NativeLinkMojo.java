package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.LinkResult;
import dev.crossbuild.nativebuild.LinkedOutput;
import dev.crossbuild.nativebuild.NativeBundle;
import dev.crossbuild.nativebuild.NativeJar;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Also put every target's natives into the module's main jar, under {@code META-INF/native/<classifier>/} with
     * the index cross-runtime's {@code NativeLoader} reads (they are copied into the classes folder, so the module's
     * own tests load them too). Default: on when {@code cross.targets} builds more than one target.
     */
    @Parameter(property = "cross.bundle")
    private Boolean bundle;

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
        ProcessRunner runner = JobSlots.of(localJobs()).limit(runner()); // links and strips run here
        List<BuildLayout> layouts = layouts();
        List<LinkResult> results = EachHost.run(layouts, AbstractBuildMojo::classifierOf, layout ->
                new NativeLinker(runner, listener(layout)).link(new LinkRequest(layout, setupState(layout), targets,
                        strip)));
        Map<String, List<LinkedOutput>> outputs = new LinkedHashMap<>();
        for (int i = 0; i < layouts.size(); i++) {
            outputs.put(classifierOf(layouts.get(i)), results.get(i).outputs());
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (bundle != null ? bundle : layouts.size() > 1) {
            NativeBundle.write(classes, outputs);
            getLog().info("bundled the natives of " + String.join(", ", outputs.keySet()) + " into "
                    + Path.of(project.getBuild().getDirectory()).relativize(classes.resolve("META-INF/native"))
                    + "/ (the main jar)");
        } else {
            NativeBundle.remove(classes);
        }
        if (attach) {
            for (Map.Entry<String, List<LinkedOutput>> entry : outputs.entrySet()) {
                attach(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Writes and attaches the classifier jar and the debug jar of one classifier's outputs. */
    private void attach(String classifier, List<LinkedOutput> outputs) throws IOException {
        if (outputs.isEmpty()) {
            return;
        }
        String base = project.getBuild().getFinalName() + "-" + classifier;
        Path directory = Path.of(project.getBuild().getDirectory());
        Path jar = directory.resolve(base + ".jar");
        NativeJar.write(jar, classifier, outputs, false);
        projectHelper.attachArtifact(project, "jar", classifier, jar.toFile());
        getLog().info("attached " + directory.relativize(jar) + " (classifier " + classifier + ")");
        if (outputs.stream().anyMatch(o -> o.debugFile().isPresent())) {
            Path debugJar = directory.resolve(base + "-debug.jar");
            NativeJar.write(debugJar, classifier, outputs, true);
            projectHelper.attachArtifact(project, "jar", classifier + "-debug", debugJar.toFile());
            getLog().info("attached " + directory.relativize(debugJar) + " (classifier " + classifier + "-debug)");
        }
    }
}
