package dev.crossbuild.toolchain;

import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.Aliases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, identifies and confirms the compiler of one language for one machine: candidates -> probe -> confirm.
 * The outcome is the compiler (when it can be used) and the findings that say what happened, each naming the
 * {@code [binaries]} entry (file:line) or the convention it came from.
 */
final class CompilerLocator {

    /** A compiler that can be used (confirmed, or of a target we cannot read), and the findings about it. */
    record Outcome(Optional<Compiler> compiler, List<Finding> findings) {
    }

    private final ProgramFinder finder;
    private final CompilerProbe probe;

    CompilerLocator(ProgramFinder finder, CompilerProbe probe) {
        this.finder = finder;
        this.probe = probe;
    }

    static String findingId(Language language) {
        return "compiler." + language.binaryKey();
    }

    static String subject(Language language) {
        return language.displayName() + " compiler";
    }

    Outcome locate(MachineSetup setup, Language language) {
        Optional<List<String>> given = setup.binary(language.binaryKey());
        return given.isPresent() ? fromBinaries(setup, language, given.get()) : byConvention(setup, language);
    }

    private Outcome fromBinaries(MachineSetup setup, Language language, List<String> argv) {
        String key = language.binaryKey();
        String origin = setup.binaryOrigin(key);
        String id = findingId(language);
        String subject = subject(language);
        DebianPackages packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
        List<Finding> findings = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        int launcherLength = Launchers.launcherLength(argv);
        if (launcherLength == argv.size()) {
            return failed(Finding.error(id, subject, "[binaries] " + key + " (" + origin + ") names the compiler "
                    + "launcher " + argv.get(0) + " but no compiler after it", Optional.of("write " + key + " = ['"
                    + argv.get(0) + "', '<compiler>'] at " + setup.fileToEdit("binaries", key))));
        }
        if (launcherLength == 2 && !Launchers.passesMissesOn(argv.get(0))) {
            return failed(Finding.error(id, subject, "[binaries] " + key + " (" + origin + ") puts " + argv.get(0)
                    + " before " + argv.get(1) + ", but only ccache can hand its misses to a distributor (through "
                    + "CCACHE_PREFIX)", Optional.of("write " + key + " = ['ccache', '" + argv.get(1) + "', ...] or drop "
                    + argv.get(0) + " at " + setup.fileToEdit("binaries", key))));
        }
        for (String launcher : argv.subList(0, launcherLength)) {
            Optional<Path> found = finder.find(launcher);
            if (found.isPresent()) {
                resolved.add(found.get().toString());
            } else {
                // Meson drops a missing ccache silently; we say so, because builds get slower.
                findings.add(Finding.warning("launcher." + key, language.displayName() + " compiler launcher",
                        launcher + " (" + origin + ") was not found on PATH; compiling without it",
                        Optional.of(packages.forProgram(launcher).map(p -> DebianPackages.install(List.of(p)))
                                .orElse(DebianPackages.install(List.of(Launchers.baseName(launcher)))))));
            }
        }
        String name = argv.get(launcherLength);
        Optional<Path> program = finder.find(name);
        if (program.isEmpty()) {
            String where = name.contains("/") ? "does not exist or is not executable" : "was not found on PATH";
            findings.add(Finding.missing(id, subject, name + " (" + origin + ") " + where,
                    Optional.of(installOrSet(setup, language, name, packages))));
            return new Outcome(Optional.empty(), findings);
        }
        resolved.add(program.get().toString());
        resolved.addAll(argv.subList(launcherLength + 1, argv.size()));
        Outcome probed = identify(setup, language, new Tool(key, resolved, origin), true);
        findings.addAll(probed.findings());
        return new Outcome(probed.compiler(), findings);
    }

    private Outcome byConvention(MachineSetup setup, Language language) {
        for (CompilerConventions.Candidate candidate : CompilerConventions.candidates(setup, language, finder)) {
            Optional<Path> program = finder.find(candidate.argv().get(0));
            if (program.isPresent()) {
                List<String> resolved = new ArrayList<>(candidate.argv());
                resolved.set(0, program.get().toString());
                Tool tool = new Tool(language.binaryKey(), resolved, "convention: " + candidate.shown());
                return identify(setup, language, tool, false);
            }
        }
        return failed(missingByConvention(setup, language));
    }

