package dev.crossbuild.toolchain;

import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProgramFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Links a tiny program with each compiler, as the build will ({@code <lang>_args} and {@code <lang>_link_args}
 * included): {@code int main(void){return 0;}} for C, one that needs {@code operator new} for C++. This is the test
 * that nothing else replaces: the linker the driver runs, the start files, libc, libgcc and libstdc++ all take part.
 * A failure is explained from the linker's own words (the messages of {@code landscape.md} section 4).
 */
final class LinkCheck {

    private static final String C_PROGRAM = "int main(void) { return 0; }\n";
    /** Links without any library: {@code -nostdlib} (and no start files, so no entry point but main). */
    private static final String CPP_PROGRAM =
            "#include <new>\nint main() { int *p = new int(0); int r = *p; delete p; return r; }\n";

    private final CompilerQueries queries;
    private final MachineSetup setup;
    private final ProgramFinder finder;
    private final DebianPackages packages;

    LinkCheck(CompilerQueries queries, MachineSetup setup, ProgramFinder finder) {
        this.queries = queries;
        this.setup = setup;
        this.finder = finder;
        this.packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
    }

    static String id(Language language) {
        return "link." + language.binaryKey();
    }

    static String subject(Language language) {
        return language.displayName() + " linker";
    }

    /**
     * @param rootCause an earlier finding (missing start files, libc, libstdc++) the failure would follow from
     */
    Finding check(Compiler compiler, Path directory, Optional<Finding> rootCause) {
        Language language = compiler.language();
        List<String> argv = queries.linkArgv(compiler);
        Optional<Finding> missingLinker = missingFuseLd(language, argv);
        if (missingLinker.isPresent()) {
            return missingLinker.get();
        }
        String file = "cross_link_probe." + language.sourceSuffix();
        // With a custom standard library (c_stdlib) targets link -nostdlib, with the module's library, which is not
        // built yet: the probe links as they do, a program that needs nothing from any library.
        List<String> standalone = setup.standardLibrary(language)
                .map(library -> List.of(language == Language.C ? "-nostdinc" : "-nostdinc++", "-nostdlib"))
                .orElse(List.of());
        ProcessResult result;
        try {
            result = standalone.isEmpty()
                    ? queries.build(compiler, directory, file, language == Language.C ? C_PROGRAM : CPP_PROGRAM, true)
                    : queries.build(compiler, directory, file, C_PROGRAM, true, standalone);
        } catch (IOException e) {
            return Finding.error(id(language), subject(language), "the test link could not be run: " + e.getMessage(),
                    Optional.empty());
        }
        List<String> shown = new ArrayList<>(argv);
        shown.addAll(standalone);
        String command = String.join(" ", shown) + " " + file;
        if (result.succeeded()) {
            return Finding.ok(id(language), subject(language), "a test program links (" + command + ")");
        }
        String errors = errorLines(result.stderr() + "\n" + result.stdout());
        Finding failed = Finding.error(id(language), subject(language), "'" + command + " -o ...' failed"
                + (result.timedOut() ? " (timed out)" : " with exit code " + result.exitCode())
                + (errors.isEmpty() ? "" : ": " + errors), remedy(errors, language));
        return rootCause.map(failed::causedBy).orElse(failed);
    }

    /** {@code -fuse-ld=lld} needs {@code ld.lld} on PATH; without it clang says only "invalid linker name". */
    private Optional<Finding> missingFuseLd(Language language, List<String> argv) {
        for (String arg : argv) {
            if (arg.startsWith("-fuse-ld=")) {
                String linker = arg.substring("-fuse-ld=".length());
                if (linker.contains("/") || !(linker.equals("lld") || linker.equals("mold"))) {
                    return Optional.empty();
                }
                String program = "ld." + linker;
                if (finder.find(program).isEmpty()) {
                    return Optional.of(Finding.missing(id(language), subject(language), arg + " asks for " + program
                            + ", which is not on PATH", Optional.of(DebianPackages.install(List.of(linker)))));
                }
            }
        }
        return Optional.empty();
    }

    /** The lines that say what went wrong, at most three. */
    static String errorLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            String trimmed = line.strip();
            boolean telling = trimmed.contains("error") || trimmed.contains("cannot find")
                    || trimmed.contains("cannot open") || trimmed.contains("No such file")
                    || trimmed.contains("unrecognised") || trimmed.contains("wrong format");
            if (telling && !trimmed.startsWith("collect2:") && lines.size() < 3) {
                lines.add(trimmed);
            }
        }
        return String.join("; ", lines);
    }

    private Optional<String> remedy(String errors, Language language) {
        String machine = TargetMatch.platform(setup.machine());
        if (errors.contains("crt1.o") || errors.contains("crti.o") || errors.contains("-lc:")
                || errors.contains("-lc ") || errors.contains("library -lc") || errors.contains("libc-header-start.h")
                || errors.contains("stdio.h")) {
            return packages.libcDev().map(p -> DebianPackages.install(List.of(p)));
        }
        if (errors.contains("-lgcc") || errors.contains("crtbegin")) {
            return packages.compiler(Language.C).map(p -> DebianPackages.install(List.of(p)));
        }
        if (errors.contains("-lstdc++") || errors.contains("'new'") || errors.contains("new: No such file")) {
            return packages.compiler(Language.CPP).map(p -> DebianPackages.install(List.of(p)));
        }
        if (errors.contains("R_RISCV_ALIGN")) {
            return Optional.of("lld 14 cannot link riscv64: remove -fuse-ld=lld (GNU ld works) or use lld 15 or "
                    + "newer");
        }
        if (errors.contains("unrecognised emulation mode") || errors.contains("Relocations in generic ELF")
                || errors.contains("wrong format") || errors.contains("file format not recognized")) {
            return Optional.of("the linker the " + language.displayName() + " compiler runs does not link for "
                    + machine + ": remove linker options from " + language.binaryKey() + "_link_args, or set "
                    + language.binaryKey() + "_ld in [binaries] of " + setup.fileToEdit("binaries",
                            language.binaryKey() + "_ld"));
        }
        return Optional.empty();
    }
}
