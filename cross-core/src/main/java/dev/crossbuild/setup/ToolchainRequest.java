package dev.crossbuild.setup;

import dev.crossbuild.toolchain.CheckRequest;
import dev.crossbuild.toolchain.Language;
import java.util.Objects;
import java.util.Set;

/**
 * What setup must make sure of for the host machine: compilers for {@code languages} (none: the module has no
 * C/C++ and setup only resolves the machines), target strip/objcopy when {@code strip}, the target {@code libraries}
 * the doctor should look for ({@code zlib}), and the compiler {@code checks} to answer.
 */
public record ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks) {

    public ToolchainRequest {
        languages = Set.copyOf(languages);
        libraries = Set.copyOf(libraries);
        Objects.requireNonNull(checks, "checks");
    }

    /** No toolchain work at all. */
    public static ToolchainRequest none() {
        return new ToolchainRequest(Set.of(), true, Set.of(), CheckRequest.empty());
    }

    public boolean wanted() {
        return !languages.isEmpty();
    }
}
