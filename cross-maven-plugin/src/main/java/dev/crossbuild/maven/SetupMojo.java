package dev.crossbuild.maven;

import dev.crossbuild.checks.CheckException;
import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.setup.CheckedLibraries;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
import dev.crossbuild.setup.SourceLanguages;
import dev.crossbuild.setup.ToolchainNotReadyException;
import dev.crossbuild.setup.ToolchainRequest;
import dev.crossbuild.toolchain.Language;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
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
    protected void run() throws MojoExecutionException, MojoFailureException {
        SetupRequest request = new SetupRequest(
                orEmpty(crossFiles),
                orEmpty(nativeFiles),
                searchFirst(),
                crossDirectory.toPath(),
                Optional.ofNullable(classifier).map(String::trim).filter(c -> !c.isEmpty()),
                Optional.of(buildRoot()),
                toolchainRequest());
        SetupResult result;
        try {
            result = new CrossSetup(HostEnvironment.system(), runner()).run(request);
        } catch (CrossFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (ToolchainNotReadyException e) {
            e.result().summary().forEach(getLog()::info);
            throw new MojoFailureException(e.getMessage() + "\nRun 'mvn cross:doctor' for the full diagnosis.", e);
        } catch (CheckException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + crossDirectory + ": " + e.getMessage(), e);
        }
        for (CrossFileWarning warning : result.environment().warnings()) {
            getLog().warn(warning.toString());
        }
        result.summary().forEach(getLog()::info);
        result.projectProperties().forEach(project.getProperties()::setProperty);
        if (targetJava != null) {
            TargetJvmStep.run(targetJava.toPath(), result, project, session, getLog());
        }
    }

    private ToolchainRequest toolchainRequest() throws MojoFailureException {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        languages.addAll(SourceLanguages.scan(nativeSourceDirectories()));
        List<NativeTarget> targets = targets();
        languages.addAll(SourceLanguages.scan(sourceDirectories(targets, MachineRole.HOST)));
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
                    SourceLanguages.ofBuildMachineTools(targets));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<checks>: " + e.getMessage(), e);
        }
    }

    private static List<Path> sourceDirectories(List<NativeTarget> targets, MachineRole machine) {
        return targets.stream().filter(t -> t.machine() == machine)
                .flatMap(t -> t.sourceDirectories().stream()).distinct().toList();
    }
}
