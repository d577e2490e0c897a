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
import dev.crossbuild.nativebuild.PortabilityPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * in {@code process-classes}, so tests in the {@code test} phase can load the libraries. Every shared library and
 * executable goes through the portability gate ({@code <portability>}) after verification.
 */
@Mojo(name = "native-link", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class NativeLinkMojo extends AbstractBuildMojo {

    /** Attach the jars of outputs and debug files to the project (installed and deployed with it). */
    @Parameter(property = "cross.attach", defaultValue = "true")
    private boolean attach;

    /**
     * The portability gate: after verification, every shared library and executable is checked for what keeps it
     * from loading on its users' machines: symbol versions above {@code <maxGlibc>} / {@code <maxGlibcxx>}, needed
     * libraries beyond the host OS's system libraries, the module's own and {@code <allowedLibraries>}, MinGW runtime
     * DLLs, an executable stack, text relocations, run paths into the build folder. Problems are warnings, entries of
     * {@code outputs.json} and a column of the site report; {@code <enforce>true</enforce>} fails the build on them.
     * Every value is also a {@code cross.portability.*} property ({@code -Dcross.portability.maxGlibc=2.28},
     * {@code -Dcross.portability.enforce=true}). See {@link Portability}.
     */
    @Parameter
    private Portability portability;

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
        PortabilityPolicy policy = Portability.policy(portability, session.getUserProperties(),
                project.getProperties(), List.of(moduleDirectory(), Path.of(project.getBuild().getDirectory())));
        // Each classifier's jars are written under its lock with its link, so they hold exactly what was linked.
        List<Linked> linked = EachHost.run(layouts, AbstractBuildMojo::classifierOf, layout -> locked(layout, () -> {
            LinkResult result = new NativeLinker(runner, listener(layout)).link(new LinkRequest(layout,
                    setupState(layout), targets, strip, policy).withReproducible(reproducible));
            return new Linked(result.outputs(), attach ? writeJars(classifierOf(layout), result.outputs()) : List.of());
        }));
        Map<String, List<LinkedOutput>> outputs = new LinkedHashMap<>();
        for (int i = 0; i < layouts.size(); i++) {
            outputs.put(classifierOf(layouts.get(i)), linked.get(i).outputs());
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (bundle != null ? bundle : layouts.size() > 1) {
            lockedAll(layouts, () -> NativeBundle.write(classes, outputs));
            getLog().info("bundled the natives of " + String.join(", ", outputs.keySet()) + " into "
                    + Path.of(project.getBuild().getDirectory()).relativize(classes.resolve("META-INF/native"))
                    + "/ (the main jar)");
        } else {
            NativeBundle.remove(classes);
        }
        for (Linked one : linked) {
            for (Jar jar : one.jars()) {
                projectHelper.attachArtifact(project, "jar", jar.classifier(), jar.file().toFile());
                getLog().info("attached " + Path.of(project.getBuild().getDirectory()).relativize(jar.file())
                        + " (classifier " + jar.classifier() + ")");
            }
        }
    }

    /** One classifier's outputs and the jars written of them. */
    private record Linked(List<LinkedOutput> outputs, List<Jar> jars) {
    }

    private record Jar(String classifier, Path file) {
    }

    /** Writes the classifier jar and the debug jar of one classifier's outputs. */
    private List<Jar> writeJars(String classifier, List<LinkedOutput> outputs) throws IOException {
        if (outputs.isEmpty()) {
            return List.of();
        }
        String base = project.getBuild().getFinalName() + "-" + classifier;
        Path directory = Path.of(project.getBuild().getDirectory());
        List<Jar> jars = new ArrayList<>();
        Path jar = directory.resolve(base + ".jar");
        NativeJar.write(jar, classifier, outputs, false);
        jars.add(new Jar(classifier, jar));
        if (outputs.stream().anyMatch(o -> o.debugFile().isPresent())) {
            Path debugJar = directory.resolve(base + "-debug.jar");
            NativeJar.write(debugJar, classifier, outputs, true);
            jars.add(new Jar(classifier + "-debug", debugJar));
        }
        return jars;
    }
}
