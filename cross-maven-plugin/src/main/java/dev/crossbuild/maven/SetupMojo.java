package dev.crossbuild.maven;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.hosts.EachHost;
import dev.crossbuild.hosts.HostClassifiers;
import dev.crossbuild.hosts.HostTarget;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.setup.CheckedLibraries;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
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
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads the cross and native files, resolves the build, host and target machines, and, when the module has C or
 * C++ sources or compiler checks, detects and confirms the host toolchain (and the build machine's, when an
 * {@code <executable>} has {@code <machine>build</machine>}), runs the doctor (failing the build on a
 * blocking problem, with the remedies) and the compiler checks. Writes {@code target/cross/<classifier>/setup.json}
 * and {@code include/cross_config.h}, and sets the {@code cross.*} project properties. A second run with nothing
 * changed reuses the toolchain and the checks without running a compiler.
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

    @Override
    protected String goal() {
        return "setup";
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
                orEmpty(nativeFiles), searchFirst(), Optional.of(buildRoot())).machines().host());
        if (!multiTarget()) {
            BuildLayout layout = new BuildLayout(crossDirectory.toPath().resolve(classifiers.get(0)));
            locked(layout, () -> {
                SetupResult result = setUp(setup, hosts.get(0), Optional.of(classifiers.get(0)), toolchain, listener());
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
                        toolchain, BuildListener.prefixed(listener(), "[" + classifiers.get(i) + "] "))));
        project.getProperties().setProperty(CLASSIFIERS_PROPERTY, String.join(",", classifiers));
        getLog().info("set up " + hosts.size() + " targets: " + String.join(", ", classifiers));
    }

    /** Sets up one host machine and logs what it resolved: its warnings and summary, together. */
    private SetupResult setUp(CrossSetup setup, HostTarget host, Optional<String> classifier, ToolchainRequest toolchain,
                              BuildListener log) throws CrossException, IOException {
        SetupRequest request = new SetupRequest(host.crossFiles(), orEmpty(nativeFiles), searchFirst(),
                crossDirectory.toPath(), classifier, Optional.of(buildRoot()), toolchain);
        SetupResult result;
        try {
            result = setup.run(request);
        } catch (ToolchainNotReadyException e) {
            synchronized (this) {
                e.result().summary().forEach(log::info); // what setup resolved, before the problems
            }
            throw e;
        }
        synchronized (this) {
            for (CrossFileWarning warning : result.environment().warnings()) {
                log.warn(warning.toString());
            }
            result.summary().forEach(log::info);
        }
        return result;
    }

    private ToolchainRequest toolchainRequest() throws ParameterException {
        LauncherRequest launchers = launcherRequest();
        List<NativeTarget> targets = targets();
        // The conventional folders and the host targets' own, each walked once (they are often the same).
        List<Path> scanned = new ArrayList<>(nativeSourceDirectories());
        for (Path directory : sourceDirectories(targets, MachineRole.HOST)) {
            if (!scanned.contains(directory)) {
                scanned.add(directory);
            }
        }
        Set<Language> languages = EnumSet.noneOf(Language.class);
        languages.addAll(SourceLanguages.scan(scanned));
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
                    SourceLanguages.ofBuildMachineTools(targets)).withLaunchers(launchers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("<checks>", "<checks>: " + e.getMessage(), e);
        }
    }

    private static List<Path> sourceDirectories(List<NativeTarget> targets, MachineRole machine) {
        return targets.stream().filter(t -> t.machine() == machine)
                .flatMap(t -> t.sourceDirectories().stream()).distinct().toList();
    }
}
