package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.machine.MachineRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks every piece a build for the host machine needs and says, for each, what was found or the exact remedy.
 * Findings come root causes first: the operating-system combination, the compilers, the sysroot, the C runtime
 * (start files, libc, libgcc), libstdc++, a test link per compiler, the binutils, zlib, the exe_wrapper. A check that
 * needs a compiler that is missing is not run; a failure that follows from an earlier finding points at it
 * ({@link Finding#causedBy()}) instead of repeating its remedy, so one missing package gives one remedy.
 */
public final class Doctor {

    private final ProcessRunner runner;
    private final HostEnvironment environment;
    private final ProgramFinder finder;

    public Doctor(ProcessRunner runner, HostEnvironment environment) {
        this.runner = runner;
        this.environment = environment;
        this.finder = new ProgramFinder(environment);
    }

    /** Detects the host toolchain and diagnoses it. */
    public Diagnosis diagnose(CrossEnvironment crossEnvironment, DoctorRequest request) {
        Detection detection = new ToolchainDetector(runner, environment)
                .detect(crossEnvironment, MachineRole.HOST, request.languages());
        return diagnose(crossEnvironment, request, detection);
    }

    /** Diagnoses a host toolchain detected before (the setup goal detects once and uses the result twice). */
    public Diagnosis diagnose(CrossEnvironment crossEnvironment, DoctorRequest request, Detection detection) {
        MachineSetup setup = MachineSetup.of(crossEnvironment, MachineRole.HOST, environment);
        List<Finding> findings = new ArrayList<>();
        Optional<Finding> crossOs = CrossOsCheck.check(setup);
        if (crossOs.isPresent() && crossOs.get().blocking()) {
            findings.add(crossOs.get());
            detection.findings().forEach(f -> findings.add(f.isOk() ? f : f.causedBy(crossOs.get())));
            return new Diagnosis(findings);
        }
        crossOs.ifPresent(findings::add);
        detection.findings().stream().filter(f -> !f.id().startsWith("tool.")).forEach(findings::add);
        Optional<Toolchain> toolchain = detection.toolchain();
        Optional<Compiler> c = toolchain.flatMap(t -> t.compiler(Language.C));
        Optional<Compiler> cpp = toolchain.flatMap(t -> t.compiler(Language.CPP));
        List<Compiler> compilers = Stream.of(c, cpp).flatMap(Optional::stream).toList();
        List<Finding> sysroot = SysrootCheck.check(setup, compilers);
        findings.addAll(sysroot);

        Path directory;
        try {
            directory = Files.createTempDirectory("cross-doctor-");
        } catch (IOException e) {
            findings.add(Finding.error("workspace", "temporary directory", "cannot create one for the test "
                    + "programs: " + e.getMessage(), Optional.of("make java.io.tmpdir writable")));
            return new Diagnosis(findings);
        }
        try {
            findings.addAll(compilerChecks(setup, c, cpp, sysroot, directory));
            findings.addAll(toolFindings(detection, request));
            findings.addAll(libraries(setup, request, c.or(() -> cpp), directory));
        } finally {
            FileTrees.deleteQuietly(directory);
        }
        findings.add(ExeWrapperCheck.check(crossEnvironment, setup, finder));
        return new Diagnosis(findings);
    }

    private List<Finding> compilerChecks(MachineSetup setup, Optional<Compiler> c,
            Optional<Compiler> cpp, List<Finding> sysroot, Path directory) {
        CompilerQueries queries = new CompilerQueries(runner, setup);
        LibraryChecks libraries = new LibraryChecks(queries, setup);
        List<Finding> findings = new ArrayList<>();
        List<Finding> runtime = c.or(() -> cpp).map(libraries::cRuntime).orElse(List.of());
        findings.addAll(runtime);
        Optional<Finding> stdcxx = cpp.map(libraries::libstdcxx);
        stdcxx.ifPresent(findings::add);
        Optional<Finding> cRoot = Stream.concat(sysroot.stream(), runtime.stream())
                .filter(f -> f.blocking() && f.isRootProblem()).findFirst();
        Optional<Finding> cppRoot = cRoot.or(() -> stdcxx.filter(Finding::isRootProblem));
        LinkCheck link = new LinkCheck(queries, setup, finder);
        c.ifPresent(compiler -> findings.add(link.check(compiler, directory, cRoot)));
        cpp.ifPresent(compiler -> findings.add(link.check(compiler, directory, cppRoot)));
        return findings;
    }

    /** zlib when requested (and a compiler can be asked); a note for libraries the doctor cannot check. */
    private List<Finding> libraries(MachineSetup setup, DoctorRequest request, Optional<Compiler> compiler,
            Path directory) {
        List<Finding> findings = new ArrayList<>();
        for (String library : request.libraries().stream().sorted().toList()) {
            if (!library.equals(DoctorRequest.ZLIB)) {
                findings.add(Finding.warning("library." + library, library, "the doctor has no check for this "
                        + "library; the build looks for it with pkg-config", Optional.empty()));
            } else if (compiler.isPresent()) {
                findings.add(new LibraryChecks(new CompilerQueries(runner, setup), setup)
                        .zlib(compiler.get(), directory));
            }
        }
        return findings;
    }

    /** Binutils as detected; strip and objcopy block only when the build strips. */
    private static List<Finding> toolFindings(Detection detection, DoctorRequest request) {
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : detection.findings()) {
            if (!finding.id().startsWith("tool.")) {
                continue;
            }
            boolean stripping = ToolFindings.STRIPPING.stream().anyMatch(k -> finding.id().equals(ToolFindings.id(k)));
            if (stripping && request.strip()) {
                findings.add(finding.blockingUnlessOk());
            } else if (stripping && !finding.isOk()) {
                findings.add(new Finding(finding.id(), Finding.Status.WARNING, finding.subject(), finding.detail()
                        + "; not needed while stripping is off", finding.remedy(), false, finding.causedBy()));
            } else {
                findings.add(finding);
            }
        }
        return findings;
    }
}
