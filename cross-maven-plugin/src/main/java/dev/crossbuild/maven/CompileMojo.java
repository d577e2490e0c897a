package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.BuildWatch;
import dev.crossbuild.nativebuild.CompileRequest;
import dev.crossbuild.nativebuild.JniInputs;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.NativeCompiler;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.SourcePathMap;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
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

    /** What this run built, for its stamp. */
    private transient Map<BuildLayout, SetupState> builtSetups = Map.of();
    private transient List<NativeTarget> builtTargets = List.of();
    private transient Optional<JniInputs> builtJni = Optional.empty();

    @Override
    protected String goal() {
        return "compile";
    }

    @Override
    protected boolean stamped() {
        return true;
    }

    @Override
    protected List<String> stampExtras() throws MojoExecutionException {
        return compileClasspath(); // which jars and folders the JNI headers' classes come from
    }

    @Override
    protected Optional<GoalStamp.Watch> watched() {
        if (builtTargets.isEmpty()) {
            return Optional.empty(); // nothing to compile costs nothing: no stamp
        }
        return withConventionalFolders(BuildWatch.compile(builtSetups, builtTargets, builtJni, multiTarget()));
    }

    @Override
    protected void run() throws CrossException, IOException, MojoExecutionException {
        List<NativeTarget> targets = targets();
        if (targets.isEmpty()) {
            getLog().info("No C or C++ sources (src/main/c, src/main/cpp) and no <libraries> or <executables>: nothing to compile");
            return;
        }
        Optional<JniInputs> jni = jniInputs(targets);
        Map<BuildLayout, SetupState> setups = new LinkedHashMap<>();
        for (BuildLayout layout : layouts()) {
            setups.put(layout, setupState(layout));
        }
        builtSetups = setups;
        builtTargets = targets;
        builtJni = jni;
        // Compiles may fill a compile farm's remote slots too; everything else stays within this machine's processors.
        JobSlots slots = jobSlots(List.copyOf(setups.values()), true);
        ProcessRunner runner = runner();
        ProcessRunner local = slots.limit(runner);
        ProcessRunner compiles = slots.limitCompiles(runner);
        if (!multiTarget()) {
            BuildLayout layout = setups.keySet().iterator().next();
            locked(layout, () -> new NativeCompiler(local, compiles, listener()).compile(new CompileRequest(layout,
                    setups.get(layout), targets, extraIncludes(layout), jni, slots.count(), moduleDirectory(),
                    sourcePaths())));
            return;
        }
        // Every target at once, its compiles and then its links sharing the cross.jobs slots with the others': a
        // target links as soon as its own objects are ready (native-link then finds it up to date and packs it).
        EachHost.run(List.copyOf(setups.keySet()), AbstractBuildMojo::classifierOf, layout -> locked(layout, () -> {
            SetupState setup = setups.get(layout);
            BuildListener log = listener(layout);
            new NativeCompiler(local, compiles, log).compile(new CompileRequest(layout, setup, targets,
                    extraIncludes(layout), jni, slots.count(), moduleDirectory(), sourcePaths()));
            return new NativeLinker(local, log).link(new LinkRequest(layout, setup, targets, strip)
                    .withReproducible(reproducible).in(moduleDirectory()));
        }));
    }

    /**
     * The folders the compilers map when the build is reproducible: the module, the build's root, the cross folder
     * and the JNI headers folder (the last two only matter when they are outside the module).
     */
    private SourcePathMap sourcePaths() {
        return reproducible ? SourcePathMap.of(moduleDirectory(), buildRoot(),
                List.of(crossDirectory.toPath(), jniHeadersDirectory.toPath())) : SourcePathMap.NONE;
    }

    private List<String> compileClasspath() throws MojoExecutionException {
        try {
            return project.getCompileClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the compile class path is not resolved: " + e.getMessage(), e);
        }
    }

    private Optional<JniInputs> jniInputs(List<NativeTarget> targets) throws MojoExecutionException {
        if (targets.stream().noneMatch(NativeTarget::jni)) {
            return Optional.empty();
        }
        List<Path> classpath = new ArrayList<>();
        for (String element : compileClasspath()) {
            classpath.add(Path.of(element));
        }
        Path javaHome = HostEnvironment.system().property("java.home").map(Path::of)
                .orElseThrow(() -> new MojoExecutionException("java.home is not set"));
        return Optional.of(new JniInputs(Path.of(project.getBuild().getOutputDirectory()), classpath, javaHome,
                jniHeadersDirectory.toPath()));
    }
}
