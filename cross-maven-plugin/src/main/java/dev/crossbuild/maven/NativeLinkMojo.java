package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildWatch;
import dev.crossbuild.nativebuild.LinkAndPackage;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.LinkedOutput;
import dev.crossbuild.nativebuild.NativeBundle;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.PortabilityPolicy;
import dev.crossbuild.nativebuild.SetupState;
import java.io.File;
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
 * executable goes through the portability gate ({@code <portability>}) after verification. The shared libraries of
 * the module's native dependencies that its outputs need are packed into the jars with them; with
 * {@code <publicHeaders>} (or {@code <devArtifact>}) a development artifact {@code <classifier>-dev} is attached for
 * other modules to build against.
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

    /**
     * A folder of headers other modules include to use this module's libraries, e.g. {@code src/main/include}: its
     * tree becomes {@code include/} of the development artifact native-link attaches per classifier
     * ({@code <classifier>-dev}, a zip with the headers, the libraries and a {@code .pc} file per library), which
     * other modules name in their {@code <nativeDependencies>}. Setting it turns {@code devArtifact} on.
     */
    @Parameter(property = "cross.publicHeaders")
    private File publicHeaders;

    /**
     * Attach the development artifact ({@code <finalName>-<classifier>-dev.zip}, classifier {@code <classifier>-dev})
     * of each classifier: {@code include/} from {@code publicHeaders}, the libraries in {@code lib/} (DLLs in
     * {@code bin/}), {@code lib/pkgconfig/<library>.pc}, and a manifest. Default: on when {@code publicHeaders} is
     * set; {@code true} attaches one without headers, {@code false} none. Needs {@code attach}. See the "Target
     * libraries" page.
     */
    @Parameter(property = "cross.devArtifact")
    private Boolean devArtifact;

    // @Component is deprecated in favour of JSR-330 @Inject, which Maven 3.8.7's sisu does not reliably honour in
    // Java 17 class files (shared/spec/maven-stack.md P1); the Plexus requirement in plugin.xml works on every Maven.
    @SuppressWarnings("deprecation")
    @Component
    private MavenProjectHelper projectHelper;

    /** What this run linked and wrote, for its stamp. */
    private final transient Map<BuildLayout, SetupState> linkedSetups = new LinkedHashMap<>();
    private transient List<NativeTarget> linkedTargets = List.of();
    private final transient List<Path> written = new ArrayList<>();

    @Override
    protected String goal() {
        return "native-link";
    }

    @Override
    protected boolean stamped() {
        return true;
    }

    @Override
    protected synchronized Optional<GoalStamp.Watch> watched() {
        if (linkedTargets.isEmpty()) {
            return Optional.empty(); // nothing to link costs nothing: no stamp
        }
        return withConventionalFolders(BuildWatch.link(linkedSetups, linkedTargets,
                Path.of(project.getBuild().getOutputDirectory()).resolve(NativeBundle.FOLDER), written));
    }

    @Override
    protected void replay(Effects.Effect effect) throws CrossException {
        if (!(effect instanceof Effects.Attachment jar)) {
            super.replay(effect);
            return;
        }
        projectHelper.attachArtifact(project, jar.type(), jar.classifier(), jar.file());
        getLog().info("attached " + Path.of(project.getBuild().getDirectory()).relativize(jar.file().toPath())
                + " (classifier " + jar.classifier() + ")");
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
        boolean dev = attach && (devArtifact != null ? devArtifact : publicHeaders != null)
                && targets.stream().anyMatch(t -> t.isLibrary() && t.machine() == MachineRole.HOST);
        Optional<LinkAndPackage.Attach> attached = attach ? Optional.of(new LinkAndPackage.Attach(
                Path.of(project.getBuild().getDirectory()), project.getBuild().getFinalName(), project.getGroupId()
                + ":" + project.getArtifactId() + ":" + project.getVersion(), project.getVersion(),
                Optional.ofNullable(publicHeaders).map(f -> f.toPath().toAbsolutePath().normalize()), dev))
                : Optional.empty();
        List<LinkAndPackage.Result> linked = EachHost.run(layouts, AbstractBuildMojo::classifierOf,
                layout -> locked(layout, () -> {
                    SetupState setup = setupState(layout);
                    synchronized (this) {
                        linkedSetups.put(layout, setup);
                    }
                    return LinkAndPackage.run(new NativeLinker(runner, listener(layout)), new LinkRequest(layout,
                            setup, targets, strip, policy).withReproducible(reproducible).in(moduleDirectory()),
                            classifierOf(layout), attached);
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
        linkedTargets = targets;
        for (LinkAndPackage.Result one : linked) {
            for (LinkAndPackage.Artifact artifact : one.artifacts()) {
                written.add(artifact.file());
                projectHelper.attachArtifact(project, artifact.type(), artifact.classifier(), artifact.file().toFile());
                getLog().info("attached " + Path.of(project.getBuild().getDirectory()).relativize(artifact.file())
                        + " (classifier " + artifact.classifier() + ")");
            }
        }
    }
}
