package dev.crossbuild.setup;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.toolchain.Language;
import java.util.Objects;
import java.util.Set;

/**
 * What setup must make sure of for the host machine: compilers for {@code languages} (none: the module has no
 * C/C++ and setup only resolves the machines), target strip/objcopy when {@code strip}, the target {@code libraries}
 * the doctor should look for ({@code zlib}), and the compiler {@code checks} to answer; and for the build machine,
 * compilers for {@code buildLanguages}, the languages of the module's build-machine tools (none: no such tools, the
 * build machine's toolchain is not looked at).
 */
public record ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks,
                               Set<Language> buildLanguages) {

    public ToolchainRequest {
        languages = Set.copyOf(languages);
        libraries = Set.copyOf(libraries);
        Objects.requireNonNull(checks, "checks");
        buildLanguages = Set.copyOf(buildLanguages);
    }

    /** A request without build-machine tools. */
    public ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks) {
        this(languages, strip, libraries, checks, Set.of());
    }

    /** This request, with build-machine tools in {@code languages}. */
    public ToolchainRequest withBuildLanguages(Set<Language> languages) {
        return new ToolchainRequest(this.languages, strip, libraries, checks, languages);
    }

    /** No toolchain work at all. */
    public static ToolchainRequest none() {
        return new ToolchainRequest(Set.of(), true, Set.of(), CheckRequest.empty());
    }

    public boolean wanted() {
        return !languages.isEmpty();
    }
}
