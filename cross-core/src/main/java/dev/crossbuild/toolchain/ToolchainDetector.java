package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.MachineRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the toolchain of one machine: for each language the compiler ({@code [binaries]} first, else by
 * convention; see {@link CompilerConventions}), identified with one or two cheap runs ({@link CompilerProbe}) and
 * confirmed to compile for that machine; then {@code ar}, {@code ranlib}, {@code strip}, {@code objcopy} and
 * {@code ld} of the same toolchain ({@link BinutilsLookup}). Programs are looked up on the PATH of the
 * {@link HostEnvironment} and run by absolute path. A missing or wrong program is a finding, never an exception.
 */
public final class ToolchainDetector {

    private final ProcessRunner runner;
    private final HostEnvironment environment;
    private final ProgramFinder finder;

    public ToolchainDetector(ProcessRunner runner, HostEnvironment environment) {
        this.runner = runner;
        this.environment = environment;
        this.finder = new ProgramFinder(environment);
    }

    public Detection detect(CrossEnvironment crossEnvironment, MachineRole role, Set<Language> languages) {
        MachineSetup setup = MachineSetup.of(crossEnvironment, role, environment);
        CompilerLocator locator = new CompilerLocator(finder, new CompilerProbe(runner));
        Map<Language, Compiler> compilers = new EnumMap<>(Language.class);
        List<Finding> findings = new ArrayList<>();
        for (Language language : Language.values()) {
            if (languages.contains(language)) {
                CompilerLocator.Outcome outcome = locator.locate(setup, language);
                findings.addAll(outcome.findings());
                outcome.compiler().ifPresent(compiler -> compilers.put(language, compiler));
            }
        }
        Optional<Compiler> primary = compilers.values().stream().findFirst(); // C before C++: EnumMap order
        Optional<Finding> missingCompiler = findings.stream()
                .filter(f -> f.id().startsWith("compiler.") && f.status() == Finding.Status.MISSING).findFirst();
        BinutilsLookup lookup = new BinutilsLookup(finder);
        Map<String, Optional<Tool>> tools = new HashMap<>();
        for (String key : BinutilsLookup.KEYS) {
            BinutilsLookup.Result result = lookup.find(key, setup, primary);
            tools.put(key, result.tool());
            ToolFindings.of(result, setup, primary, missingCompiler).ifPresent(findings::add);
        }
        Optional<Toolchain> toolchain = compilers.isEmpty() ? Optional.empty()
                : Optional.of(new Toolchain(role, setup.machine(), compilers, tools.get("ar"), tools.get("ranlib"),
                        tools.get("strip"), tools.get("objcopy"), tools.get("ld")));
        return new Detection(toolchain, findings);
    }
}
