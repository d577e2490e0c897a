package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings about the binutils of a toolchain. {@code ar} is needed by every static library, so missing it blocks;
 * {@code strip} and {@code objcopy} only when stripping (the {@link Doctor} knows, detection does not, so here they do
 * not block); {@code ranlib} and {@code ld} are reported only when {@code [binaries]} names them ({@code ar s}
 * indexes archives, and the compiler driver picks the linker: Meson ignores {@code ld} since 0.53.1).
 */
final class ToolFindings {

    static final List<String> STRIPPING = List.of("strip", "objcopy");

    private static final Map<String, String> SUBJECTS = Map.of("ar", "archiver (ar)", "ranlib", "ranlib",
            "strip", "strip", "objcopy", "objcopy", "ld", "linker program (ld)");

    private ToolFindings() {
    }

    static String id(String key) {
        return "tool." + key;
    }

    /**
     * @param missingCompiler a compiler finding saying a compiler was not found: a tool missing as well follows
     *                        from it (installing a cross gcc installs its binutils)
     */
    static Optional<Finding> of(BinutilsLookup.Result result, MachineSetup setup, Optional<Compiler> compiler,
            Optional<Finding> missingCompiler) {
        String key = result.key();
        String id = id(key);
        String subject = SUBJECTS.get(key);
        boolean given = result.given().isPresent();
        if (result.tool().isPresent()) {
            boolean reported = given || !(key.equals("ranlib") || key.equals("ld"));
            return reported ? Optional.of(Finding.ok(id, subject, result.tool().get().commandLine())) : Optional.empty();
        }
        if (!given && (key.equals("ranlib") || key.equals("ld"))) {
            return Optional.empty();
        }
        DebianPackages packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
        String file = setup.fileToEdit("binaries", key);
        Finding finding;
        if (given) {
            String name = result.given().get().get(0);
            String where = name.contains("/") ? "does not exist or is not executable" : "was not found on PATH";
            String correct = "correct [binaries] " + key + " at " + file;
            String remedy = packages.forProgram(name).map(p -> DebianPackages.install(List.of(p)) + ", or " + correct)
                    .orElse("install " + name + " or " + correct);
            String detail = name + " (" + setup.binaryOrigin(key) + ") " + where;
            if (key.equals("ld")) {
                return Optional.of(Finding.warning(id, subject, detail + "; Meson ignores ld since 0.53.1 (the "
                        + "compiler driver runs its own linker), and so does cross", Optional.of(remedy)));
            }
            finding = Finding.missing(id, subject, detail, Optional.of(remedy));
        } else {
            Optional<String> install = compiler.filter(c -> c.id().isClang()).isPresent()
                    ? Optional.of(DebianPackages.install(List.of("llvm")))
                    : packages.binutils().map(p -> DebianPackages.install(List.of(p)));
            String setKey = "set " + key + " in [binaries] of " + file;
            String remedy = install.map(command -> command + ", or " + setKey).orElse(setKey);
            String detail = "no " + key + " for " + TargetMatch.describe(setup.machine()) + ": none of "
                    + String.join(", ", result.tried()) + " is on PATH";
            finding = Finding.missing(id, subject, detail, Optional.of(remedy));
        }
        if (STRIPPING.contains(key)) {
            finding = finding.withRemedy(finding.remedy().orElseThrow() + "; or do not strip: -Dcross.strip=false "
                    + "(<strip>false</strip> in the plugin's configuration; the build machine's " + key
                    + " cannot handle files for " + TargetMatch.platform(setup.machine()) + ")")
                    .notBlocking();
        }
        if (missingCompiler.isPresent()) {
            finding = finding.causedBy(missingCompiler.get());
        }
        return Optional.of(finding);
    }
}
