package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.hosts.HostTarget;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.setup.CheckedLibraries;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SourceLanguages;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the full diagnosis of the toolchain for the host machine of the cross files: every piece a build needs
 * (compilers, C runtime, libstdc++, linker, binutils, exe_wrapper ...), each found or missing with the exact remedy,
 * root causes first; and, when an {@code <executable>} has {@code <machine>build</machine>}, the build machine's
 * compilers for it (from the native files, else {@code cc}/{@code c++}), as setup does. Unlike {@code setup} it goes
 * through every check instead of stopping at the first problem, and it does not fail the build unless
 * {@code cross.doctor.failOnProblems} is set. With {@code cross.sysrootPackages} (or the cross file's
 * {@code sysroot_packages}) it diagnoses the build with that private sysroot, fetching it when the cache lacks it.
 * Runs without a project too:
 * {@code mvn dev.crossbuild:cross-maven-plugin:doctor -Dcross.file=linux-arm64.ini}.
 */
@Mojo(name = "doctor", requiresProject = false, threadSafe = true)
public class DoctorMojo extends AbstractBuildMojo {

    /** Fail the build when the diagnosis has a blocking problem (for CI jobs that only check a machine). */
    @Parameter(property = "cross.doctor.failOnProblems", defaultValue = "false")
    private boolean failOnProblems;

    /**
     * Target libraries to check as well, e.g. {@code zlib} (its header compiles and the compiler finds the library
     * for the host machine, with the package that installs it when not). The doctor has a check for zlib; for other
     * names it notes that pkg-config will look for them at build time. ({@code <libraries>} are the module's
     * native libraries, as for the other goals.)
     */
    @Parameter(property = "cross.doctor.libraries")
    private List<String> doctorLibraries;

    @Override
    protected String goal() {
        return "doctor";
    }

    @Override
    protected void run() throws CrossException, MojoFailureException {
        List<NativeTarget> targets = targets();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        languages.addAll(SourceLanguages.scan(testSourceDirectories()));
        languages.addAll(SourceLanguages.of(targets, MachineRole.HOST));
        if (languages.isEmpty()) {
            languages.addAll(EnumSet.allOf(Language.class));
        }
        Set<Language> buildLanguages = SourceLanguages.ofBuildMachineTools(targets);
        // As setup does: a dependency the doctor has a check for (zlib) is checked, and so is any library named here.
        Set<String> libraries = new TreeSet<>(orEmpty(doctorLibraries));
        libraries.addAll(CheckedLibraries.of(targets));
        LauncherRequest launchers = launcherRequest();
        List<String> notReady = new ArrayList<>();
        for (HostTarget host : hostTargets()) {
            String prefix = multiTarget() ? "[" + host.spec() + "] " : "";
            Diagnosis diagnosis;
            try {
                diagnosis = new CrossSetup(HostEnvironment.system(), runner()).diagnose(host.crossFiles(),
                        orEmpty(nativeFiles), searchFirst(), Optional.of(buildRoot()),
                        new DoctorRequest(languages, strip, libraries), buildLanguages, launchers,
                        sysrootSettings(line -> getLog().info(prefix + line)));
            } catch (IOException e) {
                throw new MojoFailureException(prefix + "cannot provide the private sysroot: " + e.getMessage(), e);
            }
            for (String line : diagnosis.render()) {
                if (line.startsWith("[OK]") || line.startsWith("Ready")) {
                    getLog().info(prefix + line);
                } else {
                    getLog().warn(prefix + line);
                }
            }
            if (!diagnosis.ready()) {
                notReady.add(prefix + String.join("\n" + prefix, diagnosis.render()));
            }
        }
        if (failOnProblems && !notReady.isEmpty()) {
            throw new MojoFailureException("The toolchain is not ready:\n" + String.join("\n", notReady));
        }
    }
}
