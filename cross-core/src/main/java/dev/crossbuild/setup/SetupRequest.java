package dev.crossbuild.setup;

import dev.crossbuild.crossfile.OptionOverride;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.ResolvedDevArtifact;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CrossSetup} needs: the cross and native file names as the user gave them (layered in order), the
 * directories a relative name is tried in first (the module, then the build root), the {@code target/cross}
 * directory, an optional classifier that replaces the derived one, and the top-level source directory for
 * {@code @GLOBAL_SOURCE_ROOT@}, what the toolchain must provide, the private sysroot's packages and cache, the
 * built-in options the POM sets (they win over the machine files'), the module's targets, whose names and output
 * files must not clash, and the development artifacts of its native dependencies found for the classifier (unpacked
 * under {@code deps/}).
 */
public record SetupRequest(
        List<String> crossFiles,
        List<String> nativeFiles,
        List<Path> searchFirst,
        Path crossDirectory,
        Optional<String> classifier,
        Optional<Path> sourceRoot,
        ToolchainRequest toolchain,
        SysrootSettings sysroot,
        List<OptionOverride> options,
        List<NativeTarget> targets,
        List<ResolvedDevArtifact> nativeDependencies) {

    public SetupRequest {
        crossFiles = List.copyOf(crossFiles);
        nativeFiles = List.copyOf(nativeFiles);
        searchFirst = List.copyOf(searchFirst);
        Objects.requireNonNull(crossDirectory, "crossDirectory");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        Objects.requireNonNull(toolchain, "toolchain");
        Objects.requireNonNull(sysroot, "sysroot");
        options = List.copyOf(options);
        targets = List.copyOf(targets);
        nativeDependencies = List.copyOf(nativeDependencies);
    }

    /** A request without native dependencies. */
    public SetupRequest(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst, Path crossDirectory,
                        Optional<String> classifier, Optional<Path> sourceRoot, ToolchainRequest toolchain,
                        SysrootSettings sysroot, List<OptionOverride> options, List<NativeTarget> targets) {
        this(crossFiles, nativeFiles, searchFirst, crossDirectory, classifier, sourceRoot, toolchain, sysroot, options,
                targets, List.of());
    }

    /** This request with the development artifacts of the module's native dependencies, for its classifier. */
    public SetupRequest withNativeDependencies(List<ResolvedDevArtifact> artifacts) {
        return new SetupRequest(crossFiles, nativeFiles, searchFirst, crossDirectory, classifier, sourceRoot, toolchain,
                sysroot, options, targets, artifacts);
    }

    /**
     * A request whose sysroot packages are only those the cross files name, fetched online into the default cache,
     * without POM options and without targets to check.
     */
    public SetupRequest(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst, Path crossDirectory,
                        Optional<String> classifier, Optional<Path> sourceRoot, ToolchainRequest toolchain) {
        this(crossFiles, nativeFiles, searchFirst, crossDirectory, classifier, sourceRoot, toolchain,
                SysrootSettings.defaults(), List.of(), List.of());
    }
}