    private Finding missingByConvention(MachineSetup setup, Language language) {
        String key = language.binaryKey();
        String file = setup.fileToEdit("binaries", key);
        DebianPackages packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
        List<String> tried = CompilerConventions.described(setup, language);
        String notSet = setup.cross() ? "[binaries] " + key + " is not set in " + setup.fileNames() + " and " : "";
        String detail = tried.isEmpty()
                ? "no " + subject(language) + " for " + TargetMatch.describe(setup.machine()) + ": " + notSet
                        + "there is no conventional compiler name for this machine"
                : "no " + subject(language) + " for " + TargetMatch.describe(setup.machine()) + ": " + notSet
                        + "none of " + String.join(", ", tried) + " is on PATH";
        String setKey = "set " + key + " in [binaries] of " + file;
        Optional<String> remedy = packages.installCompiler(language).map(install -> install + ", or " + setKey);
        return Finding.missing(findingId(language), subject(language), detail, Optional.of(remedy.orElse(setKey
                + " to a " + subject(language) + " for " + TargetMatch.describe(setup.machine()))));
    }

    /** Probes the compiler and checks that it targets the machine. */
    private Outcome identify(MachineSetup setup, Language language, Tool tool, boolean given) {
        String id = findingId(language);
        String subject = subject(language);
        String key = language.binaryKey();
        String shown = tool.commandLine();
        CompilerProbe.Result result = probe.probe(Launchers.withoutLauncher(tool.argv()));
        if (result.id().isEmpty()) {
            Optional<String> remedy = given
                    ? Optional.of("set " + key + " in [binaries] at " + setup.fileToEdit("binaries", key)
                            + " to a GCC or Clang compiler for " + TargetMatch.describe(setup.machine()))
                    : Optional.empty();
            return failed(Finding.error(id, subject, shown + " (" + tool.origin() + ") cannot be used: "
                    + result.failure(), remedy));
        }
        Compiler compiler = new Compiler(language, tool, result.id().get());
        String triple = compiler.id().targetTriple();
        return switch (TargetMatch.check(triple, setup.machine())) {
            case MATCH -> new Outcome(Optional.of(compiler), List.of(Finding.ok(id, subject, compiler.describe())));
            case UNKNOWN -> new Outcome(Optional.of(compiler), List.of(Finding.warning(id, subject, compiler.describe()
                    + "; cannot tell from its target '" + triple + "' whether it compiles for the " + setup.label()
                    + " " + TargetMatch.describe(setup.machine()) + ", assuming it does", Optional.empty())));
            default -> failed(wrongMachine(setup, language, compiler, given));
        };
    }

    private Finding wrongMachine(MachineSetup setup, Language language, Compiler compiler, boolean given) {
        String key = language.binaryKey();
        String triple = compiler.id().targetTriple();
        String machineWhere = setup.machineSectionLocation().map(where -> " (" + where + ")").orElse("");
        String detail = compiler.tool().commandLine() + " (" + compiler.tool().origin() + ") compiles for " + triple
                + " (" + TargetMatch.describe(triple) + "), but the " + setup.label() + " is "
                + TargetMatch.describe(setup.machine()) + machineWhere;
        DebianPackages packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
        Optional<String> install = packages.installCompiler(language);
        Optional<String> wanted = Aliases.gnuTriplet(setup.machine());
        String example = wanted.map(t -> ", e.g. " + key + " = '" + t + "-" + (language == Language.C ? "gcc" : "g++")
                + "'").orElse("");
        String remedy = "set " + key + " in [binaries] at " + setup.fileToEdit("binaries", key) + " to a "
                + subject(language) + " for " + wanted.orElse(TargetMatch.describe(setup.machine())) + example
                + install.map(command -> " (" + command + ")").orElse("");
        return Finding.error(findingId(language), subject(language), detail, Optional.of(remedy));
    }

    private static String installOrSet(MachineSetup setup, Language language, String name, DebianPackages packages) {
        String key = language.binaryKey();
        String correct = "correct [binaries] " + key + " at " + setup.fileToEdit("binaries", key);
        Optional<String> pkg = packages.forProgram(name);
        if (pkg.isEmpty()) {
            return "install " + name + " or " + correct;
        }
        Optional<String> compilerPackage = packages.compiler(language);
        String install = pkg.equals(compilerPackage) ? packages.installCompiler(language).orElseThrow()
                : DebianPackages.install(List.of(pkg.get()));
        return install + ", or " + correct;
    }

    private static Outcome failed(Finding finding) {
        return new Outcome(Optional.empty(), List.of(finding));
    }
}
