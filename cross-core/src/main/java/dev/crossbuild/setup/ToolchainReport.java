package dev.crossbuild.setup;

import dev.crossbuild.checks.CheckResults;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerLaunch;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host toolchain setup confirmed, the doctor's diagnosis, and the compiler checks' answers (empty when the
 * toolchain is not ready). {@code compilerRuns} counts every compiler and tool process setup started for them: 0
 * when detection, diagnosis and checks were all {@code reused} from the cache. {@code buildToolchain} is the build
 * machine's, when the module has build-machine tools (its findings are in the diagnosis, ids {@code build.*}).
 * {@code launch} says what runs in front of the compilers (the toolchains already include it).
 */
public record ToolchainReport(Toolchain toolchain, Diagnosis diagnosis, Optional<CheckResults> checks,
                              int compilerRuns, boolean reused, Optional<Toolchain> buildToolchain,
                              CompilerLaunch launch) {

    public ToolchainReport {
        Objects.requireNonNull(buildToolchain, "buildToolchain");
        Objects.requireNonNull(launch, "launch");
    }

    /** A report without launchers. */
    public ToolchainReport(Toolchain toolchain, Diagnosis diagnosis, Optional<CheckResults> checks, int compilerRuns,
                           boolean reused, Optional<Toolchain> buildToolchain) {
        this(toolchain, diagnosis, checks, compilerRuns, reused, buildToolchain, CompilerLaunch.none());
    }

    /** A report without a build-machine toolchain. */
    public ToolchainReport(Toolchain toolchain, Diagnosis diagnosis, Optional<CheckResults> checks, int compilerRuns,
                           boolean reused) {
        this(toolchain, diagnosis, checks, compilerRuns, reused, Optional.empty());
    }

    /**
     * Log lines: one per compiler, the compiler cache and compile farm, the doctor's verdict and each of its warnings,
     * the checks' answers, and how much it cost.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Compiler compiler : toolchain.compilers().values()) {
            lines.add(String.format("%-14s%s", compiler.language().displayName() + " compiler:", plain(compiler)));
        }
        buildToolchain.ifPresent(build -> build.compilers().values().forEach(compiler -> lines.add(
                compiler.language().displayName() + " compiler for the build machine: " + plain(compiler))));
        if (!toolchain.compilers().isEmpty()) {
            lines.addAll(launch.summary());
        }
        List<Finding> warnings = diagnosis.warnings();
        lines.add("doctor: " + (diagnosis.ready() ? "ready" : "NOT ready") + " (" + diagnosis.findings().size()
                + " findings, " + warnings.size() + (warnings.size() == 1 ? " warning)" : " warnings)"));
        // Each warning in full: a count alone sends the user to the doctor goal to learn what it is.
        warnings.forEach(f -> lines.add("doctor warning: " + f.subject() + ": " + f.detail()
                + f.remedy().map(remedy -> " -> " + remedy).orElse("")));
        checks.ifPresent(c -> {
            String answers = String.join(", ", c.projectProperties().entrySet().stream()
                    .map(e -> e.getKey().substring("cross.".length()) + "=" + e.getValue()).toList());
            if (!answers.isEmpty()) {
                lines.add("checks: " + answers + " (" + c.compilerRuns() + (c.compilerRuns() == 1 ? " compiler run)" : " compiler runs)"));
            }
        });
        String runs = compilerRuns + (compilerRuns == 1 ? " compiler run" : " compiler runs");
        if (!reused) {
            lines.add("toolchain: detected, diagnosed and checked with " + runs);
        } else if (compilerRuns == 0) {
            lines.add("toolchain: reused the detection, diagnosis and checks of the last setup (0 compiler runs)");
        } else { // the checks' answers live in the classifier folder, which mvn clean removes
            lines.add("toolchain: reused the detection and diagnosis of the last setup, checked with " + runs);
        }
        return lines;
    }

    /** The compiler without its launchers, which the {@code compiler cache:} and {@code compile farm:} lines name. */
    private static String plain(Compiler compiler) {
        return String.join(" ", compiler.argvWithoutLauncher()) + " (" + compiler.id() + ")";
    }
}
