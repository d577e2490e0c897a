package dev.crossbuild.setup;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What setup must make sure of for the host machine: compilers for {@code languages} (none: the module has no
 * C/C++ and setup only resolves the machines), target strip/objcopy when {@code strip}, the target {@code libraries}
 * the doctor should look for ({@code zlib}), and the compiler {@code checks} to answer; and for the build machine,
 * compilers for {@code buildLanguages}, the languages of the module's build-machine tools (none: no such tools, the
 * build machine's toolchain is not looked at); which {@code launchers} go in front of the compilers (a compiler
 * cache by default, a compile farm's client when asked); and where a ready toolchain is remembered: in
 * {@code cacheFolder}, shared by every module and kept across {@code mvn clean} (the plugin's
 * {@code cross.toolchainCache}), else in the classifier folder ({@code toolchain-cache.json}).
 */
public record ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks,
                               Set<Language> buildLanguages, LauncherRequest launchers, Optional<Path> cacheFolder) {

    public ToolchainRequest {
        languages = Set.copyOf(languages);
        libraries = Set.copyOf(libraries);
        Objects.requireNonNull(checks, "checks");
        buildLanguages = Set.copyOf(buildLanguages);
        Objects.requireNonNull(launchers, "launchers");
        Objects.requireNonNull(cacheFolder, "cacheFolder");
    }

    /** A request with the default launchers: a compiler cache when one is on PATH. */
    public ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks,
                            Set<Language> buildLanguages) {
        this(languages, strip, libraries, checks, buildLanguages, LauncherRequest.defaults(), Optional.empty());
    }

    /** A request without build-machine tools. */
    public ToolchainRequest(Set<Language> languages, boolean strip, Set<String> libraries, CheckRequest checks) {
        this(languages, strip, libraries, checks, Set.of());
    }

    /** This request, with build-machine tools in {@code languages}. */
    public ToolchainRequest withBuildLanguages(Set<Language> languages) {
        return new ToolchainRequest(this.languages, strip, libraries, checks, languages, launchers, cacheFolder);
    }

    /** This request, with {@code requested} launchers. */
    public ToolchainRequest withLaunchers(LauncherRequest requested) {
        return new ToolchainRequest(languages, strip, libraries, checks, buildLanguages, requested, cacheFolder);
    }

    /** This request, remembering a ready toolchain in {@code folder} rather than in the classifier folder. */
    public ToolchainRequest withCacheFolder(Path folder) {
        return new ToolchainRequest(languages, strip, libraries, checks, buildLanguages, launchers,
                Optional.of(folder));
    }

    /** No toolchain work at all. */
    public static ToolchainRequest none() {
        return new ToolchainRequest(Set.of(), true, Set.of(), CheckRequest.empty());
    }

    public boolean wanted() {
        return !languages.isEmpty();
    }
}
