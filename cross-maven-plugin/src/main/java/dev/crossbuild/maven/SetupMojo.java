package dev.crossbuild.maven;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.crossfile.OptionOverride;
import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.hosts.HostClassifiers;
import dev.crossbuild.hosts.HostTarget;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.ResolvedDevArtifact;
import dev.crossbuild.setup.CheckedLibraries;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
import dev.crossbuild.setup.SetupWatch;
import dev.crossbuild.setup.SourceLanguages;
import dev.crossbuild.setup.ToolchainNotReadyException;
import dev.crossbuild.setup.ToolchainRequest;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Reads the cross and native files, resolves the build, host and target machines, and, when the module has C or
 * C++ sources or compiler checks, detects and confirms the host toolchain (and the build machine's, when an
 * {@code <executable>} has {@code <machine>build</machine>}), runs the doctor (failing the build on a
 * blocking problem, with the remedies) and the compiler checks. Writes {@code target/cross/<classifier>/setup.json}
 * and {@code include/cross_config.h}, and sets the {@code cross.*} project properties. A second run with nothing
 * changed reuses the toolchain and the checks without running a compiler. Resolves Meson's built-in options
 * ({@code buildtype} ...: the cross file's {@code [built-in options]}, then the parameters below, which win) that
 * compile and native-link build with, and fails on a clash of target names or output files. Finds and unpacks the
 * development artifacts of {@code <nativeDependencies>} before the toolchain is checked.
 */
@Mojo(name = "setup", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class SetupMojo extends AbstractBuildMojo {

    /** Compiler checks to answer for the host machine; see {@link Checks}. */
    @Parameter
    private Checks checks;

    /**
     * Home of a JDK or JRE for the host machine (e.g. the aarch64 JRE that {@code scripts/install-toolchains.sh
     * --with-arm64-jre} unpacks). When set, setup writes {@code target/cross/<classifier>/jvm/bin/java}, a launcher
     * running that JVM through the cross file's exe_wrapper, sets the {@code jvm} property to it (Surefire's
     * {@code <jvm>}) and appends {@code -Djava.library.path=target/cross/<classifier>/lib} to {@code argLine}, so
     * the module's tests run on the emulated host machine and load the cross-built JNI libraries.
     */
    @Parameter(property = "cross.targetJava")
    private File targetJava;

    /**
     * Meson's {@code buildtype}: {@code plain} (no flags), {@code debug} ({@code -O0 -g}), {@code debugoptimized}
     * ({@code -O2 -g}, the default: the outputs are stripped and their debug information kept in separate files),
     * {@code release} ({@code -O3}, and {@code -Wl,-O1} at link), {@code minsize} ({@code -Os -g}, clang
     * {@code -Oz}), {@code custom} (only {@code optimization} and {@code debug}). Wins over the cross file's
     * {@code [built-in options] buildtype}, like the other option parameters below; setup resolves them and records
     * them in {@code setup.json}.
     */
    @Parameter(property = "cross.buildtype")
    private String buildType;

    /** Meson's {@code optimization}: {@code plain}, {@code 0}, {@code g}, {@code 1}, {@code 2}, {@code 3}, {@code s} ({@code -O<level>}); wins over the buildtype's. */
    @Parameter(property = "cross.optimization")
    private String optimization;

    /** Meson's {@code debug}: {@code true} compiles with {@code -g}; wins over the buildtype's. */
    @Parameter(property = "cross.debug")
    private String debug;

    /**
     * Meson's {@code b_ndebug}: {@code true} compiles with {@code -DNDEBUG} (asserts off), {@code if-release} only
     * with buildtype {@code release} or {@code plain}, {@code false} (default) never.
     */
    @Parameter(property = "cross.ndebug")
    private String ndebug;

    /**
     * Meson's {@code warning_level}: {@code 0} none, {@code 1} {@code -Wall -Winvalid-pch} (default), {@code 2} and
     * {@code -Wextra}, {@code 3} and {@code -Wpedantic}, {@code everything} (clang {@code -Weverything}; gcc every
     * general warning it has).
     */
    @Parameter(property = "cross.warningLevel")
    private String warningLevel;

    /** Meson's {@code werror}: {@code true} compiles with {@code -Werror}. */
    @Parameter(property = "cross.werror")
    private String werror;

    /** Meson's {@code c_std}: {@code -std=} for C ({@code c99}, {@code c11}, {@code gnu17} ...); {@code none}: the compiler's default. */
    @Parameter(property = "cross.cStd")
    private String cStd;

    /** Meson's {@code cpp_std}: {@code -std=} for C++ ({@code c++17}, {@code gnu++20} ...); {@code none}: the compiler's default. */
    @Parameter(property = "cross.cppStd")
    private String cppStd;

    /** Meson's {@code b_lto}: {@code true} compiles and links with link-time optimisation ({@code -flto}). */
    @Parameter(property = "cross.lto")
    private String lto;

    /** Meson's {@code b_pie}: {@code true} builds executables position-independent ({@code -fPIE}, {@code -pie}). */
    @Parameter(property = "cross.pie")
    private String pie;

    /**
     * Meson's {@code b_staticpic}: {@code true} (default) compiles static libraries with {@code -fPIC}, so they can be
     * linked into shared (JNI) libraries.
     */
    @Parameter(property = "cross.staticPic")
    private String staticPic;

    /**
     * Meson's {@code b_lundef}: {@code true} (default) links with {@code -Wl,--no-undefined} on ELF (darwin:
     * {@code -Wl,-undefined,error}), so a shared library that uses a symbol none of its libraries defines fails at
     * link time, not when it is loaded. {@code false} for libraries that leave symbols for the program loading them.
     */
    @Parameter(property = "cross.noUndefined")
    private String noUndefined;

    /**
     * Meson's {@code b_asneeded}: {@code true} (default) links ELF outputs with {@code -Wl,--as-needed} (darwin:
     * {@code -Wl,-dead_strip_dylibs}), so a library that none of an output's code uses is not among what it needs at
     * load time. {@code false} adds nothing, as in Meson: the toolchain's own default applies (Debian's gcc links
     * {@code --as-needed} by itself, clang records every library on the link line).
     */
    @Parameter(property = "cross.asNeeded")
    private String asNeeded;

    /**
     * Other modules whose libraries this module's code links against, as {@code groupId:artifactId:version}; each
     * must attach a development artifact per classifier (native-link's {@code <publicHeaders>} or
     * {@code <devArtifact>}). For each target, setup takes the one of that target's classifier
     * ({@code <classifier>-dev}, type {@code zip}): from this build when the module is in it (Maven must build it
     * first: declare it as a {@code <dependency>}), else from the local repository and the project's remote
     * repositories (offline: the local one). It unpacks it under {@code target/cross/<classifier>/deps/<artifactId>/}
     * (again only when it changed) and puts its {@code lib/pkgconfig} on pkg-config's path, so a
     * {@code <dependency>} of a target names its libraries as pkg-config names them; the native tests find its shared
     * libraries, and native-link packs those the outputs need into this module's jars. On the command line:
     * {@code -Dcross.nativeDependencies=com.example:codec:1.0,...}. See the "Target libraries" page.
     */
    @Parameter(property = "cross.nativeDependencies")
    private List<String> nativeDependencies;

    /**
     * The folder where setup remembers each target's detected and diagnosed toolchain, so that the next setup, also
     * after {@code mvn clean}, runs no compiler to find it again while the machine files, {@code PATH}, what the module
     * needs and the toolchain's programs (size and modification time) are the same. One small file per module and
     * target; files unused for 30 days are deleted. Default: {@code $XDG_CACHE_HOME/cross/toolchains}, else
     * {@code ~/.cache/cross/toolchains}. A folder under {@code target/} makes {@code mvn clean} forget it.
     */
    @Parameter(property = "cross.toolchainCache")
    private File toolchainCache;

    // @Component is deprecated in favour of JSR-330 @Inject, which Maven 3.8.7's sisu does not reliably honour in
    // Java 17 class files (shared/spec/maven-stack.md P1); the Plexus requirement in plugin.xml works on every Maven.
    @SuppressWarnings("deprecation")
    @Component
    private RepositorySystem repositorySystem;

    /** What each target's setup depends on, for the stamp: empty for a target that a stamp cannot watch. */
    private final transient List<Optional<GoalStamp.Watch>> watches = new ArrayList<>();

    @Override
    protected String goal() {
        return "setup";
    }

    @Override
    protected boolean stamped() {
        return true;
    }

    @Override
    protected synchronized Optional<GoalStamp.Watch> watched() {
        if (targetJava != null || watches.isEmpty() || watches.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty(); // the target JVM's launcher and argLine: written and set anew each time
        }
        List<GoalStamp.Watch> each = watches.stream().map(Optional::get).toList();
        return withConventionalFolders(Optional.of(GoalStamp.Watch.of(each)));
    }

    @Override
    protected void run() throws CrossException, IOException, MojoExecutionException {
        List<HostTarget> hosts = hostTargets();
        ToolchainRequest toolchain = toolchainRequest();
        if (multiTarget() && targetJava != null) {
            throw new ParameterException("cross.targetJava", "cross.targetJava runs the module's Java tests on one "
                    + "emulated host machine; with cross.targets (" + hosts.size() + " targets) build that target "
                    + "alone with cross.file to run them there");
        }
        // Several setups at once: detection, the doctor and the checks run compilers here, at most cross.jobs together
        // (and no more than the processors).
        CrossSetup setup = new CrossSetup(HostEnvironment.system(), JobSlots.of(localJobs()).limit(runner()));
        // Each classifier is known before its setup runs: its folder is locked while setup writes into it.
        List<String> classifiers = HostClassifiers.assign(hosts, host -> setup.load(host.crossFiles(),
                orEmpty(nativeFiles), searchFirst(), Optional.of(buildRoot())).hostClassifier());
        // Every target's native dependencies are found before any setup runs: a missing one fails the build at once.
        List<List<ResolvedDevArtifact>> dependencies = resolveNativeDependencies(classifiers);
        if (!multiTarget()) {
            BuildLayout layout = new BuildLayout(crossDirectory.toPath().resolve(classifiers.get(0)));
            locked(layout, () -> {
                SetupResult result = setUp(setup, hosts.get(0), Optional.of(classifiers.get(0)), toolchain,
                        dependencies.get(0), listener());
                result.projectProperties().forEach(project.getProperties()::setProperty);
                if (targetJava != null) {
                    TargetJvmStep.run(targetJava.toPath(), result, project, session, getLog());
                }
                return result;
            });
            return;
        }
        List<Integer> indices = IntStream.range(0, hosts.size()).boxed().toList();
        EachHost.run(indices, classifiers::get, i -> locked(new BuildLayout(crossDirectory.toPath()
                .resolve(classifiers.get(i))), () -> setUp(setup, hosts.get(i), Optional.of(classifiers.get(i)),
                        toolchain, dependencies.get(i), BuildListener.prefixed(listener(),
                                "[" + classifiers.get(i) + "] "))));
        project.getProperties().setProperty(CLASSIFIERS_PROPERTY, String.join(",", classifiers));
        getLog().info("set up " + hosts.size() + " targets: " + String.join(", ", classifiers));
    }

    /** The development artifacts of {@code nativeDependencies} for each classifier, in the classifiers' order. */
    private List<List<ResolvedDevArtifact>> resolveNativeDependencies(List<String> classifiers) throws CrossException {
        List<NativeDependencyResolver.Coordinates> coordinates = new ArrayList<>();
        for (String dependency : orEmpty(nativeDependencies)) {
            coordinates.add(NativeDependencyResolver.Coordinates.parse(dependency));
        }
        List<List<ResolvedDevArtifact>> resolved = new ArrayList<>();
        NativeDependencyResolver resolver = new NativeDependencyResolver(session, project, repositorySystem);
        for (String classifier : classifiers) {
            resolved.add(coordinates.isEmpty() ? List.of() : resolver.resolve(coordinates, classifier));
        }
        return resolved;
    }

    /** Sets up one host machine and logs what it resolved: its warnings and summary, together. */
    private SetupResult setUp(CrossSetup setup, HostTarget host, Optional<String> classifier, ToolchainRequest toolchain,
                              List<ResolvedDevArtifact> dependencies, BuildListener log)
            throws CrossException, IOException {
        SetupRequest request = new SetupRequest(host.crossFiles(), orEmpty(nativeFiles), searchFirst(),
                crossDirectory.toPath(), classifier, Optional.of(buildRoot()), toolchain, sysrootSettings(log::info),
                optionOverrides(), targets(), dependencies);
        SetupResult result;
        try {
            result = setup.run(request);
        } catch (ToolchainNotReadyException e) {
            synchronized (this) {
                e.result().summary().forEach(log::info); // what setup resolved, before the problems
            }
            throw e;
        }
        Optional<GoalStamp.Watch> watch = SetupWatch.of(request, result, testSourceDirectories(),
                HostEnvironment.system());
        synchronized (this) {
            for (CrossFileWarning warning : result.environment().warnings()) {
                log.warn(warning.toString());
            }
            result.summary().forEach(log::info);
            watches.add(watch);
        }
        return result;
    }

    /** The built-in options the POM sets (they win over the machine files'), checked. */
    private List<OptionOverride> optionOverrides() throws ParameterException {
        List<OptionOverride> overrides = new ArrayList<>();
        add(overrides, BuiltInOptions.BUILDTYPE, buildType, "buildType", "cross.buildtype");
        add(overrides, BuiltInOptions.OPTIMIZATION, optimization, "optimization", "cross.optimization");
        add(overrides, BuiltInOptions.DEBUG, debug, "debug", "cross.debug");
        add(overrides, BuiltInOptions.B_NDEBUG, ndebug, "ndebug", "cross.ndebug");
        add(overrides, BuiltInOptions.WARNING_LEVEL, warningLevel, "warningLevel", "cross.warningLevel");
        add(overrides, BuiltInOptions.WERROR, werror, "werror", "cross.werror");
        add(overrides, BuiltInOptions.C_STD, cStd, "cStd", "cross.cStd");
        add(overrides, BuiltInOptions.CPP_STD, cppStd, "cppStd", "cross.cppStd");
        add(overrides, BuiltInOptions.B_LTO, lto, "lto", "cross.lto");
        add(overrides, BuiltInOptions.B_PIE, pie, "pie", "cross.pie");
        add(overrides, BuiltInOptions.B_STATICPIC, staticPic, "staticPic", "cross.staticPic");
        add(overrides, BuiltInOptions.B_LUNDEF, noUndefined, "noUndefined", "cross.noUndefined");
        add(overrides, BuiltInOptions.B_ASNEEDED, asNeeded, "asNeeded", "cross.asNeeded");
        return overrides;
    }

    private static void add(List<OptionOverride> overrides, String key, String value, String element,
                            String property) throws ParameterException {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            overrides.add(OptionOverride.of(key, value, "<" + element + ">"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(property, e.getMessage() + " (Meson's " + key + ", also -D" + property
                    + "=...)", e);
        }
    }

    /**
     * What setup checks of the toolchain: the compilers for the languages of the sources the host targets compile
     * (their folders filtered by their includes and excludes) and of the test programs, the libraries and checks.
     */
    ToolchainRequest toolchainRequest() throws ParameterException {
        LauncherRequest launchers = launcherRequest();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        languages.addAll(SourceLanguages.scan(testSourceDirectories()));
        List<NativeTarget> targets = targets();
        languages.addAll(SourceLanguages.of(targets, MachineRole.HOST));
        boolean hasChecks = checks != null && !checks.isEmpty();
        boolean hostTargets = targets.stream().anyMatch(t -> t.machine() == MachineRole.HOST);
        // A target whose sources are all generated has no source to scan yet: C is what generators write most.
        if ((hasChecks || hostTargets) && languages.isEmpty()) {
            languages.add(Language.C);
        }
        try {
            // The doctor checks a dependency it knows (zlib) at setup, before pkg-config fails on it in native-link.
            return new ToolchainRequest(languages, strip, CheckedLibraries.of(targets),
                    hasChecks ? checks.toRequest() : CheckRequest.empty(),
                    SourceLanguages.ofBuildMachineTools(targets)).withLaunchers(launchers)
                    .withCacheFolder(toolchainCache != null ? toolchainCache.toPath().toAbsolutePath().normalize()
                            : HostEnvironment.system().userCacheFolder().resolve("toolchains"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("<checks>", "<checks>: " + e.getMessage(), e);
        }
    }
}
